package dev.retention.testkit.contract;

import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;

/**
 * retention-core's in-memory event store passes the contract (run here: the suite needs core);
 * its own tests stay in retention-core's {@code InMemoryEventStoreTest}.
 */
class InMemoryEventStoreContractTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
