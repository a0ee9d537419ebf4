package dev.switchboard.slack.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.json.Jsons;
import dev.switchboard.slack.control.SlackTeamDirectory;
import dev.switchboard.slack.control.SlackTeams;
import dev.switchboard.slack.entity.SlackInstallation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Operators list the Slack workspaces that installed the app and check that a workspace's bot token still
 * works. Whether a bot token is stored is shown; the token itself never.
 */
@Path("admin/slack/teams")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SlackTeamsResource {

    @Inject
    SlackTeams teams;

    @Inject
    SlackTeamDirectory directory;

    @GET
    public String list() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (SlackInstallation team : directory.recent(SwitchboardApi.MAX_LISTED)) {
            JsonObjectBuilder item = Jsons.createObjectBuilder().add("teamId", team.getTeamId());
            nullable(item, "teamName", team.getTeamName());
            nullable(item, "enterpriseId", team.getEnterpriseId());
            nullable(item, "botUserId", team.getBotUserId());
            nullable(item, "botScopes", team.getBotScopes());
            item.add("hasBotToken", team.getBotToken() != null);
            nullable(item, "installedAt", team.getInstalledAt());
            nullable(item, "updatedAt", team.getUpdatedAt());
            items.add(item);
        }
        return Jsons.createObjectBuilder().add("items", items).build().toString();
    }

    @POST
    @Path("{teamId}/verify")
    @Bulkhead(SwitchboardApi.OUTBOUND_BULKHEAD)
    public String verify(@PathParam("teamId") String teamId) {
        SlackTeams.Verification v = teams.verify(teamId);
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("teamId", v.teamId());
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
