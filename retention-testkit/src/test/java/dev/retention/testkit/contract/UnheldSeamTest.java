package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.loyalty.LedgerStore;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The seam's contract catches a seam that does not hold the customer during an update. */
class UnheldSeamTest {

    /** The default adapter's parts, but {@code update} runs the change with no lock. */
    private static final class UnheldSeam implements CustomerStateStore {
        private final CustomerStateStore inner = CustomerStateStore.inMemory();

        @Override
        public EventStore events() {
            return inner.events();
        }

        @Override
        public ProfileStore profiles() {
            return inner.profiles();
        }

        @Override
        public FireLog fireLog() {
            return inner.fireLog();
        }

        @Override
        public LedgerStore ledger() {
            return inner.ledger();
        }

        @Override
        public CustomerState read(CustomerId customer) {
            return inner.read(customer);
        }

        @Override
        public <T> T update(CustomerId customer, Supplier<T> change) {
            return change.get();
        }

        @Override
        public Erasure erase(CustomerId customer) {
            return inner.erase(customer);
        }
    }

    private final CustomerStateStoreContract contract = new CustomerStateStoreContract() {
        @Override
        protected CustomerStateStore newStore() {
            return new UnheldSeam();
        }
    };

    /** A race is a matter of scheduling: of five runs on a busy machine, at least one must catch it (all do, as a rule). */
    @Test
    void concurrentUpdatesOfOneCustomerRunAtOnceOverAnUnheldSeam() throws Exception {
        int caught = 0;
        for (int run = 0; run < 5; run++) {
            try {
                contract.updatesOfOneCustomerRunOneAtATime();
            } catch (AssertionError expected) {
                assertThat(expected).hasMessageContaining("changes of one customer running at once");
                caught++;
            }
        }
        assertThat(caught).as("runs that caught the unheld seam").isPositive();
    }
}
