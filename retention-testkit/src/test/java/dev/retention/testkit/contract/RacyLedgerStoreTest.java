package dev.retention.testkit.contract;

import static com.google.common.base.Preconditions.checkArgument;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.rules.loyalty.*;
import dev.retention.core.CustomerId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A store with the bug of issue #17 cannot pass {@link LedgerStoreContract}: it compares the
 * version and appends in two steps, as a database store would with a SELECT and then an INSERT
 * outside one transaction. It passes every one-thread check and fails the two concurrent ones.
 */
class RacyLedgerStoreTest {

    /** Compares, waits a database round trip, then appends: another thread can append in between. */
    static final class CheckThenAppendStore implements LedgerStore {
        private final InMemoryLedgerStore inner = new InMemoryLedgerStore();

        @Override
        public boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries) {
            entries.forEach(e -> checkArgument(e.customerId().equals(customerId), "entry of %s, not %s",
                    e.customerId(), customerId));
            if (inner.snapshot(customerId).version() != expectedVersion) {
                return false;
            }
            LockSupport.parkNanos(2_000_000);
            entries.forEach(inner::append);
            return true;
        }

        @Override
        public boolean append(LedgerEntry entry) {
            return inner.append(entry);
        }

        @Override
        public LedgerSnapshot snapshot(CustomerId customerId) {
            return inner.snapshot(customerId);
        }

        @Override
        public Set<CustomerId> customers() {
            return inner.customers();
        }
    }

    private static LedgerStoreContract contractOverARacyStore() {
        LedgerStoreContract contract = new LedgerStoreContract() {
            @Override
            protected LedgerStore newStore() {
                return new CheckThenAppendStore();
            }
        };
        contract.createStore();
        return contract;
    }

    @Test
    void theRacyStorePassesTheOneThreadChecksOfTheVersion() {
        assertThatCode(() -> {
            contractOverARacyStore().appendIfVersionAppendsOnlyAtTheVersionRead();
            contractOverARacyStore().aPlainAppendBetweenTheReadingAndTheCompareAndAppendMakesItFail();
            contractOverARacyStore().everyAppendThatStoresAnEntryChangesTheVersionAndARepeatDoesNot();
        }).doesNotThrowAnyException();
    }

    @Test
    void theRacyStoreFailsTheContractsCompareAndAppendRace() {
        assertThatThrownBy(contractOverARacyStore()::compareAndAppendsOnOneReadingLetExactlyOneWinEveryRound)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("compare-and-appends that won on one reading");
    }

    @Test
    void theRacyStoreFailsTheContractsRedemptionRace() {
        assertThatThrownBy(contractOverARacyStore()
                ::twoLedgersOverTheStoreSpendAThousandPointsInExactlyTenRedemptionsOfAHundred)
                .isInstanceOf(AssertionError.class);
    }
}
