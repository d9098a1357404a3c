/**
 * Senders that deliver for real: {@link dev.retention.senders.WebhookSender} posts a signed JSON
 * message, checked on the receiving side by {@link dev.retention.senders.WebhookVerifier}.
 *
 * <p>Every sender answers a {@link dev.retention.core.send.DeliveryResult} the campaign engine
 * understands (delivered, retry later, failed for good) and logs no personal data.
 */
package dev.retention.senders;
