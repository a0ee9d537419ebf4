package dev.switchboard.stripe.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StripeCustomerTest {

    private static final Instant T0 = Instant.parse("2026-03-20T12:00:00Z");

    @Test
    void stampsOrderByCreationThenId() {
        EventStamp stamp = new EventStamp(100, "evt_B");

        assertThat(stamp.against(null)).isEqualTo(EventStamp.Order.NEWER);
        assertThat(stamp.against(new EventStamp(99, "evt_Z"))).isEqualTo(EventStamp.Order.NEWER);
        assertThat(stamp.against(new EventStamp(100, "evt_A"))).isEqualTo(EventStamp.Order.NEWER);
        assertThat(stamp.against(new EventStamp(100, "evt_B"))).isEqualTo(EventStamp.Order.SAME);
        assertThat(stamp.against(new EventStamp(100, "evt_C"))).isEqualTo(EventStamp.Order.OLDER);
        assertThat(stamp.against(new EventStamp(101, "evt_A"))).isEqualTo(EventStamp.Order.OLDER);
    }

    @Test
    void theSubscriptionTakesOnlyNewerEvents() {
        StripeCustomer row = new StripeCustomer("github:octocat", null, T0);

        assertThat(row.subscription("sub_1", "active", new EventStamp(200, "evt_2"), T0))
                .isEqualTo(EventStamp.Order.NEWER);
        assertThat(row.subscription("sub_1", "incomplete", new EventStamp(100, "evt_1"), T0.plusSeconds(1)))
                .isEqualTo(EventStamp.Order.OLDER);
        assertThat(row.getSubscriptionStatus()).isEqualTo("active");
        assertThat(row.subscriptionStamp()).isEqualTo(new EventStamp(200, "evt_2"));
        assertThat(row.getUpdatedAt()).isEqualTo(T0);
    }

    @Test
    void theInvoiceTakesOnlyNewerEvents() {
        StripeCustomer row = new StripeCustomer("github:octocat", null, T0);
        row.invoice("in_2", "payment_failed", new EventStamp(300, "evt_3"), T0);

        assertThat(row.invoice("in_2", "payment_failed", new EventStamp(300, "evt_3"), T0))
                .isEqualTo(EventStamp.Order.SAME);
        assertThat(row.invoice("in_2", "paid", new EventStamp(400, "evt_4"), T0)).isEqualTo(EventStamp.Order.NEWER);
        assertThat(row.getInvoiceStatus()).isEqualTo("paid");
        assertThat(row.invoiceStamp()).isEqualTo(new EventStamp(400, "evt_4"));
    }

    @Test
    void aDeletedCustomerIsReplacedByTheNextWithACleanState() {
        StripeCustomer row = new StripeCustomer("github:octocat", null, T0);
        assertThat(row.link("cus_A", T0)).isEqualTo(StripeCustomer.Link.LINKED);
        row.paymentMethod(true, T0);
        row.subscription("sub_1", "active", new EventStamp(200, "evt_2"), T0);
        assertThat(row.link("cus_B", T0)).isEqualTo(StripeCustomer.Link.OTHER_CUSTOMER);

        assertThat(row.markDeleted(T0)).isTrue();
        assertThat(row.markDeleted(T0)).isFalse();
        assertThat(row.link("cus_B", T0)).isEqualTo(StripeCustomer.Link.LINKED);

        assertThat(row.getCustomerId()).isEqualTo("cus_B");
        assertThat(row.isDeleted()).isFalse();
        assertThat(row.hasPaymentMethod()).isFalse();
        assertThat(row.getSubscriptionStatus()).isNull();
        assertThat(row.subscriptionStamp()).isNull();
    }

    @Test
    void settingTheSameCustomerAgainKeepsItsState() {
        StripeCustomer row = new StripeCustomer("github:octocat", null, T0);
        row.customer("cus_A", T0);
        row.invoice("in_1", "paid", new EventStamp(100, "evt_1"), T0);
        row.customer("cus_A", T0);

        assertThat(row.getInvoiceStatus()).isEqualTo("paid");
    }
}
