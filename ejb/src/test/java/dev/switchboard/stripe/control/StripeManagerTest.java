package dev.switchboard.stripe.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import org.junit.jupiter.api.Test;

/** Parser and decision together, as the manager runs them on stored deliveries. */
class StripeManagerTest {

    private final StripeManager manager = new StripeManager();

    @Test
    void handlesStripe() {
        assertThat(manager.platform()).isEqualTo(Platform.STRIPE);
    }

    @Test
    void customerChangesAreRecordedWithTheMappedUser() throws Exception {
        assertThat(manager.receive("customer.created", event("stripe/customer.created.json"))).isEqualTo(
                Outcome.processed("customer cus_PmQ7r4tXyZ12ab created (metadata.user_id=github:octocat)"));
        String deleted = with(event("stripe/customer.created.json"), "/type", "customer.deleted");
        assertThat(manager.receive("customer.deleted", without(deleted, "/data/object/metadata/user_id")))
                .isEqualTo(Outcome.processed("customer cus_PmQ7r4tXyZ12ab deleted"));
    }

    @Test
    void paymentMethodsAreRecorded() throws Exception {
        assertThat(manager.receive("payment_method.attached", event("stripe/payment_method.attached.json")))
                .isEqualTo(Outcome.processed(
                        "payment method pm_1OwY0Z2eZvKYlo2CqRsTuVwX (card) attached to customer cus_PmQ7r4tXyZ12ab"));
        assertThat(manager.receive("payment_method.detached", event("stripe/payment_method.detached.json")))
                .isEqualTo(Outcome.processed(
                        "payment method pm_1OwY0Z2eZvKYlo2CqRsTuVwX (card) detached from customer cus_PmQ7r4tXyZ12ab"));
    }

    @Test
    void invoicesAreRecorded() throws Exception {
        assertThat(manager.receive("invoice.paid", event("stripe/invoice.paid.json"))).isEqualTo(Outcome.processed(
                "invoice in_1OwZ1a2eZvKYlo2CzAbCdEfG of customer cus_PmQ7r4tXyZ12ab paid (2000 usd in minor units)"));
        assertThat(manager.receive("invoice.payment_failed", event("stripe/invoice.payment_failed.json")))
                .isEqualTo(Outcome.processed("invoice in_1OwZ1a2eZvKYlo2CzAbCdEfG of customer cus_PmQ7r4tXyZ12ab "
                        + "payment failed (2000 usd in minor units)"));
    }

    @Test
    void otherTypesAreIgnored() throws Exception {
        assertThat(manager.receive("invoice.created", event("stripe/invoice.paid.json")))
                .isEqualTo(Outcome.ignored("event type 'invoice.created' is not handled"));
    }

    @Test
    void aMalformedPayloadPropagates() {
        assertThatThrownBy(() -> manager.receive("invoice.paid", "{\"id\": \"evt_1\", \"type\": \"invoice.paid\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field 'data.object' is missing");
    }
}
