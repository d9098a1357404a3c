package dev.retention.testkit.contract;

import dev.retention.core.store.EventStore;
import dev.retention.rules.customer.CustomerStateStore;

/** The native in-memory seam's {@code events} view passes the event store contract, each test on a new seam. */
class NativeSeamEventsContractTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return CustomerStateStore.inMemory().events();
    }
}
