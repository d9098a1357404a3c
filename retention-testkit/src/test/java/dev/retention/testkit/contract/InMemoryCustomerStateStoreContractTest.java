package dev.retention.testkit.contract;

import dev.retention.rules.customer.CustomerStateStore;

/** The native in-memory seam ({@link CustomerStateStore#inMemory()}) passes the seam's contract. */
class InMemoryCustomerStateStoreContractTest extends CustomerStateStoreContract {

    @Override
    protected CustomerStateStore newStore() {
        return CustomerStateStore.inMemory();
    }
}
