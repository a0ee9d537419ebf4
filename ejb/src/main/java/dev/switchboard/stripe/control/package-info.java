/**
 * Stripe: event destinations' signatures ({@code Stripe-Signature}, any v1 within 300 s), the billing
 * events Switchboard keeps track of (customers, payment methods, invoices) and their manager. Stripe
 * never starts jobs; its events keep billing state current for the billing gate. Outbound calls go through
 * {@link dev.switchboard.stripe.control.StripeApi}, paginated by {@code has_more}.
 */
package dev.switchboard.stripe.control;
