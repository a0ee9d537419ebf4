package dev.switchboard.jobs.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The agent server's conversation API (OpenHands-compatible), relative to AGENT_SERVER_URL. Built by
 * {@link AgentServer}, which adds the bearer key, reads the answers and applies the retry policy; every method
 * returns the raw {@link Response}, which the caller closes.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AgentServerApi {

    /**
     * Starts a conversation: {@code initial_user_msg}, {@code repository}, {@code git_provider},
     * {@code selected_branch}, {@code conversation_instructions} → {@code {"status":"ok","conversation_id":"..."}}.
     */
    @POST
    @Path("/api/conversations")
    Response createConversation(@HeaderParam("Authorization") String authorization, JsonObject conversation);

    /**
     * Adds a user message to a running conversation: {@code {"message": "..."}} → {@code {"success": true}}
     * (OpenHands' {@code POST /api/conversations/{id}/message}; not in the contract's list, see README).
     */
    @POST
    @Path("/api/conversations/{id}/message")
    Response message(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            JsonObject message);

    /** The conversation's metadata; its {@code status} is the runtime's (RUNNING, STOPPED, ...), not the agent's. */
    @GET
    @Path("/api/conversations/{id}")
    Response conversation(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /**
     * The conversation's event stream: {@code {"events":[...],"has_more":bool}}. With {@code reverse=true} the
     * newest come first, which is where the agent's current state and its last message are.
     */
    @GET
    @Path("/api/conversations/{id}/events")
    Response events(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            @QueryParam("reverse") Boolean reverse, @QueryParam("limit") Integer limit);
}
