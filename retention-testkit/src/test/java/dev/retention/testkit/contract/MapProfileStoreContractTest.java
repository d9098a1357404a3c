package dev.retention.testkit.contract;

import dev.retention.core.store.ProfileStore;

/** The user's own profile store that {@link UserStoresBehindTheSeamTest} composes passes its contract. */
class MapProfileStoreContractTest extends ProfileStoreContract {

    @Override
    protected ProfileStore newStore() {
        return new MapProfileStore();
    }
}
