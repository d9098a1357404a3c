package dev.retention.core.send;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link MessageSender} made of one message. Build one with the factories
 * ({@link #sent()}, {@link #retryableFailure(String)}, ...). Immutable and thread-safe.
 *
 * @param status delivered, already delivered, or failed for now or for good
 * @param providerMessageId the id the provider (SMTP server, push service) gave the message, if any
 * @param detail why it failed, for {@link Status#RETRYABLE_FAILURE} and {@link Status#PERMANENT_FAILURE};
 *     the engine writes it into the fire log's reason, so it must hold no personal data
 * @param retryAfter for {@link Status#RETRYABLE_FAILURE} only: how long the channel asked to wait
 *     before the next attempt (an HTTP {@code Retry-After}, an SMTP throttle); the engine waits at
 *     least this long, within its retry policy's longest backoff
 */
public record DeliveryResult(Status status, Optional<String> providerMessageId, Optional<String> detail,
        Optional<Duration> retryAfter) {

    /** How a send ended, which decides what the campaign engine does next with the entry. */
    public enum Status {
        /** Handed over to the channel; done. */
        SENT,
        /** The sender had already sent a message with this idempotency key; done, nothing sent again. */
        DUPLICATE,
        /** Failed for now (timeout, throttling); the engine retries with backoff. */
        RETRYABLE_FAILURE,
        /** Will never succeed (invalid address, template missing); the engine gives up. */
        PERMANENT_FAILURE
    }

    /**
     * Checks the result; the factories are shorter.
     *
     * @param status how the send ended
     * @param providerMessageId the provider's id of the message, or empty
     * @param detail why it failed, or empty
     * @param retryAfter the wait the channel asked for, or empty; only for a retryable failure
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code retryAfter} is negative or set for another status
     */
    public DeliveryResult {
        requireNonNull(status, "status");
        requireNonNull(providerMessageId, "providerMessageId");
        requireNonNull(detail, "detail");
        requireNonNull(retryAfter, "retryAfter");
        retryAfter.ifPresent(wait -> {
            checkArgument(!wait.isNegative(), "retryAfter must not be negative, got %s", wait);
            checkArgument(status == Status.RETRYABLE_FAILURE,
                    "retryAfter is only for RETRYABLE_FAILURE, got status %s", status);
        });
    }

    /**
     * A result without a requested wait.
     *
     * @param status how the send ended
     * @param providerMessageId the provider's id of the message, or empty
     * @param detail why it failed, or empty
     * @throws NullPointerException if an argument is null
     */
    public DeliveryResult(Status status, Optional<String> providerMessageId, Optional<String> detail) {
        this(status, providerMessageId, detail, Optional.empty());
    }

    /**
     * The message was handed over to the channel, and the provider gave no id.
     *
     * @return a {@link Status#SENT} result
     */
    public static DeliveryResult sent() {
        return new DeliveryResult(Status.SENT, Optional.empty(), Optional.empty());
    }

    /**
     * The message was handed over to the channel under the provider's id, to trace it at the
     * provider.
     *
     * @param providerMessageId the provider's id of the message, e.g. the SMTP queue id
     * @return a {@link Status#SENT} result
     * @throws NullPointerException if {@code providerMessageId} is null
     */
    public static DeliveryResult sent(String providerMessageId) {
        return new DeliveryResult(Status.SENT, Optional.of(providerMessageId), Optional.empty());
    }

    /**
     * The sender had already sent a message with this idempotency key and sent nothing now; the
     * engine records the entry as sent.
     *
     * @return a {@link Status#DUPLICATE} result
     */
    public static DeliveryResult duplicate() {
        return new DeliveryResult(Status.DUPLICATE, Optional.empty(), Optional.empty());
    }

    /**
     * The send failed for now (timeout, throttling, provider down); the engine tries again after its
     * retry policy's backoff, up to its maximum attempts.
     *
     * @param detail why, e.g. {@code "HTTP 503"}; no personal data (it goes into the fire log)
     * @return a {@link Status#RETRYABLE_FAILURE} result
     * @throws NullPointerException if {@code detail} is null
     */
    public static DeliveryResult retryableFailure(String detail) {
        return new DeliveryResult(Status.RETRYABLE_FAILURE, Optional.empty(), Optional.of(detail));
    }

    /**
     * The send failed for now and the channel asked to wait {@code retryAfter} before trying again
     * (HTTP 429 or 503 with {@code Retry-After}); the engine waits the longer of that and its own
     * backoff, but never longer than its retry policy's longest backoff.
     *
     * @param detail why, e.g. {@code "HTTP 429"}; no personal data (it goes into the fire log)
     * @param retryAfter the wait the channel asked for, not negative
     * @return a {@link Status#RETRYABLE_FAILURE} result
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public static DeliveryResult retryableFailure(String detail, Duration retryAfter) {
        return new DeliveryResult(Status.RETRYABLE_FAILURE, Optional.empty(), Optional.of(detail),
                Optional.of(requireNonNull(retryAfter, "retryAfter")));
    }

    /**
     * The send will never succeed (invalid address, unknown template, no contact point); the engine
     * marks the entry failed and does not retry.
     *
     * @param detail why, e.g. {@code "template we-miss-you not found"}; no personal data (it goes
     *     into the fire log)
     * @return a {@link Status#PERMANENT_FAILURE} result
     * @throws NullPointerException if {@code detail} is null
     */
    public static DeliveryResult permanentFailure(String detail) {
        return new DeliveryResult(Status.PERMANENT_FAILURE, Optional.empty(), Optional.of(detail));
    }

    /**
     * Whether the message is delivered or known delivered.
     *
     * @return true for {@link Status#SENT} and {@link Status#DUPLICATE}, false for the failures
     */
    public boolean isDelivered() {
        return status == Status.SENT || status == Status.DUPLICATE;
    }
}
