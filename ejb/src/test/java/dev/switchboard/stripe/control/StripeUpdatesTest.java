package dev.switchboard.stripe.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.stripe.control.StripeEvent.CustomerEvent;
import dev.switchboard.stripe.entity.StripeCustomer;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each event against a real row: what changes, and that repeats and late arrivals change nothing. */
class StripeUpdatesTest {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    private static final String CUSTOMER = "cus_PmQ7r4tXyZ12ab";
    private static final String USER = "github:octocat";
    private static final Predicate<String> NO_CALL = id -> {
        throw new AssertionError("Stripe asked about " + id);
    };

    private static StripeEvent parse(String type) {
        return parse(type, event("stripe/" + type + ".json"));
    }

    private static StripeEvent parse(String type, String payload) {
        try {
            return StripeEventParser.parse(type, payload);
        } catch (MalformedEventException e) {
            throw new AssertionError(e);
        }
    }

    /** The fixture of {@code type} as another event of its kind: other id, other creation time. */
    private static StripeEvent parse(String type, String eventId, long created) {
        String payload = with(event("stripe/" + type + ".json"), "/id", eventId);
        return parse(type, with(payload, "/created", Json.createValue(created)));
    }

    private static StripeCustomer linked() {
        StripeCustomer row = new StripeCustomer(USER, null, NOW);
        row.customer(CUSTOMER, NOW);
        return row;
    }

    private static Outcome apply(StripeCustomer row, StripeEvent event) {
        return StripeUpdates.apply(row, event, false, NO_CALL, NOW);
    }

    @Test
    void aCustomerEventLinksTheUsersRow() {
        StripeCustomer row = new StripeCustomer(USER, "octocat@github.example", NOW);
        StripeEvent created = parse("customer.created");

        assertThat(row.link(CUSTOMER, NOW)).isEqualTo(StripeCustomer.Link.LINKED);
        assertThat(StripeUpdates.apply(row, created, true, NO_CALL, NOW))
                .isEqualTo(Outcome.processed("customer cus_PmQ7r4tXyZ12ab linked to github:octocat"));
        assertThat(row.link(CUSTOMER, NOW)).isEqualTo(StripeCustomer.Link.ALREADY_LINKED);
        assertThat(apply(row, created))
                .isEqualTo(Outcome.ignored("customer cus_PmQ7r4tXyZ12ab (github:octocat) is linked already"));
    }

    @Test
    void aLiveCustomerLinkedFirstKeepsTheUser() {
        StripeCustomer row = linked();

        assertThat(row.link("cus_Second", NOW)).isEqualTo(StripeCustomer.Link.OTHER_CUSTOMER);
        assertThat(StripeUpdates.linkRefused("cus_Second", row)).isEqualTo(Outcome.ignored(
                "customer cus_Second names github:octocat, who has customer cus_PmQ7r4tXyZ12ab already: not linked"));
        assertThat(row.getCustomerId()).isEqualTo(CUSTOMER);
    }

    @Test
    void aChangedUserIdIsNotFollowed() {
        StripeEvent updated = parse("customer.updated",
                with(event("stripe/customer.created.json"), "/data/object/metadata/user_id", "gitlab:someone"));

        assertThat(apply(linked(), updated)).isEqualTo(Outcome.ignored("customer cus_PmQ7r4tXyZ12ab (github:octocat) "
                + "now says metadata.user_id=gitlab:someone: link left as it is"));
    }

    @Test
    void deletionIsFinal() {
        StripeCustomer row = linked();
        row.paymentMethod(true, NOW);
        StripeEvent deleted = parse("customer.deleted",
                with(event("stripe/customer.created.json"), "/type", "customer.deleted"));

        assertThat(apply(row, deleted))
                .isEqualTo(Outcome.processed("customer cus_PmQ7r4tXyZ12ab (github:octocat) marked deleted"));
        assertThat(row.isDeleted()).isTrue();
        assertThat(row.hasPaymentMethod()).isFalse();
        assertThat(apply(row, deleted))
                .isEqualTo(Outcome.ignored("customer cus_PmQ7r4tXyZ12ab (github:octocat) was marked deleted already"));
        assertThat(apply(row, parse("customer.created")).processed()).isFalse();
        assertThat(apply(row, parse("payment_method.attached")).text())
                .endsWith("attached, but customer cus_PmQ7r4tXyZ12ab (github:octocat) is deleted");
        assertThat(row.isDeleted()).isTrue();
        // Stripe cancels the subscriptions of a deleted customer: that is still recorded
        assertThat(apply(row, parse("customer.subscription.deleted")).processed()).isTrue();
        assertThat(row.getSubscriptionStatus()).isEqualTo("canceled");
    }

