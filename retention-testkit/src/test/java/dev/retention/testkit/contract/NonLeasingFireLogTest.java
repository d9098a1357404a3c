package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.rules.campaign.*;
import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract suite catches a fire log that loses claims: one written before leases existed,
 * which stores a claim as still pending (as the engine itself once did), fails it.
 */
class NonLeasingFireLogTest {

    /** Stores an in-flight entry as pending and due at its claim, as a schema without the in-flight state would. */
    private static final class NonLeasingFireLog implements FireLog {
        private final InMemoryFireLog inner = new InMemoryFireLog();

        private static FireEntry forget(FireEntry e) {
            return e.isInFlight() ? e.pendingUntil(e.updatedAt(), e.cause(), e.reason(), e.updatedAt()) : e;
        }

        @Override
        public boolean record(FireEntry entry) {
            return inner.record(forget(entry));
        }

        @Override
        public boolean replace(FireEntry expected, FireEntry replacement) {
            return inner.replace(forget(expected), forget(replacement));
        }

        @Override
        public Optional<FireEntry> find(String key) {
            return inner.find(key);
        }

        @Override
        public List<FireEntry> entries(CustomerId customerId) {
            return inner.entries(customerId);
        }

        @Override
        public List<FireEntry> due(Instant asOf) {
            return inner.due(asOf);
        }

        @Override
        public Stream<FireEntry> entries() {
            return inner.entries();
        }
    }

    private final FireLogContract contract = new FireLogContract() {
        @Override
        protected FireLog newFireLog() {
            return new NonLeasingFireLog();
        }
    };

    @Test
    void failsTheContractOnTwoEnginesHoldingOneClaim() {
        contract.setUp();

        assertThatThrownBy(contract::whileOneEngineSendsAnotherEngineOverTheLogSendsNoneOfItsClaims)
                .isInstanceOf(AssertionError.class).hasMessageContaining("key-");
    }

    @Test
    void failsTheContractOnAClaimThatIsDueWhileLeased() {
        contract.setUp();

        assertThatThrownBy(contract::aClaimIsKeptInFlightAndIsNotDueUntilItsLeaseEnds)
                .isInstanceOf(AssertionError.class);
    }
}
