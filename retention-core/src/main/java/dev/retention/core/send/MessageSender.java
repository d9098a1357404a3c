package dev.retention.core.send;

import static java.util.Objects.requireNonNull;

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
 *
 * <p>A sender that renders templates also overrides {@link #check}: the engine calls it for every
 * step of its campaigns when it is built, so a template that would render with a blank fails the
 * build instead of a customer's letter. A sender that wraps another (a rate limit, a router by
 * channel) forwards {@code check} to the sender each plan would reach.
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

    /**
     * Checks, when the campaign engine is built, that this sender can deliver what one campaign
     * step will send: e.g. that it has the step's template and that the template uses no field the
     * step's messages will not carry. The engine calls it once per step and A/B variant of each
     * campaign and fails its {@code build()} with the exception, naming the campaign and the step.
     * Runs before any message is sent, so it may be slow, but it must not send anything.
     *
     * <p>The default accepts every plan: a sender that renders nothing (a webhook, a log) has
     * nothing to check.
     *
     * @param planned the campaign, step, channel and template, and the fields every message of the
     *     step will carry
     * @throws IllegalArgumentException if this sender could not deliver such a message, saying why
     *     (the template, its locale and the missing field, say)
     */
    default void check(PlannedMessage planned) {
        requireNonNull(planned, "planned");
    }
}