    @Test
    void paymentMethodsFollowStripesListInEitherOrder() {
        StripeCustomer row = linked();
        List<String> asked = new ArrayList<>();

        Outcome detached = StripeUpdates.apply(row, parse("payment_method.detached"), false,
                id -> asked.add(id) && true, NOW); // Stripe lists one: the attach happened since
        assertThat(detached).isEqualTo(Outcome.processed("payment method pm_1OwY0Z2eZvKYlo2CqRsTuVwX (card) detached: "
                + "customer cus_PmQ7r4tXyZ12ab (github:octocat) has a payment method now"));
        Outcome attached = StripeUpdates.apply(row, parse("payment_method.attached"), false, id -> true, NOW);
        assertThat(attached).isEqualTo(Outcome.ignored("payment method pm_1OwY0Z2eZvKYlo2CqRsTuVwX (card) attached: "
                + "customer cus_PmQ7r4tXyZ12ab (github:octocat) still has a payment method"));
        Outcome gone = StripeUpdates.apply(row, parse("payment_method.detached"), false, id -> false, NOW);
        assertThat(gone.text()).endsWith("has no payment method now");
        assertThat(row.hasPaymentMethod()).isFalse();
        assertThat(asked).containsExactly(CUSTOMER);
    }

    @Test
    void anInvoiceIsRecorded() {
        StripeCustomer row = linked();

        assertThat(apply(row, parse("invoice.paid"))).isEqualTo(Outcome.processed("invoice in_1OwZ1a2eZvKYlo2CzAbCdEfG "
                + "of customer cus_PmQ7r4tXyZ12ab (github:octocat) recorded as paid (2000 usd in minor units)"));
        assertThat(row.getInvoiceId()).isEqualTo("in_1OwZ1a2eZvKYlo2CzAbCdEfG");
        assertThat(row.getInvoiceStatus()).isEqualTo("paid");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        StripeCustomer row = linked();
        apply(row, parse("invoice.payment_failed"));
        Instant updated = row.getUpdatedAt();

        assertThat(StripeUpdates.apply(row, parse("invoice.payment_failed"), false, NO_CALL, NOW.plusSeconds(60)))
                .isEqualTo(Outcome.ignored("event evt_1OwZ9d2eZvKYlo2CfGhIjKlM was applied already"));
        assertThat(row.getUpdatedAt()).isEqualTo(updated);
    }

    @Test
    void aLateInvoiceEventKeepsTheNewerState() {
        StripeCustomer row = linked();
        apply(row, parse("invoice.paid", "evt_paid", 1710950100));

        assertThat(apply(row, parse("invoice.payment_failed", "evt_failed", 1710950000))).isEqualTo(Outcome.ignored(
                "event evt_failed (created 2024-03-20T15:53:20Z) is older than the applied evt_paid "
                        + "(created 2024-03-20T15:55:00Z): last invoice in_1OwZ1a2eZvKYlo2CzAbCdEfG stays paid"));
        assertThat(row.getInvoiceStatus()).isEqualTo("paid");
    }

    @Test
    void subscriptionEventsEndInTheNewestStatusWhateverTheirOrder() {
        List<StripeEvent> events = List.of(parse("customer.subscription.created"),
                parse("customer.subscription.updated"), parse("customer.subscription.deleted"));
        for (List<StripeEvent> order : permutations(events)) {
            StripeCustomer row = linked();
            order.forEach(e -> apply(row, e));
            order.forEach(e -> apply(row, e)); // and each delivered again
            assertThat(row.getSubscriptionStatus()).as(order.toString()).isEqualTo("canceled");
            assertThat(row.getSubscriptionId()).isEqualTo("sub_1Nw4Tq2eZvKYlo2C5h7jKlMn");
        }
    }

