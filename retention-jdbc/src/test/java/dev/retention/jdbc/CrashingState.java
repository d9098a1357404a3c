package dev.retention.jdbc;

import dev.retention.core.CustomerId;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.loyalty.LedgerStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A seam whose process "dies" at random right after an engine's claim of a decision is committed
 * and before the sender is called: the crash between record and send that leases exist for. Each
 * instance stands for one shop process; after a crash the test starts a new one. Thread-safe.
 */
final class CrashingState implements CustomerStateStore {
    /** The simulated death of the process. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash after a claim", null, false, false);
        }
    }

    private final CustomerStateStore durable;
    private final Random random;
    private final double rate;
    private final FireLog log;

    CrashingState(CustomerStateStore durable, long seed, double rate) {
        this.durable = durable;
        this.random = new Random(seed);
        this.rate = rate;
        this.log = new FireLog() {
            @Override
            public boolean record(FireEntry entry) {
                return durable.fireLog().record(entry);
            }

            @Override
            public boolean replace(FireEntry expected, FireEntry replacement) {
                boolean replaced = durable.fireLog().replace(expected, replacement);
                boolean claim = replacement.attempts() > expected.attempts();
                if (replaced && claim && crashNow()) {
                    throw new Crash();
                }
                return replaced;
            }

            @Override
            public Optional<FireEntry> find(String key) {
                return durable.fireLog().find(key);
            }

            @Override
            public List<FireEntry> entries(CustomerId customerId) {
                return durable.fireLog().entries(customerId);
            }

            @Override
            public List<FireEntry> due(Instant asOf) {
                return durable.fireLog().due(asOf);
            }

            @Override
            public Stream<FireEntry> entries() {
                return durable.fireLog().entries();
            }

            @Override
            public int erase(CustomerId customerId) {
                return durable.fireLog().erase(customerId);
            }
        };
    }

    private boolean crashNow() {
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    @Override
    public EventStore events() {
        return durable.events();
    }

    @Override
    public ProfileStore profiles() {
        return durable.profiles();
    }

    @Override
    public FireLog fireLog() {
        return log;
    }

    @Override
    public LedgerStore ledger() {
        return durable.ledger();
    }

    @Override
    public CustomerState read(CustomerId customer) {
        return durable.read(customer);
    }

    @Override
    public <T> T update(CustomerId customer, Supplier<T> change) {
        return durable.update(customer, change);
    }

    @Override
    public Erasure erase(CustomerId customer) {
        return durable.erase(customer);
    }
}
