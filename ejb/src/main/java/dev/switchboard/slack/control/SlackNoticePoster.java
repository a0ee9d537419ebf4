package dev.switchboard.slack.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * Posts Slack notices with the workspace's bot token through the governed client (retries, rate limits and
 * breaker are its business): a {@code reply} in the job's thread, or an {@code ephemeral} message in that
 * thread that only the asking user sees (the "connect your account" answer, which is nobody else's business).
 */
@ApplicationScoped
public class SlackNoticePoster implements NoticePoster {

    public static final String REPLY = "reply";
    public static final String EPHEMERAL = "ephemeral";

    @Inject
    PlatformClients clients;

    @Inject
    SlackBotTokens tokens;

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public String post(JobNotice notice) {
        SlackTarget to = SlackTarget.from(notice.getTarget());
        String authorization = tokens.authorization(to.team());
        JsonObject message = Json.createObjectBuilder().add("channel", to.channel()).add("thread_ts", to.threadTs())
                .add("text", notice.getBody()).add("unfurl_links", false).build();
        if (REPLY.equals(notice.getKind())) {
            try (Response r = clients.slack().postMessage(authorization, message)) {
                return check("chat.postMessage", r).getString("ts", null);
            }
        }
        if (EPHEMERAL.equals(notice.getKind())) {
            JsonObject ephemeral = Json.createObjectBuilder(message).add("user", to.user()).build();
            try (Response r = clients.slack().postEphemeral(authorization, ephemeral)) {
                return check("chat.postEphemeral", r).getString("message_ts", null);
            }
        }
        throw new IllegalArgumentException("unknown Slack notice kind " + notice.getKind());
    }

    private static JsonObject check(String method, Response response) {
        return SlackResponses.check(method, response.getStatus(), response.getStringHeaders(),
                response.readEntity(String.class));
    }
}
