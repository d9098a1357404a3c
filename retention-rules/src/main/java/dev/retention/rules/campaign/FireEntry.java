package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.send.OutgoingMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * One decision of the campaign engine about one message, as kept in the {@link FireLog}: what
 * would be or was sent, to whom, why, and where it stands.
 *
 * <p>Entries answer "why did (or didn't) this customer get the letter?" and feed attribution:
 * {@link FireStatus#SENT} entries are the treated group and {@link FireStatus#HELD_OUT} ones the
 * control group, both with their {@link #decidedAt()}.
 *
 * @param message the message with its idempotency key ({@link #key()}), which identifies the entry
 * @param entry which entry of the customer into the campaign this is, from 1
 * @param step which step of the campaign's sequence, from 0 (the first message)
 * @param episode the trigger episode that started the entry (see {@code Firing#episode()})
 * @param variant the A/B variant, if the campaign has variants
 * @param triggerReason why the trigger fired
 * @param decidedAt when the customer entered the campaign (the same for every step of an entry)
 * @param status where the entry stands
 * @param cause the machine-readable reason for the status
 * @param reason the human-readable reason for the status
 * @param dueAt when a {@link FireStatus#PENDING} entry is to be sent; for an {@link FireStatus#IN_FLIGHT}
 *     one, when its claim's lease ends; for others, the last due time
 * @param attempts how many times an engine claimed the entry to call the sender
 * @param updatedAt when the status last changed; for {@link FireStatus#SENT}, when it was delivered
 * @param leftTriggerSince for a first step, when an engine first saw the campaign's trigger stop
 *     firing for the customer after this entry: kept in the log, so that {@link ReEntry#everyNewFiring()}
 *     lets the customer re-enter on the same episode after a restart as well
 */
public record FireEntry(
        OutgoingMessage message,
        int entry,
        int step,
        String episode,
        Optional<String> variant,
        String triggerReason,
        Instant decidedAt,
        FireStatus status,
        DecisionCause cause,
        String reason,
        Instant dueAt,
        int attempts,
        Instant updatedAt,
        Optional<Instant> leftTriggerSince) {

    /**
     * Validates the components.
     *
     * @param message the message with its idempotency key ({@link #key()}), which identifies the entry
     * @param entry which entry of the customer into the campaign this is, from 1
     * @param step which step of the campaign's sequence, from 0 (the first message)
     * @param episode the trigger episode that started the entry (see {@code Firing#episode()})
     * @param variant the A/B variant, if the campaign has variants
     * @param triggerReason why the trigger fired
     * @param decidedAt when the customer entered the campaign (the same for every step of an entry)
     * @param status where the entry stands
     * @param cause the machine-readable reason for the status
     * @param reason the human-readable reason for the status
     * @param dueAt when a {@link FireStatus#PENDING} entry is to be sent; for an {@link FireStatus#IN_FLIGHT}
     *     one, when its claim's lease ends; for others, the last due time
     * @param attempts how many times an engine claimed the entry to call the sender
     * @param updatedAt when the status last changed; for {@link FireStatus#SENT}, when it was delivered
     * @param leftTriggerSince for a first step, when an engine first saw the campaign's trigger stop
     *     firing for the customer after this entry: kept in the log, so that {@link ReEntry#everyNewFiring()}
     *     lets the customer re-enter on the same episode after a restart as well
     * @throws IllegalArgumentException if {@code entry} is below 1, {@code step} or {@code attempts} is
     *     negative, or the episode, trigger reason or reason is blank
     * @throws NullPointerException if a component is null
     */
    public FireEntry {
        requireNonNull(message, "message");
        checkArgument(entry >= 1, "entry must be at least 1, got %s", entry);
        checkArgument(step >= 0, "step must not be negative, got %s", step);
        checkArgument(episode != null && !episode.isBlank(), "episode must not be blank");
        requireNonNull(variant, "variant");
        checkArgument(triggerReason != null && !triggerReason.isBlank(), "triggerReason must not be blank");
        requireNonNull(decidedAt, "decidedAt");
        requireNonNull(status, "status");
        requireNonNull(cause, "cause");
        checkArgument(reason != null && !reason.isBlank(), "reason must not be blank");
        requireNonNull(dueAt, "dueAt");
        checkArgument(attempts >= 0, "attempts must not be negative, got %s", attempts);
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(leftTriggerSince, "leftTriggerSince");
    }

    /**
     * An entry the engine has not seen leave its trigger ({@code leftTriggerSince} empty).
     *
     * @param message the message with its idempotency key ({@link #key()}), which identifies the entry
     * @param entry which entry of the customer into the campaign this is, from 1
     * @param step which step of the campaign's sequence, from 0 (the first message)
     * @param episode the trigger episode that started the entry (see {@code Firing#episode()})
     * @param variant the A/B variant, if the campaign has variants
     * @param triggerReason why the trigger fired
     * @param decidedAt when the customer entered the campaign (the same for every step of an entry)
     * @param status where the entry stands
     * @param cause the machine-readable reason for the status
     * @param reason the human-readable reason for the status
     * @param dueAt when a {@link FireStatus#PENDING} entry is to be sent; for an {@link FireStatus#IN_FLIGHT}
     *     one, when its claim's lease ends; for others, the last due time
     * @param attempts how many times an engine claimed the entry to call the sender
     * @param updatedAt when the status last changed; for {@link FireStatus#SENT}, when it was delivered
     * @throws IllegalArgumentException if {@code entry} is below 1, {@code step} or {@code attempts} is
     *     negative, or the episode, trigger reason or reason is blank
     */
    public FireEntry(OutgoingMessage message, int entry, int step, String episode, Optional<String> variant,
            String triggerReason, Instant decidedAt, FireStatus status, DecisionCause cause, String reason,
            Instant dueAt, int attempts, Instant updatedAt) {
        this(message, entry, step, episode, variant, triggerReason, decidedAt, status, cause, reason, dueAt, attempts,
                updatedAt, Optional.empty());
    }

    /**
     * The idempotency key of the message, unique in the fire log.
     *
     * @return the key
     */
    public String key() {
        return message.idempotencyKey();
    }

    /**
     * The campaign that decided the entry.
     *
     * @return the campaign's id
     */
    public String campaignId() {
        return message.campaignId();
    }

    /**
     * The customer the message is for.
     *
     * @return the customer's id
     */
    public CustomerId customerId() {
        return message.customerId();
    }

    /**
     * Whether the entry waits to be sent ({@link FireStatus#PENDING}).
     *
     * @return true if pending
     */
    public boolean isPending() {
        return status == FireStatus.PENDING;
    }

    /**
     * Whether an engine has claimed the entry to send it ({@link FireStatus#IN_FLIGHT}).
     *
     * @return true if in flight
     */
    public boolean isInFlight() {
        return status == FireStatus.IN_FLIGHT;
    }

    /**
     * Whether the entry may still change: pending, or claimed by an engine sending it.
     *
     * @return true if pending or in flight
     */
    public boolean isOpen() {
        return status == FireStatus.PENDING || status == FireStatus.IN_FLIGHT;
    }

    /**
     * Whether an engine may claim the entry at {@code now}: pending and due, or in flight with its
     * lease ended (the engine that claimed it died or lost its answer).
     *
     * @param now the instant
     * @return true if open and {@code dueAt <= now}
     */
    public boolean isClaimable(Instant now) {
        return isOpen() && !dueAt.isAfter(now);
    }

    /**
     * A copy with a new status, cause, reason and update time; due time and attempts are kept.
     *
     * @param newStatus the new status
     * @param newCause the machine-readable reason
     * @param newReason the sentence, not blank
     * @param at when the status changed
     * @return the copy
     * @throws IllegalArgumentException if {@code newReason} is blank
     */
    public FireEntry with(FireStatus newStatus, DecisionCause newCause, String newReason, Instant at) {
        return new FireEntry(message, entry, step, episode, variant, triggerReason, decidedAt, newStatus, newCause,
                newReason, dueAt, attempts, at, leftTriggerSince);
    }

    /**
     * A pending copy due at {@code due} (deferred, a retry or a later step).
     *
     * @param due when it is to be sent
     * @param newCause the machine-readable reason
     * @param newReason the sentence, not blank
     * @param at when the status changed
     * @return the copy
     * @throws IllegalArgumentException if {@code newReason} is blank
     */
    public FireEntry pendingUntil(Instant due, DecisionCause newCause, String newReason, Instant at) {
        return new FireEntry(message, entry, step, episode, variant, triggerReason, decidedAt, FireStatus.PENDING,
                newCause, newReason, due, attempts, at, leftTriggerSince);
    }

    /**
     * A copy that counts one more send attempt, made at {@code at}.
     *
     * @param at when the attempt was made (the new {@link #updatedAt()})
     * @return the copy
     */
    public FireEntry withAttempt(Instant at) {
        return new FireEntry(message, entry, step, episode, variant, triggerReason, decidedAt, status, cause, reason,
                dueAt, attempts + 1, at, leftTriggerSince);
    }

    /**
     * A copy claimed at {@code at} for one more send attempt: {@link FireStatus#IN_FLIGHT} until
     * {@code leaseUntil}, when another engine may take it over.
     *
     * @param at when the claim is made
     * @param leaseUntil when the claim's lease ends (the new {@link #dueAt()})
     * @return the claimed copy, with one more attempt
     * @throws IllegalArgumentException if {@code leaseUntil} is not after {@code at}
     */
    public FireEntry claim(Instant at, Instant leaseUntil) {
        requireNonNull(at, "at");
        requireNonNull(leaseUntil, "leaseUntil");
        checkArgument(leaseUntil.isAfter(at), "leaseUntil (%s) must be after the claim (%s)", leaseUntil, at);
        return new FireEntry(message, entry, step, episode, variant, triggerReason, decidedAt, FireStatus.IN_FLIGHT,
                cause, reason, leaseUntil, attempts + 1, at, leftTriggerSince);
    }

    /**
     * A copy noting that the campaign's trigger was seen not firing for the customer at {@code at}.
     *
     * @param at when the trigger was seen not firing
     * @return the copy; status, due time and update time are kept
     */
    public FireEntry leftTrigger(Instant at) {
        requireNonNull(at, "at");
        return new FireEntry(message, entry, step, episode, variant, triggerReason, decidedAt, status, cause, reason,
                dueAt, attempts, updatedAt, Optional.of(at));
    }
}
