package dev.retention.predictive;

import static dev.retention.predictive.Shops.PREDICTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.segment.Condition;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.SegmentJson;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class PredictionConditionProperties {
    private static final SegmentJson JSON = PREDICTIONS.registerIn(SegmentJson.builder()).build();

    @Provide
    Arbitrary<CustomerHistory> histories() {
        return Arbitraries.longs().between(0, 400).set().ofMinSize(0).ofMaxSize(12)
                .map(days -> Shops.history("c", 40, days.stream().mapToLong(Long::longValue).sorted().toArray()));
    }

    private static EvaluationContext at(CustomerHistory history, int day) {
        return EvaluationContext.of(history, CustomerProfile.unknown(CustomerId.of("c")), Shops.day(day));
    }

    @Property(tries = 150)
    void pAliveBelowMembershipGrowsWithTheThreshold(@ForAll("histories") CustomerHistory history,
            @ForAll @IntRange(min = 0, max = 450) int day,
            @ForAll @DoubleRange(min = 0, max = 1) double x1, @ForAll @DoubleRange(min = 0, max = 1) double x2) {
        EvaluationContext context = at(history, day);
        boolean lower = PREDICTIONS.pAlive().below(Math.min(x1, x2)).test(context);
        boolean higher = PREDICTIONS.pAlive().below(Math.max(x1, x2)).test(context);
        assertThat(!lower || higher).as("below(%s) member but not below(%s)", Math.min(x1, x2), Math.max(x1, x2))
                .isTrue();
    }

    @Property(tries = 150)
    void expectedOrdersAtLeastMembershipGrowsWithTheHorizon(@ForAll("histories") CustomerHistory history,
            @ForAll @IntRange(min = 0, max = 450) int day, @ForAll @IntRange(min = 1, max = 2000) int h1,
            @ForAll @IntRange(min = 1, max = 2000) int h2, @ForAll @DoubleRange(min = 0, max = 5) double k) {
        EvaluationContext context = at(history, day);
        boolean shorter = PREDICTIONS.expectedOrders(Duration.ofDays(Math.min(h1, h2))).atLeast(k).test(context);
        boolean longer = PREDICTIONS.expectedOrders(Duration.ofDays(Math.max(h1, h2))).atLeast(k).test(context);
        assertThat(!shorter || longer).isTrue();
    }

    @Property(tries = 100)
    void theExplanationsVerdictIsTheTestsAndTheJsonRoundTrips(@ForAll("conditions") Condition condition,
            @ForAll("histories") CustomerHistory history, @ForAll @IntRange(min = 0, max = 450) int day) {
        EvaluationContext context = at(history, day);
        assertThat(condition.explain(context).verdict()).isEqualTo(condition.test(context));
        assertThat(JSON.readCondition(JSON.writeCondition(condition))).isEqualTo(condition);
    }

    @Provide
    Arbitrary<Condition> conditions() {
        Arbitrary<Duration> horizons = Arbitraries.integers().between(1, 3650).map(Duration::ofDays);
        Arbitrary<Condition> pAlive = Arbitraries.doubles().between(0, 1).ofScale(3)
                .map(x -> PREDICTIONS.pAlive().atMost(x));
        Arbitrary<Condition> orders = Arbitraries.doubles().between(0, 20).ofScale(2).flatMap(k -> horizons
                .map(h -> (Condition) PREDICTIONS.expectedOrders(h).above(k)));
        Arbitrary<Condition> value = Arbitraries.longs().between(0, 1_000_000).flatMap(cents -> horizons
                .map(h -> (Condition) PREDICTIONS.predictedValue(h).below(Money.ofMinor(cents, java.util.Currency
                        .getInstance("USD")))));
        Arbitrary<Condition> leaf = Arbitraries.oneOf(pAlive, orders, value);
        return Arbitraries.oneOf(leaf, leaf.list().ofMinSize(2).ofMaxSize(3).map(list -> list.get(0).and(list.get(1))),
                leaf.list().ofMinSize(2).ofMaxSize(2).map((List<Condition> list) -> list.get(0).or(list.get(1).negate())));
    }
}
