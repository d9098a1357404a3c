package dev.retention.core.store;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where customer events live: the library's only input besides profiles.
 *
 * <p>Contract, checked by the abstract {@code EventStoreContract} test suite that every
 * implementation extends (retention-testkit, {@code dev.retention.testkit.contract}):
 * <ul>
 *   <li>Appending is idempotent by event id: an event whose customer already has an event with the
 *       same id is ignored (the first delivery wins, even if a repeat differs).
 *   <li>Events may arrive in any order; histories are always in time order, ties broken by event id,
 *       so the same set of events gives the same history whatever the arrival order.
 *   <li>Histories are snapshots: later appends do not change a history already handed out.
 *   <li>Money adds up: an order's refunds never exceed its total nor differ from its currency, and a
 *       customer's running totals of orders and of refunds per currency never overflow a
 *       {@code long} of minor units; {@link #append} refuses the event that would break this.
 *   <li>{@link #erase} forgets a customer: afterwards the store answers as if it had never seen
 *       them, and a later event with the same customer id (even a repeated event id) starts a new
 *       customer.
 * </ul>
 */
public interface EventStore {

    /**
     * Stores the event unless its customer already has one with the same id.
     *
     * <p>Refuses, storing nothing of it: a refund that would take the refunds of its order past the
     * order's total, or is in another currency than the order (a refund of an order not stored yet
     * is taken, since events may arrive out of order); an order whose total is below the refunds
     * already stored for it; an event that would overflow the customer's running total of orders or
     * of refunds in its currency.
     *
     * <p>Implementations are thread-safe: any thread may append, for one customer or many.
     *
     * @param event the event; its customer is the event's {@link CustomerEvent#customerId()}
     * @return true if the event was stored; false if its customer already had an event with its id
     *     (the stored one is kept, even if this one differs)
     * @throws NullPointerException if {@code event} is null
     * @throws IllegalArgumentException naming the event and the amount, for an event refused as above
     */
    boolean append(CustomerEvent event);

    /**
     * Stores each event as {@link #append} would, in the collection's iteration order. Not atomic:
     * an event refused with an exception stops the loop, and the events before it stay stored, so
     * fix the data and call again (repeats of those already stored are ignored).
     *
     * @param events the events, of any customers, in any order
     * @return how many of them were new
     * @throws NullPointerException if {@code events} or one of them is null
     * @throws IllegalArgumentException for the first event refused as {@link #append} says
     */
    default int appendAll(Collection<? extends CustomerEvent> events) {
        int added = 0;
        for (CustomerEvent event : events) {
            if (append(event)) {
                added++;
            }
        }
        return added;
    }

    /**
     * The customer's events so far, as an immutable snapshot: appends after the call do not show in
     * it.
     *
     * @param customerId the customer
     * @return the customer's history; an empty history for a customer the store has never seen
     * @throws NullPointerException if {@code customerId} is null
     */
    CustomerHistory history(CustomerId customerId);

    /**
     * The customer's history for a caller that reads it only within the current step of that
     * customer and keeps nothing of it: the campaign engine deciding inside a per-customer seam's
     * {@code update}. A store that holds the customer for the calling thread may answer with a
     * history over its live data instead of a snapshot (the native in-memory seam does, saving a
     * snapshot per event); such a history throws {@link IllegalStateException} on every query once
     * the step has ended or the customer's events have changed, so it never answers differently from
     * a snapshot taken at the call. Everywhere else this is {@link #history}, as by default.
     *
     * @param customerId the customer
     * @return the customer's history, valid at least until the step ends or the customer's events change
     * @throws NullPointerException if {@code customerId} is null
     */
    default CustomerHistory historyInStep(CustomerId customerId) {
        return history(customerId);
    }

    /**
     * Every customer with at least one event, e.g. to evaluate a segment over the whole shop.
     *
     * @return a stream of distinct ids in no particular order; a customer whose first event arrives
     *     while the stream runs may or may not be in it
     */
    Stream<CustomerId> customerIds();

    /**
     * A snapshot history of every customer, for bulk evaluation. The stream may be made parallel; a
     * customer whose first event arrives while the stream runs may or may not be included.
     *
     * @return one history per customer with at least one event, in no particular order
     */
    Stream<CustomerHistory> histories();

    /**
     * Reads every customer's history with {@code reader}, for bulk evaluation that keeps only what
     * it computes from each history (a verdict, a score): the same results as
     * {@code histories().map(reader)}, but the store may lend the reader its live data instead of a
     * snapshot, valid only for the duration of the call. The in-memory store does: it hands each
     * customer's log to the reader under that customer's lock, so a bulk read allocates no snapshot
     * per customer (appends to that one customer wait for the reader).
     *
     * <p>So the reader must not keep the history or anything that reads it later, and must not call
     * this store (an append from inside would change the history under the reader, and a read of
     * another customer could deadlock with another reader). The stream may be made parallel; a
     * customer whose first event arrives while it runs may or may not be read.
     *
     * @param reader computes one result from one history; called once per customer with at least
     *     one event, possibly from several threads at once
     * @param <T> the type of the results
     * @return the reader's results, one per customer, in no particular order
     * @throws NullPointerException if {@code reader} is null
     */
    default <T> Stream<T> readHistories(Function<? super CustomerHistory, ? extends T> reader) {
        Objects.requireNonNull(reader, "reader");
        return histories().map(reader);
    }

    /**
     * The number of distinct events stored, over all customers.
     *
     * @return the count; ignored repeats and refused events do not count
     */
    long eventCount();

    /**
     * The number of customers with at least one event.
     *
     * @return the count
     */
    long customerCount();

    /**
     * Removes every event of the customer (the right to erasure): afterwards {@link #history} is
     * empty, {@link #customerIds} and {@link #histories} leave the customer out, the counts drop,
     * and an event appended later, even one with an event id seen before, is stored as new.
     * Histories handed out before are snapshots and keep what they held.
     *
     * <p>The default throws, so that a store written before erasure existed fails loudly rather
     * than keeping data it was asked to remove; {@code EventStoreContract} checks an override.
     *
     * @param customerId the customer to forget
     * @return how many events were removed (0 for a customer the store has not seen)
     * @throws UnsupportedOperationException if the store cannot erase
     */
    default long erase(CustomerId customerId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement erase(CustomerId)");
    }
}
