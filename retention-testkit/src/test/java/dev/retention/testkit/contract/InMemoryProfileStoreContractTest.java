package dev.retention.testkit.contract;

import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.core.store.ProfileStore;

/** retention-core's in-memory profile store passes the contract (run here: the suite needs core). */
class InMemoryProfileStoreContractTest extends ProfileStoreContract {

    @Override
    protected ProfileStore newStore() {
        return new InMemoryProfileStore();
    }
}
