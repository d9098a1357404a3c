/**
 * Senders that deliver for real: {@link dev.retention.senders.WebhookSender} posts a signed JSON
 * message, checked on the receiving side by {@link dev.retention.senders.WebhookVerifier};
 * {@link dev.retention.senders.SmtpSender} sends multipart email through Jakarta Mail, its content
 * rendered by an {@link dev.retention.senders.EmailRenderer} such as the Mustache
 * {@link dev.retention.senders.Templates}; {@link dev.retention.senders.Limits} keeps any sender
 * within a rate per channel and a bound on calls in flight.
 *
 * <p>Every sender answers a {@link dev.retention.core.send.DeliveryResult} the campaign engine
 * understands (delivered, retry later, failed for good) and logs no personal data: addresses are
 * masked by {@link dev.retention.senders.Masking}.
 */
package dev.retention.senders;
