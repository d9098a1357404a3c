package dev.retention.rules.customer;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.internal.CustomerLog;
import dev.retention.core.internal.Dictionary;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.loyalty.LedgerEntry;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Everything the {@linkplain InMemoryCustomerStateStore native in-memory seam} keeps about one
 * customer, in one object: the events (this log's columns), the profile, the fire-log entries and
 * the ledger. The object's monitor is the customer's lock; every write happens under it.
 *
 * <p>It extends the log rather than holding one: a million customers are a million objects, and
 * each field here is paid by each of them.
 */
final class CustomerRecord extends CustomerLog {
    private static final Decisions NO_DECISIONS = new Decisions(new FireEntry[0]);

    /** Read without the lock (the engine reads it once per event); replaced whole under it. */
    volatile CustomerProfile profile;
    /**
     * The customer's fire-log entries in the order recorded, replaced whole on change and read
     * without the lock: handed out as they are, so the engine's read per event allocates nothing.
     */
    volatile Decisions decisions = NO_DECISIONS;
    /** Null until the customer's first ledger entry. */
    Ledger ledger;
    /** The thread running an {@code update} of this customer, or null: the views' shortcut to the record. */
    Thread owner;
    /** Removed from the store's map: a thread that waited for the lock looks the customer up again. */
    boolean erased;
    /**
     * The history lent over these events for the running update's step, or null; its loan ends
     * before the events change and when the step ends (a field that fits the object's padding).
     */
    private CustomerHistory lent;

    CustomerRecord(String customer, Dictionary<ProductId> products) {
        super(customer, products);
    }

    /** Under the lock, while an update of this customer runs on the calling thread: the events, read in place. */
    CustomerHistory lendHistory(CustomerId customerId) {
        CustomerHistory h = lent;
        if (h == null) {
            h = CustomerHistory.lend(this, customerId);
            lent = h;
        }
        return h;
    }

    /** Under the lock: the lent history, if any, answers no more. */
    void endLoan() {
        CustomerHistory h = lent;
        if (h != null) {
            lent = null;
            CustomerHistory.endLoan(h);
        }
    }

    @Override
    public boolean append(CustomerEvent event) {
        endLoan(); // before the events change: a lent history must never show the change
        return super.append(event);
    }

    @Override
    public void clear() {
        endLoan();
        super.clear();
    }

    boolean hasDecisions() {
        return decisions.size() > 0;
    }

    void clearDecisions() {
        decisions = NO_DECISIONS;
    }

    /** Whether nothing is kept: the record may leave the map. */
    boolean isEmpty() {
        return size() == 0 && profile == null && decisions.size() == 0 && (ledger == null || ledger.version == 0);
    }

    /** A customer's fire-log entries as an unmodifiable list over an array that never changes once made. */
    static final class Decisions extends AbstractList<FireEntry> implements RandomAccess {
        final FireEntry[] entries;

        Decisions(FireEntry[] entries) {
            this.entries = entries;
        }

        @Override
        public FireEntry get(int index) {
            return entries[index];
        }

        @Override
        public int size() {
            return entries.length;
        }
    }

    /** One customer's ledger: entries in time order, unique by key, and a version counting the appends. */
    static final class Ledger {
        private final Map<String, LedgerEntry> byKey = new HashMap<>();
        private final List<LedgerEntry> sorted = new ArrayList<>();
        long version;
        /** The entries as handed out, made on the first read after a change. */
        private List<LedgerEntry> view = List.of();

        boolean add(LedgerEntry entry) {
            if (byKey.putIfAbsent(entry.key(), entry) != null) {
                return false;
            }
            int at = Collections.binarySearch(sorted, entry, LedgerEntry.TIME_ORDER);
            // keys are unique, so the entry is never found: insert where it belongs (mostly at the end)
            sorted.add(-at - 1, entry);
            version++;
            view = null;
            return true;
        }

        List<LedgerEntry> entries() {
            if (view == null) {
                view = List.copyOf(sorted);
            }
            return view;
        }

        int size() {
            return sorted.size();
        }
    }
}
