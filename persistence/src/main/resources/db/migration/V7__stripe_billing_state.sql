-- Billing state kept current by Stripe's webhooks. Each stream (subscription, last invoice) records the
-- event it was last set from (Stripe's "created", epoch seconds, and the event id) so that a redelivered
-- or late event older than what is stored changes nothing. One ALTER per column: H2 and PostgreSQL
-- disagree on the syntax for several.
ALTER TABLE stripe_customers ADD COLUMN deleted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE stripe_customers ADD COLUMN subscription_id VARCHAR(64);
ALTER TABLE stripe_customers ADD COLUMN subscription_status VARCHAR(32);
ALTER TABLE stripe_customers ADD COLUMN subscription_event_created BIGINT;
ALTER TABLE stripe_customers ADD COLUMN subscription_event_id VARCHAR(64);
ALTER TABLE stripe_customers ADD COLUMN invoice_id VARCHAR(64);
ALTER TABLE stripe_customers ADD COLUMN invoice_status VARCHAR(32);
ALTER TABLE stripe_customers ADD COLUMN invoice_event_created BIGINT;
ALTER TABLE stripe_customers ADD COLUMN invoice_event_id VARCHAR(64);
