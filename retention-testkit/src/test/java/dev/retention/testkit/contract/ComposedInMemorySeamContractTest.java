package dev.retention.testkit.contract;

import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.loyalty.InMemoryLedgerStore;

/** The default adapter over the four separate in-memory stores passes the seam's contract. */
class ComposedInMemorySeamContractTest extends CustomerStateStoreContract {

    @Override
    protected CustomerStateStore newStore() {
        return CustomerStateStore.composedOf(new InMemoryEventStore(), new InMemoryProfileStore(),
                new InMemoryFireLog(), new InMemoryLedgerStore());
    }
}
