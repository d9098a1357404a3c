package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The statements one append sends to PostgreSQL (each a round trip; the transaction's commit is
 * not counted): the lock, the insert that tells whether the event was new, one upsert of the
 * summaries, and for money one query for the duplicate, money and overflow checks together and one
 * upsert of the running total; a claim of a fire-log entry one update that compares the stored
 * entry. A re-read of what was just written would show here.
 */
class RoundTripsTest {
    private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");

    private final FaultyDataSource counting = new FaultyDataSource(Databases.postgres());
    private final JdbcCustomerStateStore store = open(counting);

    private static JdbcCustomerStateStore open(FaultyDataSource counting) {
        String prefix = Databases.freshPrefix();
        RetentionSchema.migrate(Databases.postgres(), prefix);
        return JdbcCustomerStateStore.open(counting, prefix);
    }

    private int statements(Runnable call) {
        int before = counting.executed();
        call.run();
        return counting.executed() - before;
    }

    @Test
    void aViewIsTheLockAnInsertAndOneSummaryUpsert() {
        ProductViewed view = new ProductViewed("v-1", ANNA, T, ProductId.of("p-1"));
        assertThat(statements(() -> assertThat(store.events().append(view)).isTrue())).isEqualTo(3);
        assertThat(statements(() -> assertThat(store.events().append(view)).isFalse()))
                .as("a duplicate: the insert finds it").isEqualTo(2);
        assertThat(store.events().eventCount()).isEqualTo(1);
    }

    @Test
    void anOrderOrARefundIsTheLockOneCheckAnInsertAndTwoUpserts() {
        OrderPlaced order = new OrderPlaced("o-1", ANNA, T, OrderId.of("1"), List.of(), Money.of(100, "EUR"));
        OrderRefunded refund = new OrderRefunded("r-1", ANNA, T.plusSeconds(60), OrderId.of("1"), Money.of(40, "EUR"));
        assertThat(statements(() -> assertThat(store.events().append(order)).isTrue())).isEqualTo(5);
        assertThat(statements(() -> assertThat(store.events().append(refund)).isTrue())).isEqualTo(5);
        assertThat(statements(() -> assertThat(store.events().append(refund)).isFalse()))
                .as("a duplicate: the check finds it").isEqualTo(2);
        assertThat(store.events().history(ANNA).events()).hasSize(2);
        assertThat(store.events().history(ANNA).lastOrderAt()).contains(T);
    }

    @Test
    void aThousandOrdersAndTheirRefundsInOneAppendAllAreAFewStatementsPerRun() {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            OrderPlaced order = new OrderPlaced("o-" + i, ANNA, T.plusSeconds(i), OrderId.of("order-" + i), List.of(),
                    Money.of(100, "EUR"));
            events.add(i % 10 == 9
                    ? new OrderRefunded("r-" + i, ANNA, T.plusSeconds(i), OrderId.of("order-" + (i - 1)),
                            Money.of(40, "EUR"))
                    : order);
        }
        // two runs of 500: each the lock, the stored ids, the money facts, one batch of inserts, the
        // summary upsert and one batch of running-total upserts
        assertThat(statements(() -> assertThat(store.events().appendAll(events)).isEqualTo(1000))).isEqualTo(12);
        assertThat(store.events().history(ANNA).orderCount()).isEqualTo(900);
        assertThat(store.events().history(ANNA).lastOrderAt()).contains(T.plusSeconds(998));
        assertThat(statements(() -> assertThat(store.events().appendAll(events)).isZero()))
                .as("all stored already: the lock and the stored ids per run").isEqualTo(4);
    }

    @Test
    void aClaimIsTheLockAndOneConditionalUpdate() {
        OutgoingMessage message = new OutgoingMessage("k-1", ANNA, "thanks", Channel.EMAIL, "thanks",
                Map.of("orderCount", 3));
        FireEntry pending = new FireEntry(message, 1, 0, "episode", Optional.empty(), "ordered", T, FireStatus.PENDING,
                DecisionCause.TRIGGERED, "triggered", T, 0, T);
        store.fireLog().record(pending);
        FireEntry claimed = pending.claim(T.plusSeconds(1), T.plusSeconds(301));
        assertThat(statements(() -> assertThat(store.fireLog().replace(pending, claimed)).isTrue())).isEqualTo(2);
        assertThat(statements(() -> assertThat(store.fireLog().replace(pending, claimed)).isFalse()))
                .as("a stale claim reads the stored entry to be sure").isEqualTo(3);
        assertThat(store.fireLog().find("k-1")).contains(claimed);
    }
}
