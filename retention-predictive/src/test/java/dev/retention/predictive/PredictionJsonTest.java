package dev.retention.predictive;

import static dev.retention.predictive.Shops.CDNOW;
import static dev.retention.predictive.Shops.PREDICTIONS;
import static dev.retention.predictive.Shops.WEEKLY;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.not;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.Money;
import dev.retention.rules.segment.InvalidSegmentJsonException;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentJson;
import org.junit.jupiter.api.Test;

class PredictionJsonTest {
    private static final SegmentJson JSON = PREDICTIONS.registerIn(SegmentJson.builder()).build();

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    @Test
    void aSegmentOfPredictionsRoundTripsWithTheModelSuppliedAtRegistration() {
        Segment segment = Segment.named("slipping-valuable")
                .where(PREDICTIONS.pAlive().below(0.3))
                .and(PREDICTIONS.predictedValue(days(365)).above(Money.of(200, "USD")))
                .and(not(PREDICTIONS.expectedOrders(days(90)).atLeast(1)).or(ordersEver().atLeast(3)));

        String text = JSON.write(segment);

        assertThat(JSON.read(text)).isEqualTo(segment);
        assertThat(text).contains(q("'type' : 'p-alive'"), q("'lessThan' : 0.3"), q("'horizon' : 'P365D'"),
                q("'moreThan' : {"), q("'amount' : '200.00'"), q("'horizon' : 'P90D'"), q("'atLeast' : 1.0"))
                .doesNotContain("alpha");
    }

    @Test
    void handWrittenJsonReadsIntoTheConditionsTheJavaFactoriesBuild() {
        assertThat(JSON.readCondition(q("{'type': 'p-alive', 'lessThan': 0.3}")))
                .isEqualTo(PREDICTIONS.pAlive().below(0.3));
        assertThat(JSON.readCondition(q("{'type': 'expected-orders', 'horizon': 'P90D', 'atLeast': 1}")))
                .isEqualTo(PREDICTIONS.expectedOrders(days(90)).atLeast(1));
        assertThat(JSON.readCondition(q("{'type': 'predicted-value', 'horizon': 'P365D', "
                + "'moreThan': {'amount': '200', 'currency': 'USD'}}")))
                .isEqualTo(PREDICTIONS.predictedValue(days(365)).above(Money.of(200, "USD")));
    }

    @Test
    void theModelComesFromTheRegistrationNotTheJson() {
        Predictions other = Predictions.of(new BgNbdModel(1, 2, 3, 4), WEEKLY);
        SegmentJson withOther = other.registerIn(SegmentJson.builder()).build();
        String text = JSON.writeCondition(PREDICTIONS.pAlive().below(0.3));
        assertThat(withOther.readCondition(text)).isEqualTo(other.pAlive().below(0.3));
        assertThat(((ProbabilityAlive) withOther.readCondition(text)).predictions().orders()).isNotEqualTo(CDNOW);
    }

    @Test
    void badPredictionJsonIsRefusedWithItsPath() {
        assertRefused("{'type': 'all', 'all': [{'type': 'p-alive', 'lessThan': 0.3, 'atLeast': 0.1}]}",
                "$.condition.all[0]", "exactly one of atLeast, atMost, moreThan, lessThan, got [atLeast, lessThan]");
        assertRefused("{'type': 'p-alive', 'below': 0.3}", "$.condition", "unknown field 'below'");
        assertRefused("{'type': 'p-alive', 'exactly': 0.3}", "$.condition", "unknown field 'exactly'");
        assertRefused("{'type': 'p-alive', 'lessThan': 1.3}", "$.condition", "P(alive) threshold must be in [0, 1]: 1.3");
        assertRefused("{'type': 'p-alive', 'lessThan': '0.3'}", "$.condition", "lessThan must be a number");
        assertRefused("{'type': 'expected-orders', 'atLeast': 1}", "$.condition", "horizon must be an ISO-8601 duration");
        assertRefused("{'type': 'expected-orders', 'horizon': 'P-9D', 'atLeast': 1}", "$.condition",
                "horizon must be positive: PT-216H");
        assertRefused("{'type': 'expected-orders', 'horizon': '90 days', 'atLeast': 1}", "$.condition",
                "horizon must be an ISO-8601 duration like \"P90D\", got \"90 days\"");
        assertRefused("{'type': 'predicted-value', 'horizon': 'P30D', 'moreThan': 200}", "$.condition",
                "moreThan must be {\"amount\": \"200.00\", \"currency\": \"USD\"}, got 200");
    }

    @Test
    void predictedValueJsonWithoutASpendModelIsRefusedAndTheStandardCodecDoesNotKnowPredictions() {
        SegmentJson noSpend = Predictions.of(CDNOW, WEEKLY).registerIn(SegmentJson.builder()).build();
        assertThatThrownBy(() -> noSpend.readCondition(q("{'type': 'predicted-value', 'horizon': 'P30D', "
                + "'moreThan': {'amount': '1', 'currency': 'USD'}}")))
                .isInstanceOf(InvalidSegmentJsonException.class).hasMessageContaining("Gamma-Gamma");
        assertThatThrownBy(() -> SegmentJson.standard().readCondition(q("{'type': 'p-alive', 'lessThan': 0.3}")))
                .isInstanceOf(InvalidSegmentJsonException.class).hasMessageContaining("unknown condition type 'p-alive'");
    }

    private static void assertRefused(String condition, String path, String message) {
        String segment = q("{'name': 's', 'condition': " + condition + "}");
        assertThatThrownBy(() -> JSON.read(segment)).isInstanceOf(InvalidSegmentJsonException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidSegmentJsonException) e).path()).isEqualTo(path));
    }
}
