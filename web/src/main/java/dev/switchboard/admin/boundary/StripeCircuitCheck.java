package dev.switchboard.admin.boundary;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class StripeCircuitCheck extends PlatformCircuitCheck {
    @Override
    Platform platform() {
        return Platform.STRIPE;
    }
}
