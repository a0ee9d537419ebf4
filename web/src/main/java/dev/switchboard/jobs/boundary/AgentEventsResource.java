package dev.switchboard.jobs.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.jobs.control.AgentPush;
import dev.switchboard.jobs.control.JobStateChanges;
import dev.switchboard.json.Jsons;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The agent server's pushes of agent state ({@link AgentPush} has the body and the signature): 202 once applied,
 * 401 for a bad or missing signature (or no AGENT_CALLBACK_SECRET configured: it fails closed), 400 for a body it
 * cannot read, 404 for a conversation no job knows, 413 for a body over WEBHOOK_MAX_BYTES.
 */
@Path("agent/events")
public class AgentEventsResource {

    private static final Logger LOG = Logger.getLogger(AgentEventsResource.class.getName());

    @Inject
    JobStateChanges changes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@HeaderParam("X-Signature-256") String signature, InputStream in) throws IOException {
        long limit = ConfigProvider.getConfig().getOptionalValue("webhook.max.bytes", Long.class).orElse(26_214_400L);
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            return ErrorBody.response(413, "the body is larger than " + limit + " bytes");
        }
        String secret = ConfigProvider.getConfig().getOptionalValue("agent.callback.secret", String.class).orElse("");
        if (secret.isBlank()) {
            LOG.warning("an agent push was refused: AGENT_CALLBACK_SECRET is not set");
        }
        if (!AgentPush.isAuthentic(secret, Optional.ofNullable(signature), body)) {
            return ErrorBody.response(401, "invalid signature");
        }
        AgentPush.Parsed push;
        try {
            push = AgentPush.parse(body);
        } catch (AgentPush.MalformedPushException e) {
            return ErrorBody.response(400, e.getMessage());
        }
        String result = push.report().map(report -> changes.apply(push.conversationId(), report).name())
                .orElse(JobStateChanges.Result.UNCHANGED.name());
        if (JobStateChanges.Result.UNKNOWN_CONVERSATION.name().equals(result)) {
            return ErrorBody.response(404, "no job has this conversation");
        }
        return Response.accepted(Jsons.createObjectBuilder().add("status", result.toLowerCase()).build().toString())
                .build();
    }
}
