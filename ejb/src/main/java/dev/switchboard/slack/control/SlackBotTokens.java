package dev.switchboard.slack.control;

import dev.switchboard.slack.entity.SlackInstallation;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The bot token Switchboard speaks with in a workspace: the one stored when the app was installed there
 * (encrypted, as {@link SlackTeams} reads it), else SLACK_BOT_TOKEN, the team-mode token of the one
 * workspace a deployment serves. No token means Switchboard is not in that workspace.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SlackBotTokens {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    /**
     * @param authorization {@code "Bearer xoxb-..."}; never logged
     * @param botUserIds    the app's own user ids in that workspace, when known (its mentions are not requests)
     * @param installed     whether the workspace installed the app (rather than a configured team-mode token)
     */
    public record Bot(String authorization, List<String> botUserIds, boolean installed) {

        @Override
        public String toString() {
            return "Bot[botUserIds=" + botUserIds + ", installed=" + installed + "]";
        }
    }

    public Optional<Bot> forTeam(String teamId) {
        SlackInstallation installation = teamId == null ? null : em.find(SlackInstallation.class, teamId);
        if (installation != null && installation.getBotToken() != null) {
            String token = vault.decrypt(SlackInstallation.botTokenPurpose(teamId), installation.getBotToken());
            List<String> bots = installation.getBotUserId() == null ? List.of() : List.of(installation.getBotUserId());
            return Optional.of(new Bot("Bearer " + token, bots, true));
        }
        return ConfigProvider.getConfig().getOptionalValue("slack.bot.token", String.class)
                .filter(token -> !token.isBlank())
                .map(token -> new Bot("Bearer " + token.strip(), List.of(), false));
    }

    /** The token for a post; a workspace that uninstalled the app in the meantime fails the post. */
    public String authorization(String teamId) {
        return forTeam(teamId).map(Bot::authorization).orElseThrow(() -> new IllegalStateException(
                "Switchboard is not installed in Slack workspace " + teamId));
    }
}
