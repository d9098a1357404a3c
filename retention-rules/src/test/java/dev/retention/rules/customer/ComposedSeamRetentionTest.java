package dev.retention.rules.customer;

import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.loyalty.InMemoryLedgerStore;

/** The facade's tests over the default adapter composing the four separate in-memory stores. */
class ComposedSeamRetentionTest extends RetentionTest {

    @Override
    CustomerStateStore newState() {
        return composedInMemory();
    }

    static CustomerStateStore composedInMemory() {
        return CustomerStateStore.composedOf(new InMemoryEventStore(), new InMemoryProfileStore(),
                new InMemoryFireLog(), new InMemoryLedgerStore());
    }
}
