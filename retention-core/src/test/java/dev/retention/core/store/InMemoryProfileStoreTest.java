package dev.retention.core.store;

class InMemoryProfileStoreTest extends ProfileStoreContract {

    @Override
    protected ProfileStore newStore() {
        return new InMemoryProfileStore();
    }
}
