package dev.retention.testkit.contract;

import dev.retention.core.store.ProfileStore;
import dev.retention.rules.customer.CustomerStateStore;

/** The native in-memory seam's {@code profiles} view passes the profile store contract, each test on a new seam. */
class NativeSeamProfilesContractTest extends ProfileStoreContract {

    @Override
    protected ProfileStore newStore() {
        return CustomerStateStore.inMemory().profiles();
    }
}
