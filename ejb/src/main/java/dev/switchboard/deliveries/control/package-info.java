/**
 * Webhook intake and processing, written once for every platform.
 *
 * <p>Intake ({@link dev.switchboard.deliveries.control.WebhookReception}) checks, in the contract's order,
 * that the platform is enabled, the body within size, the signature authentic (each platform's
 * {@link dev.switchboard.deliveries.control.InboundWebhook}) and the body well-formed, then
 * {@link dev.switchboard.deliveries.control.DeliveryIntake} commits the row QUEUED in a database-only
 * transaction before the platform hears 202 (a transactional outbox: no two-phase commit with the broker per
 * delivery). After the commit {@link dev.switchboard.deliveries.control.OutboxDispatcher} sends the JMS
 * messages in batches. The unique (platform, delivery id) constraint is the dedupe: a copy loses the insert
 * and is answered "duplicate", never 500.
 *
 * <p>Processing: {@link dev.switchboard.deliveries.control.DeliveryListener} (MDB) hands the id to
 * {@link dev.switchboard.deliveries.control.DeliveryProcessor}, which locks the row, asks the platform's
 * {@link dev.switchboard.deliveries.control.Manager} and records the outcome in the same transaction, so
 * a delivery is processed once however many messages name it. Failures are retried through delayed JMS
 * messages, then the delivery is DEAD until replayed; {@link dev.switchboard.deliveries.control.DeliverySweeper}
 * re-queues a delivery whose message never came or never went out. The row is the truth, the message only a
 * nudge.
 */
package dev.switchboard.deliveries.control;
