package dev.switchboard.accounts.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of OAuth: posts token requests and reads identity endpoints, returning status, content
 * type and body for the pure parsers to judge. Standard JAX-RS client, so the EAR stays portable.
 */
@ApplicationScoped
public class ProviderHttp {

    /** What the provider answered. */
    public record Answer(int status, String contentType, String body) {
    }

    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .build();

    public Answer postForm(URI uri, Map<String, String> headers, String formBody) {
        Invocation.Builder request = client.target(uri).request();
        headers.forEach(request::header);
        return send(uri, () -> request.post(Entity.entity(formBody, MediaType.APPLICATION_FORM_URLENCODED_TYPE)));
    }

    public Answer get(URI uri, String bearerToken) {
        Invocation.Builder request = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + bearerToken);
        return send(uri, request::get);
    }

    private static Answer send(URI uri, java.util.function.Supplier<Response> call) {
        try (Response response = call.get()) {
            String contentType = response.getMediaType() == null ? "" : response.getMediaType().toString();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Answer(response.getStatus(), contentType, body);
        } catch (ProcessingException e) {
            // the message names the host only: a URI never carries a token here, but keep it short anyway
            throw new ProviderUnavailableException(uri.getHost() + " did not answer: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
