package dev.switchboard.slack.control;

import dev.switchboard.ratelimits.control.NonIdempotent;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Slack's Web API, relative to SLACK_API_URL ({@code slack.api.url}, default {@code https://slack.com/api}):
 * each method is {@code /<method>}. Injected clients read {@code slack/mp-rest/url}, which the config
 * module's defaults set from {@code slack.api.url}; Switchboard builds its clients through
 * {@code PlatformClients}.
 * <p>
 * Write methods take JSON, which Slack accepts only with an explicit {@code charset=utf-8} (it warns
 * {@code missing_charset} otherwise). {@code users.info} and {@code conversations.replies} do not read JSON
 * bodies, so they are GETs with query parameters. {@code authorization} is {@code "Bearer xoxb-..."}.
 * Slack answers most failures with HTTP 200 and {@code "ok": false}: the caller must read the body, and
 * {@code Retry-After} on a 429.
 */
@RegisterRestClient(configKey = "slack")
@Produces(MediaType.APPLICATION_JSON)
public interface SlackApi {

    String JSON_UTF8 = "application/json; charset=utf-8";

    /** Posts a message; a {@code thread_ts} in the body makes it a reply in that thread. */
    @NonIdempotent
    @POST
    @Path("/chat.postMessage")
    @Consumes(JSON_UTF8)
    Response postMessage(@HeaderParam("Authorization") String authorization, JsonObject message);

    /** A message only {@code user} sees, in {@code channel}. */
    @NonIdempotent
    @POST
    @Path("/chat.postEphemeral")
    @Consumes(JSON_UTF8)
    Response postEphemeral(@HeaderParam("Authorization") String authorization, JsonObject message);

    /** Replaces the message at {@code channel} + {@code ts}. */
    @POST
    @Path("/chat.update")
    @Consumes(JSON_UTF8)
    Response update(@HeaderParam("Authorization") String authorization, JsonObject message);

    /** {@code {"channel": ..., "timestamp": ..., "name": "eyes"}}. */
    @POST
    @Path("/reactions.add")
    @Consumes(JSON_UTF8)
    Response addReaction(@HeaderParam("Authorization") String authorization, JsonObject reaction);

    @GET
    @Path("/users.info")
    Response userInfo(@HeaderParam("Authorization") String authorization, @QueryParam("user") String userId);

    /** A thread's messages; {@code cursor} from {@code SlackCursor.next} of the previous page. */
    @GET
    @Path("/conversations.replies")
    Response conversationReplies(@HeaderParam("Authorization") String authorization,
            @QueryParam("channel") String channel, @QueryParam("ts") String threadTs, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /**
     * A thread's messages from {@code oldest} on, with the metadata apps put on their messages
     * ({@code include_all_metadata}).
     */
    @GET
    @Path("/conversations.replies")
    Response conversationRepliesWithMetadata(@HeaderParam("Authorization") String authorization,
            @QueryParam("channel") String channel, @QueryParam("ts") String threadTs, @QueryParam("oldest") String oldest,
            @QueryParam("include_all_metadata") Boolean includeAllMetadata, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /** Who the token is (bot user id, team), and whether it still works. */
    @GET
    @Path("/auth.test")
    Response authTest(@HeaderParam("Authorization") String authorization);
}
