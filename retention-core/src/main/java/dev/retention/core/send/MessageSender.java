package dev.retention.core.send;

/**
 * Delivers messages on one or more channels: email over SMTP, a webhook, a push service, or the
 * shop's own messaging system.
 *
 * <p>Implementations should honour {@link OutgoingMessage#idempotencyKey()} (answer
 * {@link DeliveryResult.Status#DUPLICATE} for a key already sent) and report failures as results
 * rather than exceptions; an exception counts as a retryable failure. They must not log
 * personalisation values or contact data. They are called from the engine's calling thread and must
 * be thread-safe if the engine is shared.
 */
@FunctionalInterface
public interface MessageSender {

    DeliveryResult send(OutgoingMessage message);
}
