package dev.retention.rules.campaign;

/** The machine-readable part of a decision's reason; {@link FireEntry#reason()} has the sentence. */
public enum DecisionCause {
    /** The trigger fired and every guard passed; pending until sent. */
    TRIGGERED,
    /** Deferred to the end of the quiet hours in the customer's time zone. */
    QUIET_HOURS,
    /** A later step of a sequence, waiting for its delay. */
    SEQUENCE_STEP,
    /** The last attempt failed; waiting for the retry backoff. */
    RETRY,
    /** The sender accepted the message. */
    DELIVERED,
    /** The customer has no consent for the channel at the time of the decision or the send. */
    NO_CONSENT,
    /**
     * The customer's profile has no contact point for the channel (no email address for
     * {@code email}, no phone number for {@code sms}) at the time of the decision or the send.
     */
    NO_CONTACT_POINT,
    /** The customer received this campaign within its cooldown. */
    COOLDOWN,
    /** The customer reached a frequency cap; a campaign of higher priority may have used it. */
    FREQUENCY_CAP,
    /** The customer is in the campaign's holdout control group. */
    HOLDOUT,
    /** Exit condition of a sequence: the customer ordered after entering. */
    CUSTOMER_ORDERED,
    /** Exit condition of a sequence: the trigger no longer fires for the customer. */
    LEFT_TRIGGER,
    /** The sender failed permanently or the retries ran out. */
    SEND_FAILED
}
