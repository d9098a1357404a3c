package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retention.core.RetentionException;
import org.junit.jupiter.api.Test;

class SegmentJsonTest {
    private final SegmentJson json = SegmentJson.standard();

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private InvalidSegmentJsonException refused(String text) {
        try {
            json.read(q(text));
        } catch (InvalidSegmentJsonException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    private static final String PREFIX = "{'name': 'x', 'condition': {'type': 'all', 'all': [";
    private static final String ORDERS = "{'type': 'orders', 'window': 'ever', 'atLeast': 1}";

    @Test
    void readsTheDocumentedFormat() {
        Segment segment = json.read(q("""
                {"name": "win-back", "condition": {"type": "all", "all": [
                  {"type": "orders", "window": "ever", "atLeast": 3},
                  {"type": "orders", "window": "P90D", "exactly": 0}]}}"""));
        assertThat(segment).isEqualTo(Segment.named("win-back").where(ordersEver().atLeast(3))
                .and(noOrderWithin(days(90))));
    }

    @Test
    void writesTypedObjectsWithoutJavaClassNames() throws Exception {
        Segment segment = Segment.named("win-back").where(ordersEver().atLeast(3)).and(noOrderWithin(days(90)));
        JsonNode tree = new ObjectMapper().readTree(json.write(segment));
        assertThat(tree.at("/condition/type").asText()).isEqualTo("all");
        assertThat(tree.at("/condition/all/1/window").asText()).isEqualTo("P90D");
        assertThat(tree.at("/condition/all/1/exactly").asInt()).isEqualTo(0);
        assertThat(json.write(segment)).doesNotContain("dev.retention").doesNotContain("@class");
    }

    @Test
    void negativeWindowIsRefusedWithItsPath() {
        InvalidSegmentJsonException e = refused(PREFIX + ORDERS + ", " + ORDERS
                + ", {'type': 'orders', 'window': '-P3D', 'atLeast': 1}]}}");
        assertThat(e.path()).isEqualTo("$.condition.all[2].window");
        assertThat(e.getMessage()).startsWith("$.condition.all[2].window: ").contains("negative");
        assertThat(e).isInstanceOf(RetentionException.class);
    }

    @Test
    void unknownTypeIsRefusedWithItsPath() {
        InvalidSegmentJsonException e = refused(PREFIX + ORDERS + ", {'type': 'telepathy'}]}}");
        assertThat(e.path()).isEqualTo("$.condition.all[1].type");
        assertThat(e.getMessage()).contains("unknown condition type 'telepathy'");
    }

    @Test
    void missingFieldIsRefusedWithItsPath() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': {'type': 'not', 'not': "
                + "{'type': 'attribute-equals', 'name': 'city'}}}");
        assertThat(e.path()).isEqualTo("$.condition.not.value");
        assertThat(e.getMessage()).contains("missing field 'value'");
    }

