/**
 * Stripe: the typed billing events (customers, payment methods, invoices) Switchboard records, how they are
 * read from stored deliveries, and what each one amounts to.
 */
package dev.switchboard.stripe.control;
