package dev.retention.testkit.contract;

import dev.retention.rules.customer.CustomerStateStore;

/** The default adapter over the four in-memory stores passes the seam's contract. */
class InMemoryCustomerStateStoreContractTest extends CustomerStateStoreContract {

    @Override
    protected CustomerStateStore newStore() {
        return CustomerStateStore.inMemory();
    }
}
