/**
 * Stripe: event destinations' signatures ({@code Stripe-Signature}, any v1 within 300 s), the billing
 * events Switchboard keeps track of (customers, payment methods, invoices, subscriptions) and their manager.
 * Stripe never starts jobs; its events keep billing state current for the billing gate. Stripe delivers at
 * least once and in no order, so state is set idempotently: invoice and subscription by the event's time
 * ({@code EventStamp}), payment methods from Stripe's own list, a customer unknown here from Stripe's
 * customer object. Outbound calls go through
 * {@link dev.switchboard.stripe.control.StripeApi}, paginated by {@code has_more}.
 */
package dev.switchboard.stripe.control;
