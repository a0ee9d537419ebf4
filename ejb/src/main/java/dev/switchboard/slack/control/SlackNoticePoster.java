package dev.switchboard.slack.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Posts Slack notices with the workspace's bot token through the governed client (retries, rate limits and
 * breaker are its business): a {@code reply} in the job's thread, or an {@code ephemeral} message in that
 * thread that only the asking user sees (the "connect your account" answer, which is nobody else's business);
 * the repository {@code selector} (a Block Kit reply), its {@code update} once chosen ({@code chat.update}), and
 * the 👀 {@code reaction} on the asking message. Thread messages carry the notice's id in their {@code metadata}, by
 * which one whose outcome was lost is looked for ({@link #findPosted}) before it is posted again.
 */
@ApplicationScoped
public class SlackNoticePoster implements NoticePoster {

    public static final String REPLY = "reply";
    public static final String EPHEMERAL = "ephemeral";
    /** Body: {@link SlackRepositorySelector#message}; target: a {@link SlackTarget}. */
    public static final String SELECTOR = "selector";
    /** Body: the new {@code text} and {@code blocks}; target: the {@link SlackMessageRef} replaced. */
    public static final String UPDATE = "update";
    /** Body: the emoji name; target: the {@link SlackMessageRef} reacted to. */
    public static final String REACTION = "reaction";
    private static final Logger LOG = Logger.getLogger(SlackNoticePoster.class.getName());
    private static final String ALREADY_REACTED = "already_reacted";
    /** The metadata event type of every thread message Switchboard posts for a notice. */
    public static final String EVENT_TYPE = "switchboard_notice";
    /** Thread messages since shortly before the notice was stored, in Slack's largest pages. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 10;

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
        if (UPDATE.equals(notice.getKind())) {
            return update(notice);
        }
        if (REACTION.equals(notice.getKind())) {
            return react(notice);
        }
        SlackTarget to = SlackTarget.from(notice.getTarget());
        String authorization = tokens.authorization(to.team());
        JsonObject message = Jsons.createObjectBuilder().add("channel", to.channel()).add("thread_ts", to.threadTs())
                .add("text", notice.getBody()).add("unfurl_links", false).build();
        if (REPLY.equals(notice.getKind())) {
            try (Response r = clients.slack().postMessage(authorization, marked(message, notice))) {
                return check("chat.postMessage", r).getString("ts", null);
            }
        }
        if (SELECTOR.equals(notice.getKind())) {
            JsonObject selector = marked(Jsons.createObjectBuilder(SlackRepositorySelector.forSlack(json(notice.getBody())))
                    .add("channel", to.channel()).add("thread_ts", to.threadTs()).add("unfurl_links", false).build(),
                    notice);
            try (Response r = clients.slack().postMessage(authorization, selector)) {
                return check("chat.postMessage", r).getString("ts", null);
            }
        }
        if (EPHEMERAL.equals(notice.getKind())) {
            JsonObject ephemeral = Jsons.createObjectBuilder(message).add("user", to.user()).build();
            try (Response r = clients.slack().postEphemeral(authorization, ephemeral)) {
                return check("chat.postEphemeral", r).getString("message_ts", null);
            }
        }
        throw new IllegalArgumentException("unknown Slack notice kind " + notice.getKind());
    }

    /**
     * Looks for a thread message (a reply or a selector) among the thread's messages since shortly before the notice
     * was stored, by the notice id in its metadata. Ephemeral messages are kept by nobody, so they cannot be looked
     * for (at least once), nor need updates and reactions be (the same update or reaction twice is one).
     */
    @Override
    public Optional<String> findPosted(JobNotice notice) {
        if (!REPLY.equals(notice.getKind()) && !SELECTOR.equals(notice.getKind())) {
            return Optional.empty();
        }
        SlackTarget to = SlackTarget.from(notice.getTarget());
        String authorization = tokens.authorization(to.team());
        String oldest = notice.getCreatedAt().minus(LOOK_BACK).getEpochSecond() + ".000000";
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject answer;
            try (Response r = clients.slack().conversationRepliesWithMetadata(authorization, to.channel(),
                    to.threadTs(), oldest, true, cursor, PAGE)) {
                answer = check("conversations.replies", r);
            }
            JsonArray messages = answer.getJsonArray("messages");
            for (JsonValue m : messages == null ? JsonValue.EMPTY_JSON_ARRAY : messages) {
                if (m.getValueType() == JsonValue.ValueType.OBJECT && carries(m.asJsonObject(), notice)) {
                    return Optional.ofNullable(m.asJsonObject().getString("ts", null));
                }
            }
            Optional<String> next = SlackCursor.next(answer);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cursor = next.get();
        }
        return Optional.empty();
    }

    private static boolean carries(JsonObject message, JobNotice notice) {
        if (!(message.get("metadata") instanceof JsonObject metadata)
                || !EVENT_TYPE.equals(metadata.getString("event_type", null))
                || !(metadata.get("event_payload") instanceof JsonObject payload)) {
            return false;
        }
        return notice.getId().equals(payload.getString("notice_id", null));
    }

    /** The message with the notice's id in its metadata, which Slack keeps with it and shows nobody. */
    private static JsonObject marked(JsonObject message, JobNotice notice) {
        return Jsons.createObjectBuilder(message).add("metadata", Jsons.createObjectBuilder().add("event_type", EVENT_TYPE)
                .add("event_payload", Jsons.createObjectBuilder().add("notice_id", notice.getId()))).build();
    }

    private String update(JobNotice notice) {
        SlackMessageRef at = SlackMessageRef.from(notice.getTarget());
        JsonObject message = Jsons.createObjectBuilder(json(notice.getBody())).add("channel", at.channel())
                .add("ts", at.ts()).build();
        try (Response r = clients.slack().update(tokens.authorization(at.team()), message)) {
            return check("chat.update", r).getString("ts", null);
        }
    }

    private String react(JobNotice notice) {
        SlackMessageRef at = SlackMessageRef.from(notice.getTarget());
        JsonObject reaction = Jsons.createObjectBuilder().add("channel", at.channel()).add("timestamp", at.ts())
                .add("name", notice.getBody()).build();
        try (Response r = clients.slack().addReaction(tokens.authorization(at.team()), reaction)) {
            check("reactions.add", r);
            return at.ts();
        } catch (SlackApiException e) {
            // someone (or an earlier attempt whose answer was lost) already put it there: the reaction is there
            if (ALREADY_REACTED.equals(e.error())) {
                return at.ts();
            }
            // an app installed before it asked for reactions:write: the thread reply still acknowledges
            if (e instanceof SlackPermissionException) {
                LOG.info(() -> "no 👀 on " + at.ts() + " in " + at.channel() + " (" + e.error() + ")");
                return null;
            }
            throw e;
        }
    }

    private static JsonObject json(String body) {
        return Jsons.createReader(new StringReader(body)).readObject();
    }

    private static JsonObject check(String method, Response response) {
        return SlackResponses.check(method, response.getStatus(), response.getStringHeaders(),
                response.readEntity(String.class));
    }
}
