package dev.switchboard.gitlab.control;

import dev.switchboard.deliveries.control.PerHookSecrets;
import dev.switchboard.deliveries.control.WebhookHeaders;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.tokens.control.TokenVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The per-hook secret of a GitLab hook Switchboard installed, named by the delivery's X-Switchboard-Hook header. */
@ApplicationScoped
public class GitLabHookSecrets implements PerHookSecrets {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    TokenVault vault;

    @Override
    public Platform platform() {
        return Platform.GITLAB;
    }

    @Override
    public Optional<String> secretFor(WebhookHeaders headers) {
        return headers.first(GitLabHookInstallation.HOOK_HEADER)
                .filter(id -> id.length() <= 36)
                .map(id -> em.find(GitLabHookInstallation.class, id))
                .filter(hook -> hook.getSecret() != null)
                .map(hook -> vault.decrypt(hook.secretPurpose(), hook.getSecret()));
    }
}
