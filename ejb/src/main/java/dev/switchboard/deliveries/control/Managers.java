package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the manager of a platform among the deployed {@link Manager} beans. */
@ApplicationScoped
public class Managers {

    @Inject
    @Any
    Instance<Manager> managers;

    public Manager of(Platform platform) {
        for (Manager manager : managers) {
            if (manager.platform() == platform) {
                return manager;
            }
        }
        throw new IllegalStateException("no manager for " + platform.id());
    }
}
