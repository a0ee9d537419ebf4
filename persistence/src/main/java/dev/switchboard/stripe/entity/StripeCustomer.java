package dev.switchboard.stripe.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A billed user's Stripe customer. The row is created (without a customer id) before Stripe is asked,
 * so that its primary key serialises concurrent callers: one of them finds or creates the customer.
 */
@Entity
@Table(name = "stripe_customers")
public class StripeCustomer {

    @Id
    @Column(name = "user_key")
    private String userKey;

    @Column(name = "customer_id")
    private String customerId;

    private String email;

    @Column(name = "has_payment_method")
    private boolean hasPaymentMethod;

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

    public void customer(String customerId, Instant now) {
        this.customerId = customerId;
        this.updatedAt = now;
    }

    public void paymentMethod(boolean present, Instant now) {
        this.hasPaymentMethod = present;
        this.updatedAt = now;
    }

    public String getUserKey() { return userKey; }
    public String getCustomerId() { return customerId; }
    public String getEmail() { return email; }
    public boolean hasPaymentMethod() { return hasPaymentMethod; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
