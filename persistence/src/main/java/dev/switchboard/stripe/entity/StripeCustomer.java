package dev.switchboard.stripe.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A billed user's Stripe customer and the billing state Stripe's webhooks keep current. The row is created
 * (without a customer id) before Stripe is asked, so that its primary key serialises concurrent callers: one
 * of them finds or creates the customer.
 * <p>
 * The subscription and the last invoice each keep the {@link EventStamp} of the event that set them, and take
 * only newer events: Stripe delivers at least once and in no particular order. A deleted customer stays
 * deleted (Stripe cannot undelete); the user gets a new customer from the customer service.
 */
@Entity
@Table(name = "stripe_customers")
@NamedQuery(name = StripeCustomer.BY_CUSTOMER_ID,
        query = "select c from StripeCustomer c where c.customerId = :customerId")
public class StripeCustomer {

    public static final String BY_CUSTOMER_ID = "StripeCustomer.byCustomerId";

    /** What {@link #link} did. */
    public enum Link {
        /** the row had no customer, or a deleted one: it is this customer's now */
        LINKED,
        /** the row already names this customer */
        ALREADY_LINKED,
        /** the row names another customer that is not deleted: left as it is */
        OTHER_CUSTOMER
    }

    @Id
    @Column(name = "user_key")
    private String userKey;

    @Column(name = "customer_id")
    private String customerId;

    private String email;

    @Column(name = "has_payment_method")
    private boolean hasPaymentMethod;

    private boolean deleted;

    @Embedded
    @AttributeOverride(name = "objectId", column = @Column(name = "subscription_id"))
    @AttributeOverride(name = "status", column = @Column(name = "subscription_status"))
    @AttributeOverride(name = "eventCreated", column = @Column(name = "subscription_event_created"))
    @AttributeOverride(name = "eventId", column = @Column(name = "subscription_event_id"))
    private StampedStatus subscription;

    @Embedded
    @AttributeOverride(name = "objectId", column = @Column(name = "invoice_id"))
    @AttributeOverride(name = "status", column = @Column(name = "invoice_status"))
    @AttributeOverride(name = "eventCreated", column = @Column(name = "invoice_event_created"))
    @AttributeOverride(name = "eventId", column = @Column(name = "invoice_event_id"))
    private StampedStatus invoice;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StripeCustomer() {
    }

    public StripeCustomer(String userKey, String email, Instant now) {
        this.userKey = Objects.requireNonNull(userKey);
        this.email = email;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets the user's customer; another customer than before starts from a clean billing state. */
    public void customer(String customerId, Instant now) {
        if (!Objects.equals(this.customerId, customerId)) {
            this.customerId = customerId;
            this.deleted = false;
            this.hasPaymentMethod = false;
            this.subscription = null;
            this.invoice = null;
        }
        this.updatedAt = now;
    }

    /**
     * Links the user to a customer a webhook names as theirs ({@code metadata.user_id}). A live customer
     * already linked wins over a second one: Stripe lets two customers carry the same metadata, and the
     * customer service settled on the first.
     */
    public Link link(String customerId, Instant now) {
        if (customerId.equals(this.customerId)) {
            return Link.ALREADY_LINKED;
        }
        if (this.customerId != null && !deleted) {
            return Link.OTHER_CUSTOMER;
        }
        customer(customerId, now);
        return Link.LINKED;
    }

    public void paymentMethod(boolean present, Instant now) {
        this.hasPaymentMethod = present;
        this.updatedAt = now;
    }

    /** @return false when it was deleted already */
    public boolean markDeleted(Instant now) {
        if (deleted) {
            return false;
        }
        this.deleted = true;
        this.hasPaymentMethod = false;
        this.updatedAt = now;
        return true;
    }

    /** Takes the subscription's status from an event unless the stored one comes from a newer event. */
    public EventStamp.Order subscription(String subscriptionId, String status, EventStamp stamp, Instant now) {
        subscription = subscription == null ? StampedStatus.empty() : subscription;
        return touched(subscription.take(subscriptionId, status, stamp), now);
    }

    /** Takes the last invoice's status ({@code paid}, {@code payment_failed}) unless a newer event set it. */
    public EventStamp.Order invoice(String invoiceId, String status, EventStamp stamp, Instant now) {
        invoice = invoice == null ? StampedStatus.empty() : invoice;
        return touched(invoice.take(invoiceId, status, stamp), now);
    }

    private EventStamp.Order touched(EventStamp.Order order, Instant now) {
        if (order == EventStamp.Order.NEWER) {
            this.updatedAt = now;
        }
        return order;
    }

    // Hibernate reads an embedded value whose columns are all null as null: these read through that.
    public EventStamp subscriptionStamp() { return subscription == null ? null : subscription.stamp(); }
    public String getSubscriptionId() { return subscription == null ? null : subscription.objectId(); }
    public String getSubscriptionStatus() { return subscription == null ? null : subscription.status(); }
    public EventStamp invoiceStamp() { return invoice == null ? null : invoice.stamp(); }
    public String getInvoiceId() { return invoice == null ? null : invoice.objectId(); }
    public String getInvoiceStatus() { return invoice == null ? null : invoice.status(); }

    public String getUserKey() { return userKey; }
    public String getCustomerId() { return customerId; }
    public String getEmail() { return email; }
    public boolean hasPaymentMethod() { return hasPaymentMethod; }
    public boolean isDeleted() { return deleted; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
