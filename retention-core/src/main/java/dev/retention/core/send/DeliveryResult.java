package dev.retention.core.send;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a {@link MessageSender} made of one message.
 *
 * @param providerMessageId the id the provider (SMTP server, push service) gave the message, if any
 * @param detail why it failed, for {@link Status#RETRYABLE_FAILURE} and {@link Status#PERMANENT_FAILURE}
 */
public record DeliveryResult(Status status, Optional<String> providerMessageId, Optional<String> detail) {

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

    public DeliveryResult {
        requireNonNull(status, "status");
        requireNonNull(providerMessageId, "providerMessageId");
        requireNonNull(detail, "detail");
    }

    public static DeliveryResult sent() {
        return new DeliveryResult(Status.SENT, Optional.empty(), Optional.empty());
    }

    public static DeliveryResult sent(String providerMessageId) {
        return new DeliveryResult(Status.SENT, Optional.of(providerMessageId), Optional.empty());
    }

    public static DeliveryResult duplicate() {
        return new DeliveryResult(Status.DUPLICATE, Optional.empty(), Optional.empty());
    }

    public static DeliveryResult retryableFailure(String detail) {
        return new DeliveryResult(Status.RETRYABLE_FAILURE, Optional.empty(), Optional.of(detail));
    }

    public static DeliveryResult permanentFailure(String detail) {
        return new DeliveryResult(Status.PERMANENT_FAILURE, Optional.empty(), Optional.of(detail));
    }

    /** Whether the message is delivered or known delivered ({@code SENT} or {@code DUPLICATE}). */
    public boolean isDelivered() {
        return status == Status.SENT || status == Status.DUPLICATE;
    }
}
