package dev.switchboard.stripe.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import org.junit.jupiter.api.Test;

/**
 * What the manager decides before it touches a row or Stripe; the state changes themselves are
 * {@link StripeUpdatesTest}'s, and the whole path runs in StripeBillingIT.
 */
class StripeManagerTest {

    private final StripeManager manager = new StripeManager();

    @Test
    void handlesStripe() {
        assertThat(manager.platform()).isEqualTo(Platform.STRIPE);
    }

    @Test
    void otherTypesAreIgnored() throws Exception {
        assertThat(manager.receive("invoice.created", event("stripe/invoice.paid.json")))
                .isEqualTo(Outcome.ignored("event type 'invoice.created' is not handled"));
    }

    @Test
    void aPaymentMethodDetachedFromNoCustomerIsIgnored() throws Exception {
        String payload = without(event("stripe/payment_method.detached.json"),
                "/data/previous_attributes");

        assertThat(manager.receive("payment_method.detached", payload)).isEqualTo(Outcome.ignored(
                "payment method pm_1OwY0Z2eZvKYlo2CqRsTuVwX detached belongs to no customer"));
    }

    @Test
    void aMalformedPayloadPropagates() {
        assertThatThrownBy(() -> manager.receive("invoice.paid", "{\"id\": \"evt_1\", \"type\": \"invoice.paid\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'data.object' is missing");
    }
}
