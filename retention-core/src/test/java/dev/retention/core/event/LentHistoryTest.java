package dev.retention.core.event;

import static dev.retention.core.EventFixtures.order;
import static dev.retention.core.EventFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.internal.CustomerLog;
import dev.retention.core.internal.Dictionary;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A history lent over a live log: read in place while lent, refused once its loan has ended. */
class LentHistoryTest {
    private static final CustomerId ANNA = CustomerId.of("anna");

    private static CustomerLog live() {
        CustomerLog log = new CustomerLog(ANNA, new Dictionary<ProductId>());
        log.append(order("anna", "2026-01-01T00:00:00Z", "10.00"));
        log.append(view("anna", "2026-01-02T00:00:00Z", "p1"));
        return log;
    }

    @Test
    void aLentHistoryAnswersAsASnapshotOfTheLiveLog() {
        CustomerLog log = live();
        CustomerHistory lent = CustomerHistory.lend(log, ANNA);
        CustomerHistory snapshot = CustomerHistory.wrap(log.snapshot(), ANNA);
        Instant asOf = Instant.parse("2026-02-01T00:00:00Z");

        assertThat(lent.eventCount()).isEqualTo(snapshot.eventCount()).isEqualTo(2);
        assertThat(lent.orderCountAsOf(asOf)).isEqualTo(1);
        assertThat(lent.events()).isEqualTo(snapshot.events());
        assertThat(lent.customerId()).isEqualTo(ANNA);
    }

    @Test
    void everyQueryOfAnEndedLoanThrowsInsteadOfShowingLaterEvents() {
        CustomerLog log = live();
        CustomerHistory lent = CustomerHistory.lend(log, ANNA);
        CustomerHistory.endLoan(lent);
        log.append(view("anna", "2026-01-03T00:00:00Z", "p2"));

        assertThatThrownBy(lent::eventCount).isInstanceOf(IllegalStateException.class).hasMessageContaining("lent");
        assertThatThrownBy(lent::events).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lent.orderCountAsOf(Instant.parse("2026-02-01T00:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(lent::isEmpty).isInstanceOf(IllegalStateException.class);
        CustomerHistory.endLoan(lent); // twice is harmless
        assertThat(lent.customerId()).isEqualTo(ANNA); // the id is not read from the log
    }

    @Test
    void onlyALentHistoryHasALoanToEnd() {
        CustomerHistory snapshot = CustomerHistory.of(ANNA, view("anna", "2026-01-02T00:00:00Z", "p1"));

        assertThatThrownBy(() -> CustomerHistory.endLoan(snapshot)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anna");
        assertThat(snapshot.eventCount()).isEqualTo(1);
        assertThatThrownBy(() -> CustomerHistory.lend(live(), CustomerId.of("bob")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bob");
    }

    /**
     * The ended loan's log must override every public method of the log: one it missed would answer
     * as an empty log, so an ended history would seem to have changed instead of refusing.
     */
    @Test
    void theEndedLoanRefusesEveryPublicMethodOfTheLog() throws Exception {
        List<String> missed = new ArrayList<>();
        for (Method m : CustomerLog.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            if (EndedLoan.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass() != EndedLoan.class) {
                missed.add(m.getName());
            }
        }
        assertThat(missed).isEmpty();
    }
}
