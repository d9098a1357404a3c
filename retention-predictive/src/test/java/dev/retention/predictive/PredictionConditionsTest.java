package dev.retention.predictive;

import static dev.retention.predictive.Shops.CDNOW;
import static dev.retention.predictive.Shops.CDNOW_SPEND;
import static dev.retention.predictive.Shops.PREDICTIONS;
import static dev.retention.predictive.Shops.WEEKLY;
import static dev.retention.predictive.Shops.day;
import static dev.retention.predictive.Shops.history;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.not;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.segment.Condition;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Explanation;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionConditionsTest {
    private static final Instant NOW = day(200);
    /** Bought every two weeks for four months, then stopped: long gone by day 200. */
    private static final CustomerHistory LAPSED = history("lapsed", 40, 0, 14, 28, 42, 56, 70, 84, 98, 112);
    /** Bought every two weeks up to last week. */
    private static final CustomerHistory STEADY = history("steady", 40, 67, 81, 95, 109, 123, 137, 151, 165, 179, 193);
    private static final CustomerHistory NEVER = CustomerHistory.empty(CustomerId.of("never"));

    private static EvaluationContext at(CustomerHistory history, Instant now) {
        return EvaluationContext.of(history, CustomerProfile.unknown(history.customerId()), now);
    }

    private static CustomerSummary summary(CustomerHistory history) {
        return WEEKLY.of(history, NOW).orElseThrow();
    }

    @Test
    void pAliveBelowSelectsTheLapsedFrequentBuyerAndExplainsWithTheModelsFigure() {
        Condition slipping = PREDICTIONS.pAlive().below(0.3);
        double lapsed = CDNOW.probabilityAlive(summary(LAPSED));
        double steady = CDNOW.probabilityAlive(summary(STEADY));
        assertThat(lapsed).isLessThan(0.3);
        assertThat(steady).isGreaterThan(0.3);

        assertThat(slipping.test(at(LAPSED, NOW))).isTrue();
        assertThat(slipping.test(at(STEADY, NOW))).isFalse();
        Explanation why = slipping.explain(at(LAPSED, NOW));
        assertThat(why.line()).isEqualTo(String.format(java.util.Locale.ROOT, "P(alive): %.3f < 0.3: yes", lapsed));
        assertThat(slipping.describe()).isEqualTo("P(alive) < 0.3");
    }

    @Test
    void aCustomerWithoutOrdersHasNoPredictionAndOnlyTheNegationMatches() {
        Condition slipping = PREDICTIONS.pAlive().below(0.3);
        Condition returning = PREDICTIONS.expectedOrders(days(90)).atMost(100);
        Condition valuable = PREDICTIONS.predictedValue(days(365)).atLeast(Money.of(0, "USD"));
        for (Condition c : List.of(slipping, returning, valuable)) {
            assertThat(c.test(at(NEVER, NOW))).as(c.describe()).isFalse();
            assertThat(c.explain(at(NEVER, NOW)).observed()).isEqualTo("no order");
            assertThat(not(c).test(at(NEVER, NOW))).isTrue();
        }
    }

    @Test
    void ordersAfterNowDoNotCount() {
        List<CustomerEvent> events = new ArrayList<>(LAPSED.events());
        events.addAll(Shops.orders("lapsed", 40, 199, 201, 202));
        CustomerHistory withLaterOrders = CustomerHistory.of(CustomerId.of("lapsed"), events);
        Instant before = day(198);
        for (Condition c : List.of(PREDICTIONS.pAlive().below(0.3), PREDICTIONS.expectedOrders(days(90)).atLeast(1),
                PREDICTIONS.predictedValue(days(365)).above(Money.of(200, "USD")))) {
            assertThat(c.explain(at(withLaterOrders, before))).as(c.describe())
                    .isEqualTo(c.explain(at(LAPSED, before)));
        }
        assertThat(PREDICTIONS.pAlive().below(0.3).test(at(withLaterOrders, day(202)))).isFalse();
    }

    @Test
    void expectedOrdersAndPredictedValueAreTheModelsFiguresOverTheHorizonInTheSummariesUnit() {
        CustomerSummary steady = summary(STEADY);
        double orders = CDNOW.expectedOrders(steady, 90 / 7.0);
        double value = CDNOW_SPEND.expectedAverageValue(steady) * CDNOW.expectedOrders(steady, 365 / 7.0);

        Explanation o = PREDICTIONS.expectedOrders(days(90)).atLeast(1).explain(at(STEADY, NOW));
        assertThat(o.subject()).isEqualTo("expected orders in the next 90 days");
        assertThat(Double.parseDouble(o.observed())).isCloseTo(orders, within(0.0005));
        assertThat(o.verdict()).isEqualTo(orders >= 1);

        Explanation v = PREDICTIONS.predictedValue(days(365)).above(Money.of(200, "USD")).explain(at(STEADY, NOW));
        assertThat(v.observed()).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f USD", value));
        assertThat(v.expected()).isEqualTo("> 200.00 USD");
        assertThat(v.verdict()).isEqualTo(value > 200);
    }

    @Test
    void aDiscountLowersThePredictedValue() {
        CustomerSummary steady = summary(STEADY);
        Predictions discounted = PREDICTIONS.discountedAt(0.10);
        double plain = PREDICTIONS.predictedValue(steady, days(365));
        double lower = discounted.predictedValue(steady, days(365));
        assertThat(lower).isLessThan(plain).isGreaterThan(plain / 1.10);
        assertThat(PREDICTIONS.discountedAt(0).predictedValue(steady, days(365))).isEqualTo(plain);
    }

    @Test
    void predictedValueInAnotherCurrencyNeverMatchesAndSaysWhy() {
        CustomerHistory euro = CustomerHistory.of(CustomerId.of("eva"),
                Shops.orders("eva", Money.of(40, "EUR"), 170, 180, 190));
        Condition anyValue = PREDICTIONS.predictedValue(days(365)).atLeast(Money.of(0, "USD"));
        assertThat(anyValue.test(at(euro, NOW))).isFalse();
        assertThat(anyValue.explain(at(euro, NOW)).observed()).isEqualTo("none in USD (orders in EUR)");
        assertThat(PREDICTIONS.predictedValue(days(365)).atLeast(Money.of(0, "EUR")).test(at(euro, NOW))).isTrue();
    }

    @Test
    void predictionsCombineWithTheBuiltInsInASegmentEvaluatedOverTheStore() {
        InMemoryEventStore store = new InMemoryEventStore();
        for (CustomerHistory h : List.of(LAPSED, STEADY)) {
            h.events().forEach(store::append);
        }
        Shops.orders("once", 40, 150).forEach(store::append);
        Segment slippingRegulars = Segment.named("slipping-regulars")
                .where(PREDICTIONS.pAlive().below(0.3))
                .and(ordersEver().atLeast(3));
        Segment keepers = Segment.named("keepers")
                .where(not(PREDICTIONS.pAlive().below(0.3)).or(PREDICTIONS.expectedOrders(days(90)).atLeast(1)));

        var evaluator = SegmentEvaluator.builder(slippingRegulars, keepers).parallel(true).build();
        var members = evaluator.membersOfEach(store, new InMemoryProfileStore(), NOW);

        assertThat(members.get("slipping-regulars").members()).containsExactly(CustomerId.of("lapsed"));
        assertThat(members.get("keepers").members()).containsExactlyInAnyOrder(CustomerId.of("once"),
                CustomerId.of("steady"));
        assertThat(slippingRegulars.explain(LAPSED, CustomerProfile.unknown(LAPSED.customerId()), NOW).render())
                .isEqualTo(String.format(java.util.Locale.ROOT, "all of: yes%n  P(alive): %.3f < 0.3: yes%n"
                        + "  orders ever: 9 >= 3: yes%n", CDNOW.probabilityAlive(summary(LAPSED))).replace("\r", ""));
    }

    @Test
    void badThresholdsAndHorizonsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> PREDICTIONS.pAlive().below(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("P(alive) threshold must be in [0, 1]: 1.5");
        assertThatThrownBy(() -> PREDICTIONS.expectedOrders(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("horizon must be positive: PT0S");
        assertThatThrownBy(() -> PREDICTIONS.expectedOrders(days(90)).atLeast(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> PREDICTIONS.predictedValue(days(30)).above(Money.of(-1, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.00 USD");
        assertThatThrownBy(() -> Predictions.of(CDNOW, WEEKLY).predictedValue(days(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Gamma-Gamma");
    }
}
