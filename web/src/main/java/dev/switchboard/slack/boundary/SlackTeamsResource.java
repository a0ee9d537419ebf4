package dev.switchboard.slack.boundary;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.slack.control.SlackTeams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/** Operators check that the Slack bot token of a workspace still works (the token itself is never shown). */
@Path("admin/slack/teams")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SlackTeamsResource {

    @Inject
    SlackTeams teams;

    @POST
    @Path("{teamId}/verify")
    @Bulkhead(SwitchboardApi.OUTBOUND_BULKHEAD)
    public String verify(@PathParam("teamId") String teamId) {
        SlackTeams.Verification v = teams.verify(teamId);
        JsonObjectBuilder json = Json.createObjectBuilder().add("teamId", v.teamId());
        if (v.team() != null) {
            json.add("team", v.team());
        }
        if (v.botUserId() != null) {
            json.add("botUserId", v.botUserId());
        }
        if (v.url() != null) {
            json.add("url", v.url());
        }
        return json.build().toString();
    }
}
