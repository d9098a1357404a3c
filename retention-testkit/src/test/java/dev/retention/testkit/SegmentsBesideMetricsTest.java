package dev.retention.testkit;

import static dev.retention.rules.segment.Conditions.averageOrderValueWithin;
import static dev.retention.rules.segment.Conditions.months;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.metrics.AverageOrderValue;
import dev.retention.metrics.OrderLog;
import dev.retention.metrics.ReportingPeriod;
import dev.retention.rules.segment.AverageOrderValueCondition;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import dev.retention.testkit.SegmentAssert.MembershipAssert;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shop's report code uses segments, metrics and java.time side by side: every name here is imported,
 * none qualified (issue #19), and the segment's "average order value in the last 3 months" agrees with
 * the metric over the same calendar quarter.
 */
class SegmentsBesideMetricsTest {
    private static final Instant NOW = Instant.parse("2026-05-31T12:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final Currency USD = Currency.getInstance("USD");

    private static OrderPlaced order(String id, String at, String total) {
        return new OrderPlaced(id, ANNA, Instant.parse(at), OrderId.of(id), List.of(), Money.parse(total, "USD"));
    }

    @Test
    void theSegmentsAverageOrderValueOverAQuarterIsTheMetricsOverTheSameMonths() {
        InMemoryEventStore events = new InMemoryEventStore();
        events.append(order("o1", "2026-02-27T12:00:00Z", "1000.00"));  // a day before the quarter
        events.append(order("o2", "2026-02-28T12:00:00Z", "30.00"));    // its first instant
        events.append(order("o3", "2026-04-10T08:00:00Z", "50.00"));

        Period quarter = months(3);
        Instant from = NOW.atOffset(ZoneOffset.UTC).minus(quarter).toInstant();
        // the segment's window is closed at now; the metric's period is half-open
        ReportingPeriod sameMonths = ReportingPeriod.of(from, NOW.plusNanos(1));
        AverageOrderValue metric = AverageOrderValue.of(OrderLog.of(events), sameMonths, USD);
        assertThat(metric.orders()).isEqualTo(2);
        assertThat(metric.aov()).contains(Money.parse("40.00", "USD"));

        AverageOrderValueCondition atLeastTheMetric = averageOrderValueWithin(quarter).atLeast(metric.aov().get());
        Segment quarterSpenders = Segment.named("quarter-spenders").where(atLeastTheMetric);
        MembershipAssert anna = RetentionAssertions.assertThat(quarterSpenders).matches(events.history(ANNA));
        anna.at(NOW);
        Membership members = SegmentEvaluator.of(quarterSpenders).members(events, new InMemoryProfileStore(), NOW);
        assertThat(members.members()).containsExactly(ANNA);

        Segment higher = Segment.named("higher").where(averageOrderValueWithin(quarter)
                .atLeast(Money.parse("40.01", "USD")));
        RetentionAssertions.assertThat(higher).doesNotMatch(events.history(ANNA)).at(NOW);
    }
}
