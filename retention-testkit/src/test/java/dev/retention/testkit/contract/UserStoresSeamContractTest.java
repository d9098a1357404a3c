package dev.retention.testkit.contract;

import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.loyalty.InMemoryLedgerStore;

/** A user's own stores composed behind the seam pass the seam's contract: nothing is probed for its type. */
class UserStoresSeamContractTest extends CustomerStateStoreContract {

    @Override
    protected CustomerStateStore newStore() {
        return CustomerStateStore.composedOf(new CountingEventStore(), new MapProfileStore(), new InMemoryFireLog(),
                new InMemoryLedgerStore());
    }
}
