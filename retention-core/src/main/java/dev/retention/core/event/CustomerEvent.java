package dev.retention.core.event;

import dev.retention.core.CustomerId;
import java.time.Instant;

/**
 * Something a customer did, as the shop backend reports it.
 *
 * <p>Every event carries an {@link #eventId()} that makes delivering it twice harmless: stores keep
 * one event per id and ignore repeats. Events are immutable values; create them with the records'
 * constructors or factories, which reject blank ids and missing fields.
 */
public sealed interface CustomerEvent
        permits ProductViewed, CartUpdated, OrderPlaced, OrderRefunded, CustomEvent {

    /**
     * Unique id of this event (the idempotency key), e.g. the id of the message that carried it.
     *
     * @return the id; unique per customer (two customers may use the same id), compared exactly
     */
    String eventId();

    /**
     * Who did it; the event lands in this customer's history.
     *
     * @return the customer
     */
    CustomerId customerId();

    /**
     * When it happened in the shop (not when the library received it): histories are ordered by it,
     * and windows select by it, so a late or replayed event still lands in its place.
     *
     * @return the instant, to the nanosecond
     */
    Instant occurredAt();
}
