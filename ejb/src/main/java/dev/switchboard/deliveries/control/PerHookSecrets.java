package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;
import java.util.Optional;

/**
 * Secrets Switchboard generated for individual hooks it installed (GitLab), found from the request's
 * headers. Intake accepts a request authentic under the platform's configured secret or this one.
 */
public interface PerHookSecrets {

    Platform platform();

    /** The secret of the hook the request names, if it names one Switchboard knows. */
    Optional<String> secretFor(WebhookHeaders headers);
}
