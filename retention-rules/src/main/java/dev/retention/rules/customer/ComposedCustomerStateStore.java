package dev.retention.rules.customer;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Striped;
import dev.retention.core.CustomerId;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.loyalty.LedgerStore;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * {@link CustomerStateStore#composedOf}: four separate stores behind the seam. A step is atomic
 * with respect to the seam because every step of a customer takes that customer's lock; the
 * stores themselves stay as they are (each thread-safe on its own), so a backend keeps working
 * while its users move to the seam.
 */
final class ComposedCustomerStateStore implements CustomerStateStore {
    // a stripe per 1/1024 of the customers: two customers sharing a stripe only wait for each other
    private static final int STRIPES = 1024;

    private final EventStore events;
    private final ProfileStore profiles;
    private final FireLog fireLog;
    private final LedgerStore ledger;
    private final Striped<Lock> locks = Striped.lock(STRIPES);

    ComposedCustomerStateStore(EventStore events, ProfileStore profiles, FireLog fireLog, LedgerStore ledger) {
        this.events = requireNonNull(events, "events");
        this.profiles = requireNonNull(profiles, "profiles");
        this.fireLog = requireNonNull(fireLog, "fireLog");
        this.ledger = requireNonNull(ledger, "ledger");
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public ProfileStore profiles() {
        return profiles;
    }

    @Override
    public FireLog fireLog() {
        return fireLog;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public CustomerState read(CustomerId customer) {
        requireNonNull(customer, "customer");
        Lock lock = locks.get(customer);
        lock.lock();
        try {
            return new CustomerState(customer, events.history(customer), profiles.find(customer),
                    fireLog.entries(customer), ledger.snapshot(customer));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T update(CustomerId customer, Supplier<T> change) {
        requireNonNull(customer, "customer");
        requireNonNull(change, "change");
        Lock lock = locks.get(customer);
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /** Contact data first: if a store cannot erase, what identifies the customer most is gone already. */
    @Override
    public Erasure erase(CustomerId customer) {
        requireNonNull(customer, "customer");
        Lock lock = locks.get(customer);
        lock.lock();
        try {
            int profile = profiles.erase(customer) ? 1 : 0;
            int decisions = fireLog.erase(customer);
            int ledgerEntries = ledger.erase(customer);
            long erasedEvents = events.erase(customer);
            return new Erasure(erasedEvents, profile, decisions, ledgerEntries);
        } finally {
            lock.unlock();
        }
    }
}
