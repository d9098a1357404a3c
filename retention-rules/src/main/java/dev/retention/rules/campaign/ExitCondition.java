package dev.retention.rules.campaign;

/** Ends a customer's run through a campaign sequence: later steps are recorded as cancelled. */
public enum ExitCondition {
    /** The customer placed an order at or after entering the campaign. */
    CUSTOMER_ORDERED,
    /** The campaign's trigger no longer fires for the customer (e.g. they left the segment). */
    LEFT_TRIGGER
}
