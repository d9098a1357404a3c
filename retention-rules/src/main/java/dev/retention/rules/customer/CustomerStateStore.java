package dev.retention.rules.customer;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.loyalty.LedgerStore;
import java.util.function.Supplier;

/**
 * The per-customer seam: a backend that serves one customer's whole state in one step and applies
 * one customer's changes as one step. The customer is the unit of state and of consistency, as the
 * key is in a stream processor's keyed state (Flink's keyed state, a Kafka Streams state store).
 *
 * <p>Three operations are keyed by one customer: {@link #read} (everything about them, consistent),
 * {@link #update} (a change made while the customer is held exclusively) and {@link #erase}. The
 * per-kind views ({@link #events()}, {@link #profiles()}, {@link #fireLog()}, {@link #ledger()})
 * are how the campaign engine, the points ledger and bulk evaluation (segments, metrics, ticks over
 * every customer) reach the data; each passes its store's contract suite.
 *
 * <h2>Atomicity</h2>
 * Within {@link #update}, the calling thread holds the customer: no other {@code update},
 * {@code read} or {@code erase} of the same customer runs until it returns, and what the change
 * does through the views is one step for every other user of the seam: one lock in memory (the
 * {@linkplain #composedOf default adapter}'s), one transaction and one row lock in a database (the
 * backend binds it to the thread while the change runs), one key in a Kafka Streams task (which
 * owns the key already). In memory a change that throws half-way keeps what it did before the
 * throw (there is no rollback); a transactional backend rolls it back. Calls to the views outside
 * {@code update} are each atomic on their own, as their store's contract says.
 *
 * <p>Implementations are thread-safe. Implement this interface natively for one lookup per step;
 * or compose existing stores with {@link #composedOf}.
 */
public interface CustomerStateStore {

    /**
     * The events of every customer; an {@code update} appends through it.
     *
     * @return the event view, the same store on every call
     */
    EventStore events();

    /**
     * The profiles of every customer.
     *
     * @return the profile view, the same store on every call
     */
    ProfileStore profiles();

    /**
     * The campaign engine's outbox and memory: its decisions, their sends and the re-entry memory.
     *
     * @return the fire-log view, the same log on every call
     */
    FireLog fireLog();

    /**
     * The loyalty ledgers.
     *
     * @return the ledger view, the same store on every call
     */
    LedgerStore ledger();

    /**
     * Everything kept about the customer, read in one step: no change of this customer through
     * {@link #update} or {@link #erase} falls between the parts. Empty parts for an unknown customer.
     * Waits while another thread holds the customer.
     *
     * @param customer whose state to read
     * @return the customer's state; {@link CustomerState#isEmpty() empty} if nothing is kept about them
     * @throws NullPointerException if {@code customer} is null
     */
    CustomerState read(CustomerId customer);

    /**
     * Runs {@code change} while the calling thread holds the customer, so that what it does to
     * this customer through the views is one step (see the class comment); re-entrant, so a change
     * may call {@code read} or {@code update} for the same customer. Waits while another thread
     * holds the customer; updates of different customers run in parallel. An exception thrown by
     * {@code change} is thrown from here, after the customer is released (see the class comment for
     * what stays done).
     *
     * @param <T> what the change returns
     * @param customer the customer to hold while {@code change} runs
     * @param change what to do to the customer, through the views; should change no other customer
     * @return what {@code change} returned
     * @throws NullPointerException if {@code customer} or {@code change} is null
     */
    <T> T update(CustomerId customer, Supplier<T> change);

    /**
     * Hands everything kept about the customer to {@code sink}, part by part in the order its
     * class comment gives, read in one step as {@link #read} is. This default reads the whole state
     * with {@link #read} and then hands it over; a backend whose stores are not in memory (a
     * database) overrides it to hand over rows as it reads them, so a long history never sits in
     * memory at once.
     *
     * @param customer whose state to hand over
     * @param sink what receives the parts; what it throws is thrown from here
     * @throws NullPointerException if {@code customer} or {@code sink} is null
     */
    default void exportTo(CustomerId customer, CustomerStateSink sink) {
        requireNonNull(sink, "sink");
        CustomerState state = read(requireNonNull(customer, "customer"));
        state.history().events().forEach(sink::event);
        sink.profile(state.profile());
        state.decisions().forEach(sink::decision);
        sink.ledgerVersion(state.ledger().version());
        state.ledger().entries().forEach(sink::ledgerEntry);
    }

    /**
     * Removes every trace of the customer from every store in one step (the right to erasure):
     * events, profile, fire-log entries (decisions with their personal fields, and the re-entry
     * memory) and ledger entries. Afterwards {@link #read} is empty, and a later event from the same
     * id starts a new customer. Counts and reports computed before stay as they are. Waits for a
     * running {@code update} of the customer, so an erasure never falls inside one; erasing a
     * customer the stores have not seen removes nothing.
     *
     * @param customer the customer to forget
     * @return what was removed, per store
     * @throws UnsupportedOperationException if a store cannot erase (the stores erased before it
     *     stay erased; a repeated call finishes the job)
     */
    Erasure erase(CustomerId customer);

    /**
     * Releases the spare capacity a backend keeps in memory for growth, e.g. after loading a shop's
     * history in bulk; appending afterwards works as before (the arrays grow again). The
     * {@linkplain #inMemory() in-memory seam} trims every customer's event columns, one customer at
     * a time under their lock, as {@code InMemoryEventStore.trimToSize} does, so it is safe while
     * other threads append; call it outside an {@link #update}. Does nothing by default: a database
     * keeps nothing spare in the JVM, and the {@linkplain #composedOf composed adapter} leaves its
     * stores to you (trim an {@code InMemoryEventStore} directly).
     */
    default void trimToSize() {
    }

    /**
     * The default adapter: today's separate stores behind the seam, with a lock per customer
     * (striped) held for {@link #read}, {@link #update} and {@link #erase}. Any implementations
     * passing their contract suites will do; none is probed for its type. The lock is the
     * adapter's: it makes the four stores one step for users of the seam, not for code that writes
     * to a store directly. {@link #erase} erases the profile first, then the fire log, the ledger
     * and the events, so that if a store cannot erase, the contact data is gone already.
     *
     * @param events the event store, served as {@link #events()}
     * @param profiles the profile store, served as {@link #profiles()}
     * @param fireLog the fire log, served as {@link #fireLog()}
     * @param ledger the ledger store, served as {@link #ledger()}
     * @return a thread-safe seam over the four stores
     * @throws NullPointerException if a store is null
     */
    static CustomerStateStore composedOf(EventStore events, ProfileStore profiles, FireLog fireLog,
            LedgerStore ledger) {
        return new ComposedCustomerStateStore(events, profiles, fireLog, ledger);
    }

    /**
     * A new, empty in-memory seam, implemented natively: one map from the customer to one record
     * holding their events (in the same columnar form as {@code InMemoryEventStore}), profile,
     * fire-log entries and ledger, whose lock is the customer's lock. Each step reaches a customer
     * with one lookup, and the views called inside an {@link #update} reach the held customer with
     * none. Its views pass the same contract suites as the four in-memory stores and give the same
     * answers as {@link #composedOf} them; unlike the composed adapter, a write through a view
     * outside {@code update} takes the customer's lock too, so no write of the customer, whatever
     * the path, falls inside another thread's {@code update}.
     *
     * @return a new, empty, thread-safe in-memory seam
     */
    static CustomerStateStore inMemory() {
        return new InMemoryCustomerStateStore();
    }
}
