package dev.switchboard.jira.control;

import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.accounts.control.ProviderUnavailableException;
import dev.switchboard.clients.control.OutboundHosts;
import dev.switchboard.jira.entity.JiraWorkspace;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Jira sites Switchboard serves, as operators manage them: registered by hand (Data Center, or Cloud
 * before anyone links it through OAuth), given a service account, and checked. The service account's token
 * is stored encrypted and never handed out; errors are {@link AccountLinkingException}s with the status
 * the API answers.
 */
@Stateless
public class JiraWorkspaces {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Inject
    JiraClients clients;

    /** A workspace as operators see it: whether a token is set, never the token. */
    public record Workspace(String id, String siteUrl, String cloudId, JiraSiteKind kind, String serviceAccountEmail,
            boolean hasServiceAccountToken, Instant createdAt) {

        static Workspace of(JiraWorkspace w) {
            return new Workspace(w.getId(), w.getSiteUrl(), w.getCloudId(), JiraSiteKind.of(w.getCloudId()),
                    w.getServiceAccountEmail(), w.getServiceAccountToken() != null, w.getCreatedAt());
        }
    }

    /** Who Jira says the service account is. */
    public record Verification(Workspace workspace, JiraMyself myself) {
    }

    public List<Workspace> list() {
        return em.createQuery("select j from JiraWorkspace j order by j.createdAt, j.siteUrl", JiraWorkspace.class)
                .getResultStream().map(Workspace::of).toList();
    }

    public Workspace get(String id) {
        return Workspace.of(require(id));
    }

    /** Registers a site; the service account is optional here and may be set later. */
    public Workspace create(String siteUrl, String cloudId, String serviceAccountEmail, String serviceAccountToken) {
        String site = valid(() -> JiraSites.siteUrl(siteUrl));
        valid(() -> OutboundHosts.from(ConfigProvider.getConfig()).check(URI.create(site)));
        String cloud = valid(() -> JiraSites.cloudId(cloudId, site));
        String email = valid(() -> JiraSites.email(serviceAccountEmail));
        String token = valid(() -> JiraSites.token(serviceAccountToken));
        JiraSiteKind kind = JiraSiteKind.of(cloud);
        if (token != null) {
            requireEmail(kind, email);
        }
        List<String> existing = em.createQuery("select j.id from JiraWorkspace j where j.siteUrl = :site", String.class)
                .setParameter("site", site).getResultList();
        if (!existing.isEmpty()) {
            throw duplicate(site);
        }
        JiraWorkspace workspace = new JiraWorkspace(site, cloud, Instant.now());
        workspace.serviceAccount(email, vault.encrypt(workspace.serviceAccountTokenPurpose(), token));
        em.persist(workspace);
        try {
            // a concurrent registration of the same site meets the unique constraint here, not at commit
            em.flush();
        } catch (PersistenceException e) {
            throw duplicate(site);
        }
        return Workspace.of(workspace);
    }

    /** Sets or replaces the service account; Cloud needs the email with the token, Data Center the token. */
    public Workspace serviceAccount(String id, String serviceAccountEmail, String serviceAccountToken) {
        JiraWorkspace workspace = require(id);
        String email = valid(() -> JiraSites.email(serviceAccountEmail));
        String token = valid(() -> JiraSites.token(serviceAccountToken));
        if (token == null) {
            throw new AccountLinkingException(400, "serviceAccountToken is required");
        }
        requireEmail(JiraSiteKind.of(workspace.getCloudId()), email);
        workspace.serviceAccount(email, vault.encrypt(workspace.serviceAccountTokenPurpose(), token));
        return Workspace.of(workspace);
    }

    public void delete(String id) {
        em.remove(require(id));
    }

    /**
     * Asks Jira who the service account is ({@code myself}), outside any transaction: nothing is written and
     * no row lock may wait on Jira. Retries and rate limits are the governed client's.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify(String id) {
        JiraWorkspace workspace = require(id);
        JiraSiteKind kind = JiraSiteKind.of(workspace.getCloudId());
        String site = workspace.getSiteUrl();
        if (workspace.getServiceAccountToken() == null
                || kind.needsEmail() && workspace.getServiceAccountEmail() == null) {
            throw new AccountLinkingException(409, "Jira workspace " + site + " has no service account; set one with"
                    + " PUT /api/admin/jira/workspaces/" + id + "/service-account");
        }
        String authorization = kind.authorization(workspace.getServiceAccountEmail(),
                vault.decrypt(workspace.serviceAccountTokenPurpose(), workspace.getServiceAccountToken()));
        JiraApi jira = kind == JiraSiteKind.CLOUD ? clients.cloud(workspace.getCloudId()) : clients.dataCenter(site);
        try (Response answer = jira.myself(authorization)) {
            int status = answer.getStatus();
            if (status == 200) {
                return new Verification(Workspace.of(workspace), myself(kind, site, answer.readEntity(String.class)));
            }
            throw new AccountLinkingException(502, refusal(kind, workspace, status));
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException("Jira at " + site + " could not be reached; try again later");
        }
    }

    private static JiraMyself myself(JiraSiteKind kind, String site, String body) {
        try {
            return JiraMyself.parse(kind, body);
        } catch (IllegalArgumentException e) {
            throw new AccountLinkingException(502, "Jira at " + site + " answered /myself with nobody: " + e.getMessage());
        }
    }

    /** What an operator should check, by what Jira said. */
    private static String refusal(JiraSiteKind kind, JiraWorkspace workspace, int status) {
        String site = workspace.getSiteUrl();
        if (status == 401 || status == 403) {
            return "Jira refused the service account of " + site + " (HTTP " + status + "): " + (kind == JiraSiteKind.CLOUD
                    ? "check serviceAccountEmail and that the API token (with scopes, as the API gateway requires)"
                            + " belongs to it, is not expired and may read the account"
                    : "check that the personal access token is valid, not expired and its user may use Jira");
        }
        if (status == 404) {
            return "Jira answered HTTP 404 for /myself: " + (kind == JiraSiteKind.CLOUD
                    ? "is " + workspace.getCloudId() + " the cloud id of " + site + "?"
                    : "is " + site + " the base URL of the Jira (with its context path)?");
        }
        return "Jira at " + site + " answered HTTP " + status + " for /myself";
    }

    private static void requireEmail(JiraSiteKind kind, String email) {
        if (kind.needsEmail() && email == null) {
            throw new AccountLinkingException(400, "a Jira Cloud service account needs serviceAccountEmail with its"
                    + " token (Basic auth is email:api token)");
        }
    }

    private JiraWorkspace require(String id) {
        JiraWorkspace workspace = id == null ? null : em.find(JiraWorkspace.class, id);
        if (workspace == null) {
            throw new AccountLinkingException(404, "no Jira workspace " + id);
        }
        return workspace;
    }

    private static AccountLinkingException duplicate(String site) {
        return new AccountLinkingException(409, "Jira site " + site + " is already a workspace");
    }

    private static <T> T valid(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new AccountLinkingException(400, e.getMessage());
        }
    }
}
