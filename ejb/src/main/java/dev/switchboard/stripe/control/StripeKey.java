package dev.switchboard.stripe.control;

import dev.switchboard.accounts.control.AccountLinkingException;
import org.eclipse.microprofile.config.ConfigProvider;

/** The {@code Authorization} value of Stripe calls, from STRIPE_API_KEY read on every call (no redeploy to rotate). */
final class StripeKey {

    private StripeKey() {
    }

    static String bearer() {
        return "Bearer " + ConfigProvider.getConfig().getOptionalValue("stripe.api.key", String.class)
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> new AccountLinkingException(503, "billing is not configured (STRIPE_API_KEY)"));
    }
}
