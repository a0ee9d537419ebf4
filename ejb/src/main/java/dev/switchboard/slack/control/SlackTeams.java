package dev.switchboard.slack.control;

import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.slack.entity.SlackInstallation;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;

/** The Slack workspaces the app is installed in, and whether their bot tokens still work. */
@Stateless
public class SlackTeams {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Inject
    PlatformClients clients;

    /** What {@code auth.test} says about the bot token: the workspace and the bot user it acts as. */
    public record Verification(String teamId, String team, String botUserId, String url) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify(String teamId) {
        SlackInstallation installation = em.find(SlackInstallation.class, teamId);
        if (installation == null || installation.getBotToken() == null) {
            throw new AccountLinkingException(404, "Switchboard is not installed in Slack workspace " + teamId);
        }
        String token = vault.decrypt(SlackInstallation.botTokenPurpose(teamId), installation.getBotToken());
        try (Response answer = clients.slack().authTest("Bearer " + token)) {
            JsonObject identity = SlackResponses.check("auth.test", answer.getStatus(), answer.getStringHeaders(),
                    answer.readEntity(String.class));
            return new Verification(identity.getString("team_id", teamId), identity.getString("team", null),
                    identity.getString("user_id", null), identity.getString("url", null));
        } catch (SlackApiException e) {
            throw new AccountLinkingException(502, "Slack refused the bot token of workspace " + teamId + " ("
                    + e.error() + ")");
        }
    }
}