    @Test
    void wrongTypeIsRefusedWithItsPath() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': "
                + "{'type': 'orders', 'window': 'ever', 'atLeast': 'three'}}");
        assertThat(e.path()).isEqualTo("$.condition.atLeast");
        assertThat(e.getMessage()).contains("expected a whole number");
        assertThat(refused("{'name': 'x', 'condition': {'type': 'any', 'any': {'type': 'orders'}}}").path())
                .isEqualTo("$.condition.any");
        assertThat(refused("{'name': 'x', 'condition': [1]}").path()).isEqualTo("$.condition");
    }

    @Test
    void negativeCountIsRefused() {
        assertThat(refused("{'name': 'x', 'condition': {'type': 'orders', 'window': 'ever', 'atLeast': -1}}").path())
                .isEqualTo("$.condition.atLeast");
    }

    @Test
    void unexpectedFieldIsRefusedSoATypoCannotWidenASegment() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': "
                + "{'type': 'orders', 'window': 'ever', 'atLeast': 1, 'atleast': 5}}");
        assertThat(e.path()).isEqualTo("$.condition");
        assertThat(e.getMessage()).isEqualTo("$.condition: unknown field 'atleast'; did you mean 'atLeast'?");
    }

    @Test
    void thresholdMustBeExactlyOne() {
        assertThat(refused("{'name': 'x', 'condition': {'type': 'orders', 'window': 'ever'}}").path())
                .isEqualTo("$.condition");
        assertThat(refused("{'name': 'x', 'condition': {'type': 'orders', 'window': 'ever', 'atLeast': 1, "
                + "'atMost': 3}}").getMessage()).contains("exactly one threshold");
    }

    @Test
    void valuesTheConditionRefusesAreReportedAtTheConditionsPath() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': {'type': 'at-least-of', 'k': 3, 'of': ["
                + ORDERS + "]}}");
        assertThat(e.path()).isEqualTo("$.condition");
        assertThat(e.getMessage()).contains("1 <= k <= 1");
        assertThat(refused("{'name': 'x', 'condition': {'type': 'spend', 'window': 'ever', "
                + "'moreThan': {'amount': '1.234', 'currency': 'USD'}}}").path()).isEqualTo("$.condition.moreThan");
    }

    @Test
    void malformedJsonAndDuplicateKeysAreRefused() {
        assertThat(refused("{'name': 'x', ").path()).isEqualTo("$");
        assertThat(refused("{'name': 'x', 'name': 'y', 'condition': " + ORDERS + "}").path()).isEqualTo("$");
        assertThat(refused("{'condition': " + ORDERS + "}").path()).isEqualTo("$.name");
    }

    @Test
    void badDurationIsRefusedWithItsPath() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': {'type': 'abandoned-cart', "
                + "'idleFor': '2 hours'}}");
        assertThat(e.path()).isEqualTo("$.condition.idleFor");
        assertThat(e.getMessage()).contains("ISO-8601");
    }

    @Test
    void userConditionsNeedARegisteredCodec() {
        UserCondition lambda = context -> true;
        assertThatThrownBy(() -> json.writeCondition(lambda)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no JSON codec");
        assertThat(refused("{'name': 'x', 'condition': {'type': 'vip', 'level': 'gold'}}").path())
                .isEqualTo("$.condition.type");
        SegmentJson withVip = SegmentJson.builder().register(VipCondition.CODEC).build();
        Condition read = withVip.readCondition(q("{'type': 'all', 'all': [{'type': 'vip', 'level': 'gold'}, "
                + ORDERS + "]}"));
        assertThat(read).isEqualTo(new AllOf(java.util.List.of(new VipCondition("gold"), ordersEver().atLeast(1))));
    }

    @Test
    void userCodecErrorsCarryThePath() {
        SegmentJson withVip = SegmentJson.builder().register(VipCondition.CODEC).build();
        assertThatThrownBy(() -> withVip.readCondition(q("{'type': 'not', 'not': {'type': 'vip'}}")))
                .isInstanceOf(InvalidSegmentJsonException.class)
                .hasMessageStartingWith("$.not: level must not be blank");
    }

    @Test
    void userCodecCannotShadowABuiltInType() {
        UserConditionCodec<VipCondition> clash = new UserConditionCodec<>() {
            @Override
            public String type() {
                return "orders";
            }

            @Override
            public Class<VipCondition> conditionClass() {
                return VipCondition.class;
            }

            @Override
            public void write(VipCondition condition, com.fasterxml.jackson.databind.node.ObjectNode out) {}

            @Override
            public VipCondition read(com.fasterxml.jackson.databind.node.ObjectNode in) {
                return new VipCondition("x");
            }
        };
        assertThatThrownBy(() -> SegmentJson.builder().register(clash)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders' is already registered");
    }

    @Test
    void calendarWindowsAreReadAndWrittenAsRead() {
        for (String window : new String[] {"P3M", "P1Y", "P1Y2M", "P2M10D"}) {
            Condition read = json.readCondition(q("{'type': 'orders', 'window': '" + window + "', 'atLeast': 1}"));
            assertThat(json.writeCondition(read)).contains(q("'window' : '" + window + "'"));
            assertThat(json.readCondition(json.writeCondition(read))).isEqualTo(read);
        }
        Condition views = json.readCondition(q("{'type': 'views', 'products': 'any', 'window': 'P1Y', 'atLeast': 1}"));
        assertThat(views.describe()).isEqualTo("views of any product in the last 1 year >= 1");
    }

    @Test
    void negativeCalendarWindowIsRefusedWithItsPath() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': "
                + "{'type': 'orders', 'window': 'P-3M', 'atLeast': 1}}");
        assertThat(e.getMessage()).startsWith("$.condition.window: ").contains("negative").contains("P-3M");
    }

    @Test
    void misspeltThresholdIsNamedWithTheNearestValidField() {
        InvalidSegmentJsonException e = refused(PREFIX + "{'type': 'orders', 'window': 'ever', 'atleast': 3}]}}");
        assertThat(e.path()).isEqualTo("$.condition.all[0]");
        assertThat(e.getMessage()).isEqualTo("$.condition.all[0]: unknown field 'atleast'; did you mean 'atLeast'?");
    }

    @Test
    void unknownFieldsAreRefusedEvenBesideAValidThreshold() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': "
                + "{'type': 'orders', 'window': 'ever', 'atLeast': 3, 'windw': 'P3D'}}");
        assertThat(e.getMessage()).isEqualTo("$.condition: unknown field 'windw'; did you mean 'window'?");
        assertThat(refused("{'name': 'x', 'condition': {'type': 'spend', 'window': 'ever', "
                + "'atLeast': {'amuont': '1.00', 'currency': 'USD'}}}").getMessage())
                .isEqualTo("$.condition.atLeast: unknown field 'amuont'; did you mean 'amount'?");
        assertThat(refused("{'name': 'x', 'conditon': " + ORDERS + "}").getMessage())
                .isEqualTo("$: unknown field 'conditon'; did you mean 'condition'?");
    }

    @Test
    void sinceLastOrderIsRefusedOnOrderCounts() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': "
                + "{'type': 'orders', 'window': 'since-last-order', 'atLeast': 1}}");
        assertThat(e.path()).isEqualTo("$.condition.window");
        assertThat(e.getMessage()).contains("since-last-order").contains("orders");
        assertThat(refused("{'name': 'x', 'condition': {'type': 'average-order-value', "
                + "'window': 'since-last-order', 'atLeast': {'amount': '1.00', 'currency': 'USD'}}}").path())
                .isEqualTo("$.condition.window");
    }

    @Test
    void calendarPeriodsAreWindowsOnlyAndTheRefusalSaysSo() {
        InvalidSegmentJsonException e = refused("{'name': 'x', 'condition': {'type': 'last-order', 'within': 'P3M'}}");
        assertThat(e.path()).isEqualTo("$.condition.within");
        assertThat(e.getMessage()).contains("got \"P3M\"").contains("calendar months and years are a window's");
    }
}
