/**
 * Senders that deliver for real: {@link dev.retention.senders.WebhookSender} posts a signed JSON
 * message, checked on the receiving side by {@link dev.retention.senders.WebhookVerifier};
 * {@link dev.retention.senders.SmtpSender} sends multipart email through Jakarta Mail, its content
 * rendered by an {@link dev.retention.senders.EmailRenderer} such as the Mustache
 * {@link dev.retention.senders.Templates} in the customer's language; {@link dev.retention.senders.Limits}
 * keeps any sender within a rate per channel and a bound on calls in flight.
 *
 * <p>When the campaign engine is built it asks its sender about every campaign step
 * ({@link dev.retention.core.send.MessageSender#check}); {@code SmtpSender} with {@code Templates}
 * refuses a template that uses a field the step's messages will not carry, so the build fails
 * instead of a letter going out with a blank.
 *
 * <p>Every sender answers a {@link dev.retention.core.send.DeliveryResult} the campaign engine
 * understands (delivered, retry later, failed for good) and logs no personal data: addresses are
 * masked by {@link dev.retention.senders.Masking}.
 */
package dev.retention.senders;
