package dev.switchboard.deliveries.boundary;

import dev.switchboard.deliveries.control.Acknowledgement;
import dev.switchboard.deliveries.control.WebhookHeaders;
import dev.switchboard.deliveries.control.WebhookReception;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** What every platform's webhook resource does: read the raw body within the size limit, hand it to intake. */
@ApplicationScoped
public class WebhookEndpoint {

    @Inject
    WebhookReception reception;

    public Response receive(Platform platform, HttpHeaders headers, InputStream body) {
        reception.requireEnabled(platform);
        byte[] raw = readBounded(platform, headers, body);
        Acknowledgement ack = reception.receive(platform,
                new WebhookRequest(WebhookHeaders.of(headers.getRequestHeaders()), raw));
        if (ack instanceof Acknowledgement.Queued queued) {
            return json(Response.Status.ACCEPTED, Jsons.createObjectBuilder()
                    .add("id", queued.id()).add("status", "queued").build().toString());
        }
        if (ack instanceof Acknowledgement.Duplicate duplicate) {
            return json(Response.Status.OK, Jsons.createObjectBuilder()
                    .add("id", duplicate.id()).add("status", "duplicate").build().toString());
        }
        if (ack instanceof Acknowledgement.Answered answered) {
            return json(Response.Status.OK, answered.json());
        }
        Acknowledgement.Challenged challenged = (Acknowledgement.Challenged) ack;
        return json(Response.Status.OK, Jsons.createObjectBuilder()
                .add("challenge", challenged.challenge()).build().toString());
    }

    /** Refuses by the declared length before reading, and stops reading one byte past the limit. */
    private byte[] readBounded(Platform platform, HttpHeaders headers, InputStream body) {
        long max = reception.maxBytes();
        if (headers.getLength() > max) {
            throw reception.tooLarge(platform);
        }
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(headers.getLength(), 1024));
        byte[] buffer = new byte[16384];
        long total = 0;
        try {
            for (int n; (n = body.read(buffer)) != -1; ) {
                total += n;
                if (total > max) {
                    throw reception.tooLarge(platform);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Response json(Response.Status status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
