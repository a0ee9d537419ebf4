package dev.switchboard.github.control;

import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.github.entity.GitHubInstallation;
import dev.switchboard.json.Jsons;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Installation access tokens of the GitHub App: minted with the app's JWT, cached encrypted on the
 * installation's row, and minted again once less than five minutes of validity are left (a token that
 * runs out during a job is worse than one more mint). Minting happens under the row's lock, so
 * concurrent jobs for one installation mint once.
 */
@Stateless
public class GitHubAppTokens {

    static final Duration REMINT_MARGIN = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Resource
    SessionContext context;

    @Inject
    PlatformClients clients;

    @Inject
    GitHubInstallationRows rows;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String installationToken(long installationId) {
        Instant now = Instant.now();
        GitHubInstallation installation = rows.locked(installationId);
        if (installation.hasTokenValidFor(REMINT_MARGIN, now)) {
            return vault.decrypt(installation.accessTokenPurpose(), installation.getAccessToken());
        }
        JsonObject minted = mint(installationId);
        String token = minted.getString("token");
        Instant expiresAt = Instant.parse(minted.getString("expires_at"));
        installation.tokenMinted(vault.encrypt(installation.accessTokenPurpose(), token), expiresAt, now);
        if (minted.containsKey("repository_selection")) {
            installation.describe(installation.getAccountLogin(), installation.getAccountType(),
                    minted.getString("repository_selection"), now);
        }
        return token;
    }

    public Optional<GitHubInstallation> find(long installationId) {
        return Optional.ofNullable(em.find(GitHubInstallation.class, installationId));
    }

    private JsonObject mint(long installationId) {
        String appId = setting("github.app.id");
        String jwt = GitHubAppJwt.fromPem(appId, privateKeyPem(setting("github.app.private.key")),
                Clock.systemUTC()).mint();
        String answer;
        try (Response minted = clients.gitHub().createInstallationAccessToken("Bearer " + jwt, installationId)) {
            if (minted.getStatus() != 201) {
                throw new AccountLinkingException(502, "github refused an installation token for installation "
                        + installationId + " (HTTP " + minted.getStatus() + ")");
            }
            answer = minted.readEntity(String.class);
        }
        try {
            JsonObject body = Jsons.createReader(new StringReader(answer)).readObject();
            Instant.parse(body.getString("expires_at"));
            body.getString("token");
            return body;
        } catch (JsonException | ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new AccountLinkingException(502, "github's installation token answer is not readable");
        }
    }

    /** What an operator checks: a token can be had and it sees the installation's repositories. */
    public record Verification(long installationId, int repositories, Instant tokenExpiresAt) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify(long installationId) {
        GitHubAppTokens self = context.getBusinessObject(GitHubAppTokens.class);
        String token = self.installationToken(installationId);
        int total;
        try (Response answer = clients.gitHub().installationRepositories("Bearer " + token, 1, null)) {
            if (answer.getStatus() != 200) {
                throw new AccountLinkingException(502, "github refused the installation token (HTTP "
                        + answer.getStatus() + ")");
            }
            total = Jsons.createReader(new StringReader(answer.readEntity(String.class))).readObject()
                    .getInt("total_count", 0);
        }
        return new Verification(installationId, total, self.find(installationId).orElseThrow().getAccessTokenExpiresAt());
    }

    /** The PEM itself, or the path of a file holding it (handier where environment values are one line). */
    static String privateKeyPem(String configured) {
        if (configured.contains("-----BEGIN")) {
            return configured;
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(configured));
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new AccountLinkingException(503, "GITHUB_APP_PRIVATE_KEY is neither a PEM nor a readable file");
        }
    }

    private static String setting(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(v -> !v.isBlank())
                .orElseThrow(() -> new AccountLinkingException(503, "the GitHub App is not configured ("
                        + name.toUpperCase().replace('.', '_') + ")"));
    }
}
