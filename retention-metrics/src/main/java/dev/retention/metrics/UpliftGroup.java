package dev.retention.metrics;

/** Which arm of a campaign a customer was put in. */
public enum UpliftGroup {
    /** The customer was sent the message. */
    TREATED,
    /** The customer qualified but was deliberately not sent anything, for comparison. */
    HOLDOUT
}
