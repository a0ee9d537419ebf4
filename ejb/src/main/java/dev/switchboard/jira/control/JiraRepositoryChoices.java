package dev.switchboard.jira.control;

import dev.switchboard.accounts.control.AccessTokens;
import dev.switchboard.accounts.control.LinkedAccounts;
import dev.switchboard.accounts.control.OAuthProvider;
import dev.switchboard.accounts.control.RelinkRequiredException;
import dev.switchboard.clients.control.LinkHeader;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.gitlab.control.GitLabPagination;
import dev.switchboard.microagents.control.RepositoryAccess;
import dev.switchboard.microagents.control.RepositoryPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The repositories a Jira requester may have a job run on: those of their linked GitHub account
 * ({@code /user/repos}) and GitLab account ({@code /projects?membership=true}, Developer or higher), plus the
 * site's defaults (JIRA_DEFAULT_REPOSITORIES). A provider whose link needs renewing, or that will not list, is
 * left out and logged; its rate limit propagates, so the delivery waits rather than guessing on half a list.
 */
@ApplicationScoped
public class JiraRepositoryChoices {

    private static final Logger LOG = Logger.getLogger(JiraRepositoryChoices.class.getName());
    private static final int PER_PAGE = 100;
    private static final int MAX_PAGES = 10;
    private static final int GITLAB_DEVELOPER = 30;

    @Inject
    LinkedAccounts linkedAccounts;

    @Inject
    AccessTokens tokens;

    @Inject
    PlatformClients clients;

    /** JIRA_DEFAULT_REPOSITORIES, in the order configured; malformed entries are logged and skipped. */
    public List<JiraRepository> defaults() {
        String setting = ConfigProvider.getConfig().getOptionalValue("jira.default.repositories", String.class)
                .orElse("");
        List<JiraRepository> defaults = new ArrayList<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                defaults.add(JiraRepository.parse(entry));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "JIRA_DEFAULT_REPOSITORIES: " + e.getMessage());
            }
        }
        return defaults;
    }

    /** The user's repositories and the defaults; only the defaults without a user (team mode, unlinked). */
    public List<JiraRepository> accessible(String userId) {
        List<JiraRepository> all = new ArrayList<>();
        if (userId != null) {
            token(userId, OAuthProvider.GITHUB).ifPresent(token -> all.addAll(gitHub(token)));
            token(userId, OAuthProvider.GITLAB).ifPresent(token -> all.addAll(gitLab(token)));
        }
        all.addAll(defaults());
        return all;
    }

    /** How to read the repository's microagents: the requester's own token on its provider, if linked. */
    public Optional<RepositoryAccess> access(String userId, JiraRepository repository) {
        Optional<RepositoryPlatform> platform = RepositoryPlatform.of(repository.provider());
        if (userId == null || platform.isEmpty()) {
            return Optional.empty();
        }
        OAuthProvider provider = platform.get() == RepositoryPlatform.GITHUB ? OAuthProvider.GITHUB
                : OAuthProvider.GITLAB;
        return token(userId, provider).map(token -> new RepositoryAccess(platform.get(), repository.fullName(), null,
                "Bearer " + token));
    }

    private Optional<String> token(String userId, OAuthProvider provider) {
        if (linkedAccounts.of(userId, provider.id()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(tokens.current(userId, provider));
        } catch (RelinkRequiredException e) {
            LOG.info(() -> "the " + provider.id() + " account of user " + userId + " needs relinking; its repositories"
                    + " are not offered");
            return Optional.empty();
        }
    }

    private List<JiraRepository> gitHub(String token) {
        String authorization = "Bearer " + token;
        return list("github", "full_name", page -> clients.gitHub().userRepositories(authorization,
                "owner,collaborator,organization_member", PER_PAGE, page),
                response -> LinkHeader.parse(response.getHeaderString("Link")).nextPage());
    }

    private List<JiraRepository> gitLab(String token) {
        String authorization = "Bearer " + token;
        return list("gitlab", "path_with_namespace", page -> clients.gitLab().projects(authorization, null, true,
                GITLAB_DEVELOPER, PER_PAGE, page), GitLabPagination::nextPageOf);
    }

    private static List<JiraRepository> list(String provider, String nameField, IntFunction<Response> fetch,
                                             Function<Response, OptionalInt> nextPage) {
        List<JiraRepository> repositories = new ArrayList<>();
        int page = 1;
        for (int n = 0; n < MAX_PAGES; n++) {
            try (Response response = fetch.apply(page)) {
                if (response.getStatus() != 200) {
                    int status = response.getStatus();
                    LOG.warning(() -> provider + " would not list the requester's repositories (HTTP " + status + ")");
                    return repositories;
                }
                for (JsonValue value : response.readEntity(JsonArray.class)) {
                    String name = value.asJsonObject().getString(nameField, null);
                    if (name != null && name.contains("/")) {
                        repositories.add(new JiraRepository(provider, name));
                    }
                }
                OptionalInt next = nextPage.apply(response);
                if (next.isEmpty()) {
                    return repositories;
                }
                page = next.getAsInt();
            }
        }
        return repositories;
    }

    static List<String> names(List<JiraRepository> repositories) {
        return repositories.stream().map(JiraRepository::fullName).distinct().toList();
    }
}
