package dev.retention.rules.campaign;

/** Where a {@link FireEntry} stands. Only {@link #PENDING} and {@link #IN_FLIGHT} entries change again. */
public enum FireStatus {
    /** To be sent at {@link FireEntry#dueAt()}: just decided, deferred by quiet hours, a later step, or a retry. */
    PENDING,
    /**
     * Claimed by an engine that is calling the sender; {@link FireEntry#dueAt()} is when the claim's
     * lease ends. Until then no other engine sends it; after it, another engine may take it over and
     * send it again with the same idempotency key (the claiming engine died or lost the answer).
     */
    IN_FLIGHT,
    /** Delivered to the sender (it answered sent, or duplicate for a repeat of this key). */
    SENT,
    /** Decided but never sent because a guard said no (consent, cooldown, frequency cap). */
    SUPPRESSED,
    /** In the campaign's holdout control group: recorded for attribution, never sent. */
    HELD_OUT,
    /** A sequence step dropped because an exit condition held (the customer ordered, or left the trigger). */
    CANCELLED,
    /** The sender failed for good, or the retries ran out. */
    FAILED
}
