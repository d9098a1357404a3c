package dev.retention.core.send;

/**
 * Delivers messages on one or more channels: email over SMTP, a webhook, a push service, or the
 * shop's own messaging system.
 *
 * <p>Implementations should honour {@link OutgoingMessage#idempotencyKey()} (answer
 * {@link DeliveryResult.Status#DUPLICATE} for a key already sent) and report failures as results
 * rather than exceptions; the campaign engine counts an exception as a retryable failure (an
 * {@link Error} or a null answer as a permanent one). They must not log personalisation values or
 * contact data. The engine calls them on its send threads (its own, or the executor given to its
 * builder), several at once, and waits for each call at most its send timeout, so they must be
 * thread-safe.
 */
@FunctionalInterface
public interface MessageSender {

    /**
     * Delivers one message, or tries to.
     *
     * <p>The engine may call again with the same {@link OutgoingMessage#idempotencyKey()}: after a
     * {@link DeliveryResult.Status#RETRYABLE_FAILURE}, a timeout, or a crash of an engine between
     * claiming and recording the send. A sender (or its provider) that keeps the keys it has sent
     * turns those repeats into {@link DeliveryResult.Status#DUPLICATE} instead of a second letter.
     *
     * @param message the message, with the customer id, channel, template and personalisation; the
     *     sender resolves the address itself (e.g. from the profile store)
     * @return what became of it, not null; the failure detail lands in the fire log, so keep
     *     personal data out of it
     */
    DeliveryResult send(OutgoingMessage message);
}
