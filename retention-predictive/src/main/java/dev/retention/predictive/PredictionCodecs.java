package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.Money;
import dev.retention.rules.segment.Comparison;
import dev.retention.rules.segment.UserCondition;
import dev.retention.rules.segment.UserConditionCodec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The JSON forms of the prediction conditions, bound to one {@link Predictions}: the JSON holds the
 * threshold and horizon, the model comes from the registration.
 * <pre>
 * {"type": "p-alive", "lessThan": 0.3}
 * {"type": "expected-orders", "horizon": "P90D", "atLeast": 1}
 * {"type": "predicted-value", "horizon": "P365D", "moreThan": {"amount": "200.00", "currency": "USD"}}
 * </pre>
 * Reading is as strict as the built-ins': an unknown or missing field, two comparisons, or a value
 * the condition refuses throws, and {@code SegmentJson} adds the JSON path.
 */
final class PredictionCodecs {
    private static final List<Comparison> COMPARISONS = List.of(Comparison.AT_LEAST, Comparison.AT_MOST,
            Comparison.MORE_THAN, Comparison.LESS_THAN);

    private PredictionCodecs() {}

    static UserConditionCodec<ProbabilityAlive> pAlive(Predictions predictions) {
        return codec("p-alive", ProbabilityAlive.class, false,
                (c, json) -> json.put(c.comparison().jsonName(), c.threshold()),
                json -> {
                    Comparison comparison = comparison(json);
                    return new ProbabilityAlive(predictions, comparison, number(json, comparison));
                });
    }

    static UserConditionCodec<ExpectedOrders> expectedOrders(Predictions predictions) {
        return codec("expected-orders", ExpectedOrders.class, true,
                (c, json) -> {
                    json.put("horizon", horizon(c.horizon()));
                    json.put(c.comparison().jsonName(), c.threshold());
                },
                json -> {
                    Comparison comparison = comparison(json);
                    return new ExpectedOrders(predictions, horizon(json), comparison, number(json, comparison));
                });
    }

    static UserConditionCodec<PredictedValue> predictedValue(Predictions predictions) {
        return codec("predicted-value", PredictedValue.class, true,
                (c, json) -> {
                    json.put("horizon", horizon(c.horizon()));
                    ObjectNode amount = json.putObject(c.comparison().jsonName());
                    amount.put("amount", c.threshold().toBigDecimal().toPlainString());
                    amount.put("currency", c.threshold().currency().getCurrencyCode());
                },
                json -> {
                    Comparison comparison = comparison(json);
                    return new PredictedValue(predictions, horizon(json), comparison, money(json, comparison));
                });
    }

    private static <T extends UserCondition> UserConditionCodec<T> codec(String type, Class<T> cls, boolean hasHorizon,
            BiConsumer<T, ObjectNode> writer, Function<ObjectNode, T> reader) {
        return new UserConditionCodec<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> conditionClass() {
                return cls;
            }

            @Override
            public void write(T condition, ObjectNode json) {
                writer.accept(condition, json);
            }

            @Override
            public T read(ObjectNode json) {
                refuseUnknown(json, hasHorizon);
                try {
                    return reader.apply(json);
                } catch (IllegalStateException e) {
                    // no spend model: the registration, not the JSON, is at fault, but the reader names the path
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        };
    }

    private static void refuseUnknown(ObjectNode json, boolean hasHorizon) {
        Set<String> known = hasHorizon ? Set.of("type", "horizon", "atLeast", "atMost", "moreThan", "lessThan")
                : Set.of("type", "atLeast", "atMost", "moreThan", "lessThan");
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            checkArgument(known.contains(name), "unknown field '%s'; expected %s", name,
                    hasHorizon ? "horizon and one of atLeast, atMost, moreThan, lessThan"
                            : "one of atLeast, atMost, moreThan, lessThan");
        }
    }

    private static Comparison comparison(ObjectNode json) {
        List<Comparison> present = new ArrayList<>();
        for (Comparison c : COMPARISONS) {
            if (json.has(c.jsonName())) {
                present.add(c);
            }
        }
        checkArgument(present.size() == 1, "needs exactly one of atLeast, atMost, moreThan, lessThan, got %s",
                present.stream().map(Comparison::jsonName).toList());
        return present.get(0);
    }

    private static double number(ObjectNode json, Comparison comparison) {
        JsonNode value = json.get(comparison.jsonName());
        checkArgument(value.isNumber(), "%s must be a number, got %s", comparison.jsonName(), value);
        return value.doubleValue();
    }

    private static Money money(ObjectNode json, Comparison comparison) {
        JsonNode value = json.get(comparison.jsonName());
        checkArgument(value.isObject() && value.size() == 2 && value.path("amount").isTextual()
                && value.path("currency").isTextual(),
                "%s must be {\"amount\": \"200.00\", \"currency\": \"USD\"}, got %s", comparison.jsonName(), value);
        return Money.parse(value.get("amount").asText(), value.get("currency").asText());
    }

    private static Duration horizon(ObjectNode json) {
        JsonNode value = json.get("horizon");
        checkArgument(value != null && value.isTextual(), "horizon must be an ISO-8601 duration like \"P90D\", got %s",
                value);
        try {
            return Duration.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("horizon must be an ISO-8601 duration like \"P90D\", got "
                    + value, e);
        }
    }

    /** Whole days as "P90D" (as a marketer writes them), other durations in Duration's own form. */
    private static String horizon(Duration horizon) {
        return horizon.toSeconds() % 86_400 == 0 && horizon.getNano() == 0 ? "P" + horizon.toDays() + "D"
                : horizon.toString();
    }
}
