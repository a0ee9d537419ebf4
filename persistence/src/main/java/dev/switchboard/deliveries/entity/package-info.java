/**
 * The stored webhook delivery and its life: QUEUED → PROCESSING → PROCESSED | IGNORED, or FAILED
 * (retried) → DEAD (waits for a replay). Transitions are methods of
 * {@link dev.switchboard.deliveries.entity.WebhookDelivery}; the schema is Flyway's (db/migration).
 */
package dev.switchboard.deliveries.entity;
