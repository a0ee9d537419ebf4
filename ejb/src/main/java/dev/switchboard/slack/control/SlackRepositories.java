package dev.switchboard.slack.control;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.control.RelinkRequiredException;
import dev.switchboard.clients.control.LinkHeader;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.json.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The repositories a Slack requester may start jobs on: those of their linked GitHub account ({@code GET
 * /user/repos}, every page up to {@link #MAX_PAGES}) and the deployment's SLACK_DEFAULT_REPOSITORIES. A user
 * without a usable GitHub link (none, or one that needs relinking) has the defaults only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlackRepositories {

    private static final Logger LOG = Logger.getLogger(SlackRepositories.class.getName());
    static final int PAGE = 100;
    static final int MAX_PAGES = 10;

    @Inject
    AccessTokens accessTokens;

    @Inject
    PlatformClients clients;

    /**
     * What the requester can access, and the GitHub authorization that read it (null when none).
     *
     * @param gitProviders full name → the agent server's {@code git_provider}, in the order found
     */
    public record Accessible(Map<String, String> gitProviders, String gitHubAuthorization) {

        public List<String> names() {
            return List.copyOf(gitProviders.keySet());
        }

        @Override
        public String toString() {
            return "Accessible" + gitProviders.keySet();
        }
    }

    /** @param userId the Switchboard user who asks; null in team mode for an unlinked requester */
    public Accessible of(String userId) {
        Map<String, String> found = new LinkedHashMap<>();
        String authorization = userId == null ? null : gitHubAuthorization(userId);
        if (authorization != null) {
            userRepositories(authorization).forEach(name -> found.putIfAbsent(name, "github"));
        }
        defaults().forEach(name -> found.putIfAbsent(name, "github"));
        return new Accessible(found, authorization);
    }

    static List<String> defaults() {
        return ConfigProvider.getConfig().getOptionalValue("slack.default.repositories", String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(name -> name.contains("/"))
                        .toList())
                .orElse(List.of());
    }

    private String gitHubAuthorization(String userId) {
        try {
            return "Bearer " + accessTokens.current(userId, OAuthProvider.GITHUB);
        } catch (AccountLinkingException | RelinkRequiredException e) {
            LOG.fine(() -> "user " + userId + " has no usable GitHub link: " + e.getMessage());
            return null;
        }
    }

    private List<String> userRepositories(String authorization) {
        List<String> names = new ArrayList<>();
        int page = 1;
        for (int read = 0; read < MAX_PAGES; read++) {
            OptionalInt next;
            try (Response r = clients.gitHub().userRepositories(authorization, null, PAGE, page)) {
                if (r.getStatus() / 100 != 2) {
                    throw new IllegalStateException("github refused listing the user's repositories (HTTP "
                            + r.getStatus() + ")");
                }
                next = LinkHeader.parse(r.getHeaderString("Link")).nextPage();
                names.addAll(fullNames(r.readEntity(String.class)));
            }
            if (next.isEmpty()) {
                break;
            }
            page = next.getAsInt();
        }
        return names;
    }

    static List<String> fullNames(String json) {
        JsonArray repositories = Jsons.createReader(new StringReader(json)).readArray();
        List<String> names = new ArrayList<>();
        for (JsonValue value : repositories) {
            if (value instanceof JsonObject repository && repository.get("full_name") != null) {
                names.add(repository.getString("full_name"));
            }
        }
        return names;
    }
}
