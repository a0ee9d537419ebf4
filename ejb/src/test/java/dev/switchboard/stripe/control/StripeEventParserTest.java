package dev.switchboard.stripe.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import dev.switchboard.stripe.control.StripeEvent.InvoiceEvent;
import dev.switchboard.stripe.control.StripeEvent.PaymentMethodEvent;
import dev.switchboard.stripe.control.StripeEvent.SubscriptionEvent;
import dev.switchboard.stripe.control.StripeEvent.Unsupported;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeEventParserTest {

    @Test
    void readsACustomer() throws Exception {
        assertThat(StripeEventParser.parse("customer.created", event("stripe/customer.created.json")))
                .isEqualTo(new CustomerEvent("evt_1OwXyZ2eZvKYlo2C8aBcDeFg", 1710940000, "created",
                        "cus_PmQ7r4tXyZ12ab", "github:octocat", "octocat@github.example"));
    }

    @Test
    void aCustomerWithoutMetadataHasNoUser() throws Exception {
        String payload = without(event("stripe/customer.created.json"), "/data/object/metadata/user_id");

        assertThat(((CustomerEvent) StripeEventParser.parse("customer.updated", payload)).userId()).isNull();
    }

    @Test
    void readsAnAttachedPaymentMethod() throws Exception {
        assertThat(StripeEventParser.parse("payment_method.attached", event("stripe/payment_method.attached.json")))
                .isEqualTo(new PaymentMethodEvent("evt_1OwY0a2eZvKYlo2CbCdEfGhI", 1710940100, "attached",
                        "pm_1OwY0Z2eZvKYlo2CqRsTuVwX", "card", "cus_PmQ7r4tXyZ12ab"));
    }

    @Test
    void aDetachedPaymentMethodKeepsItsFormerCustomer() throws Exception {
        PaymentMethodEvent parsed = (PaymentMethodEvent) StripeEventParser.parse("payment_method.detached",
                event("stripe/payment_method.detached.json"));

        assertThat(parsed.customerId()).isEqualTo("cus_PmQ7r4tXyZ12ab");
    }

    @Test
    void readsInvoices() throws Exception {
        assertThat(StripeEventParser.parse("invoice.paid", event("stripe/invoice.paid.json")))
                .isEqualTo(new InvoiceEvent("evt_1OwZ1c2eZvKYlo2CrStUvWxY", 1710950000, "paid",
                        "in_1OwZ1a2eZvKYlo2CzAbCdEfG", "cus_PmQ7r4tXyZ12ab", 2000, "usd"));
        assertThat(((InvoiceEvent) StripeEventParser.parse("invoice.payment_failed",
                event("stripe/invoice.payment_failed.json"))).amount()).isEqualTo(2000);
    }

    @ParameterizedTest
    @CsvSource({
            "customer.subscription.created, evt_1OwYa12eZvKYlo2CsUbCrEaT, 1710940200, created, incomplete",
            "customer.subscription.updated, evt_1OwYa92eZvKYlo2CuPdAtEdX, 1710940215, updated, active",
            "customer.subscription.deleted, evt_1OxCdE2eZvKYlo2CdElEtEdS, 1711545000, deleted, canceled",
    })
    void readsSubscriptions(String type, String eventId, long created, String change, String status)
            throws Exception {
        assertThat(StripeEventParser.parse(type, event("stripe/" + type + ".json")))
                .isEqualTo(new SubscriptionEvent(eventId, created, change, "sub_1Nw4Tq2eZvKYlo2C5h7jKlMn",
                        "cus_PmQ7r4tXyZ12ab", status));
    }

    @Test
    void aCustomerEventWithoutEmailHasNone() throws Exception {
        String payload = with(event("stripe/customer.created.json"), "/data/object/email", JsonValue.NULL);

        assertThat(((CustomerEvent) StripeEventParser.parse("customer.created", payload)).email()).isNull();
    }

    @Test
    void otherTypesAreUnsupported() throws Exception {
        assertThat(StripeEventParser.parse("charge.refunded", event("stripe/invoice.paid.json")))
                .isEqualTo(new Unsupported("event type 'charge.refunded' is not handled"));
    }

    @ParameterizedTest
    @CsvSource({
            "customer.created, stripe/customer.created.json, /data/object/id, data.object.id",
            "customer.deleted, stripe/customer.created.json, /data, data.object",
            "customer.created, stripe/customer.created.json, /id, id",
            "payment_method.attached, stripe/payment_method.attached.json, /data/object/type, data.object.type",
            "invoice.paid, stripe/invoice.paid.json, /data/object/amount_paid, data.object.amount_paid",
            "invoice.payment_failed, stripe/invoice.payment_failed.json, /data/object/amount_due, data.object.amount_due",
            "invoice.paid, stripe/invoice.paid.json, /data/object/customer, data.object.customer",
            "invoice.paid, stripe/invoice.paid.json, /created, created",
            "customer.created, stripe/customer.created.json, /created, created",
            "customer.subscription.updated, stripe/customer.subscription.updated.json, /data/object/status, data.object.status",
            "customer.subscription.deleted, stripe/customer.subscription.deleted.json, /data/object/customer, data.object.customer",
            "customer.subscription.created, stripe/customer.subscription.created.json, /created, created",
    })
    void aMissingRequiredFieldIsMalformed(String type, String fixture, String pointer, String field) {
        String payload = without(event(fixture), pointer);

        assertThatThrownBy(() -> StripeEventParser.parse(type, payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field '" + field + "' is missing");
    }
}
