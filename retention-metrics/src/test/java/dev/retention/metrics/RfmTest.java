package dev.retention.metrics;

import static dev.retention.metrics.Orders.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfmTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void fiveCustomersWithDistinctValuesGetScoresOneToFive() {
        Orders orders = new Orders();
        // customer k (1..5): last order k days into January, k orders, k * 10.00 in total
        for (int k = 1; k <= 5; k++) {
            for (int o = 0; o < k; o++) {
                orders.order("c" + k, String.format("2026-01-%02d", k), "10.00");
            }
        }

        List<RfmScore> scores = RfmAnalysis.of(orders.log(), day("2026-02-01"), USD);

        assertThat(scores).extracting(RfmScore::code).containsExactly("111", "222", "333", "444", "555");
        RfmScore best = scores.get(4);
        assertThat(best.customerId()).isEqualTo(CustomerId.of("c5"));
        assertThat(best.recency()).isEqualTo(Duration.ofDays(31 - 5 + 1));
        assertThat(best.frequency()).isEqualTo(5);
        assertThat(best.monetary()).isEqualTo(Money.parse("50.00", "USD"));
        assertThat(best.segment()).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(scores.get(0).segment()).isEqualTo(RfmSegment.LOST);
    }

    @Test
    void equalValuesGetTheSameScoreTheLowestOfTheirRanks() {
        // ten customers: eight with one order, two with two orders, all on the same day, same amount each
        Orders orders = new Orders();
        for (int k = 0; k < 10; k++) {
            orders.order("c" + k, "2026-01-10", "10.00");
            if (k >= 8) {
                orders.order("c" + k, "2026-01-10", "10.00");
            }
        }

        List<RfmScore> scores = RfmAnalysis.of(orders.log(), day("2026-02-01"), USD);

        // recency ties for all: 0 customers below -> 1; frequency: 8 below the two-order customers -> 1 + 5*8/10 = 5
        assertThat(scores).extracting(RfmScore::recencyScore).containsOnly(1);
        assertThat(scores).filteredOn(s -> s.frequency() == 1).extracting(RfmScore::frequencyScore).containsOnly(1);
        assertThat(scores).filteredOn(s -> s.frequency() == 2).extracting(RfmScore::frequencyScore)
                .containsExactly(5, 5);
        assertThat(scores).filteredOn(s -> s.frequency() == 2).extracting(RfmScore::monetaryScore)
                .containsExactly(5, 5);
    }

    @Test
    void onlyOrdersInTheCurrencyAndBeforeAsOfCount() {
        OrderLog log = new Orders()
                .order("a", day("2026-01-01"), "10.00", "USD")
                .order("a", day("2026-03-01"), "10.00", "USD")
                .order("b", day("2026-01-01"), "10.00", "EUR")
                .log();

        List<RfmScore> scores = RfmAnalysis.of(log, day("2026-03-01"), USD);

        assertThat(scores).singleElement().satisfies(s -> {
            assertThat(s.customerId()).isEqualTo(CustomerId.of("a"));
            assertThat(s.frequency()).isEqualTo(1);
            assertThat(s.recency()).isEqualTo(Duration.ofDays(59));
        });
    }

    @Test
    void segmentRulesFollowTheRecencyFrequencyGrid() {
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(4, 4)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegment.of(3, 5)).isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmSegment.of(5, 2)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegment.of(4, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW_CUSTOMERS);
        assertThat(RfmSegment.of(4, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmSegment.of(3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(RfmSegment.of(3, 2)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
        assertThat(RfmSegment.of(2, 4)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 3)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
        assertThat(RfmSegment.of(2, 2)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegment.of(1, 1)).isEqualTo(RfmSegment.LOST);
    }

    @Test
    void everySegmentIsReachedByTheGrid() {
        Set<RfmSegment> reached = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                reached.add(RfmSegment.of(r, f));
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(RfmSegment.values());
        assertThatThrownBy(() -> RfmSegment.of(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency score");
    }
}
