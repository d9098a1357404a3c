package dev.retention.testkit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BacktestProperties {
    static final Instant FROM = Instant.parse("2024-02-01T00:00:00Z");
    static final Instant TO = Instant.parse("2024-05-01T00:00:00Z");

    @Property(tries = 40)
    void decisionsFallInThePeriodAndTheOutcomeCountsThem(@ForAll("logs") List<CustomerEvent> log) {
        BacktestResult r = Backtest.of(BacktestTest.winBack(20), BacktestTest.loyalty(0.3)).over(log).from(FROM).to(TO);

        for (FireEntry e : r.decisions()) {
            assertThat(e.decidedAt()).isBetween(FROM, TO).isNotEqualTo(TO);
        }
        for (CampaignOutcome o : r.campaigns()) {
            List<FireEntry> mine = r.decisions().stream().filter(e -> e.campaignId().equals(o.campaignId())).toList();
            Set<CustomerId> reached = new HashSet<>();
            mine.stream().filter(e -> e.status() == FireStatus.SENT).forEach(e -> reached.add(e.customerId()));
            assertThat(o.customersReached()).isEqualTo(reached.size());
            assertThat(o.messagesSent()).isGreaterThanOrEqualTo(o.customersReached());
            // both campaigns enter a customer once ever
            assertThat(o.entries()).isEqualTo(mine.stream().filter(e -> e.step() == 0).map(FireEntry::customerId)
                    .distinct().count());
            o.uplift().ifPresent(u -> {
                assertThat(u.treated().customers()).isEqualTo(o.customersReached());
                assertThat(u.holdout().customers()).isEqualTo(o.heldOutCustomers());
            });
        }
    }

    @Property(tries = 30)
    void theOrderOfTheLogDoesNotMatter(@ForAll("logs") List<CustomerEvent> log, @ForAll long seed) {
        List<CustomerEvent> shuffled = new ArrayList<>(log);
        Collections.shuffle(shuffled, new Random(seed));

        BacktestResult a = Backtest.of(BacktestTest.winBack(20), BacktestTest.loyalty(0.3)).over(log).from(FROM).to(TO);
        BacktestResult b = Backtest.of(BacktestTest.winBack(20), BacktestTest.loyalty(0.3)).over(shuffled).from(FROM)
                .to(TO);

        assertThat(b.campaigns()).isEqualTo(a.campaigns());
        assertThat(Set.copyOf(b.decisions())).isEqualTo(Set.copyOf(a.decisions()));
    }

    /** Up to 12 customers with up to 6 orders each at distinct minutes over Jan-May 2024. */
    @Provide
    Arbitrary<List<CustomerEvent>> logs() {
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 150 * 24 * 60);
        Arbitrary<List<Integer>> customerOrders = minute.list().ofMaxSize(6);
        return customerOrders.list().ofMinSize(1).ofMaxSize(12).map(customers -> {
            List<CustomerEvent> events = new ArrayList<>();
            Set<Integer> used = new HashSet<>();
            for (int c = 0; c < customers.size(); c++) {
                for (int m : customers.get(c)) {
                    if (used.add(m)) {
                        String id = "c" + c + "-" + m;
                        events.add(new OrderPlaced(id, CustomerId.of("c" + c),
                                Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofMinutes(m)), OrderId.of(id),
                                List.of(), Money.of(5 + m % 17, "USD")));
                    }
                }
            }
            return events;
        });
    }
}