    @Test
    void aSubscriptionChangeSaysWhatItWas() {
        StripeCustomer row = linked();
        apply(row, parse("customer.subscription.created"));

        assertThat(apply(row, parse("customer.subscription.updated"))).isEqualTo(Outcome.processed(
                "subscription sub_1Nw4Tq2eZvKYlo2C5h7jKlMn of customer cus_PmQ7r4tXyZ12ab (github:octocat) is active "
                        + "(was incomplete)"));
    }

    @Test
    void eventsOfOneSecondEndInOneStateInEitherOrder() {
        StripeEvent a = parse("customer.subscription.updated", "evt_A", 1710940300);
        StripeEvent b = parse("customer.subscription.deleted", "evt_B", 1710940300);
        StripeCustomer ab = linked();
        apply(ab, a);
        apply(ab, b);
        StripeCustomer ba = linked();
        apply(ba, b);
        apply(ba, a);

        assertThat(ab.getSubscriptionStatus()).isEqualTo(ba.getSubscriptionStatus()).isEqualTo("canceled");
    }

    @Test
    void aLinkMadeForAnEventIsReportedWithIt() {
        StripeCustomer row = new StripeCustomer(USER, null, NOW);
        row.link(CUSTOMER, NOW);

        assertThat(StripeUpdates.apply(row, parse("invoice.paid"), true, NO_CALL, NOW).text())
                .isEqualTo("customer cus_PmQ7r4tXyZ12ab linked to github:octocat; invoice in_1OwZ1a2eZvKYlo2CzAbCdEfG "
                        + "of customer cus_PmQ7r4tXyZ12ab (github:octocat) recorded as paid (2000 usd in minor units)");
    }

    @Test
    void aCustomerNobodyClaimsIsNotLinked() {
        StripeEvent paid = parse("invoice.paid");

        assertThat(StripeUpdates.unlinkable(paid, new RemoteCustomer(CUSTOMER, null, null, false))).contains(
                Outcome.ignored("customer cus_PmQ7r4tXyZ12ab has no metadata.user_id: not a Switchboard user"));
        assertThat(StripeUpdates.unlinkable(paid, new RemoteCustomer(CUSTOMER, null, null, true))).contains(
                Outcome.ignored("customer cus_PmQ7r4tXyZ12ab is deleted at Stripe and linked to no user here"));
        assertThat(StripeUpdates.unlinkable(paid, new RemoteCustomer(CUSTOMER, USER, null, false))).isEmpty();
    }

    @Test
    void aDeletionOfAnUnknownCustomerIsStillRecordedForItsUser() {
        CustomerEvent deleted = (CustomerEvent) parse("customer.deleted",
                with(event("stripe/customer.created.json"), "/type", "customer.deleted"));

        assertThat(StripeUpdates.unlinkable(deleted, RemoteCustomer.of(deleted))).isEmpty();
        StripeCustomer row = new StripeCustomer(USER, null, NOW);
        row.link(CUSTOMER, NOW);
        assertThat(StripeUpdates.apply(row, deleted, true, NO_CALL, NOW)).isEqualTo(Outcome.processed(
                "customer cus_PmQ7r4tXyZ12ab linked to github:octocat; "
                        + "customer cus_PmQ7r4tXyZ12ab (github:octocat) marked deleted"));
        assertThat(row.isDeleted()).isTrue();
    }

    @Test
    void everyHandledEventNamesItsCustomer() {
        for (String type : List.of("customer.created", "payment_method.attached", "payment_method.detached",
                "invoice.paid", "invoice.payment_failed", "customer.subscription.created",
                "customer.subscription.updated", "customer.subscription.deleted")) {
            assertThat(StripeUpdates.customerOf(parse(type))).as(type).isEqualTo(CUSTOMER);
        }
        assertThat(StripeUpdates.customerOf(parse("payment_method.detached",
                without(event("stripe/payment_method.detached.json"), "/data/previous_attributes")))).isNull();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (T first : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
