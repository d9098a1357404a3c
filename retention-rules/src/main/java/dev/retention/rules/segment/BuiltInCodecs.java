package dev.retention.rules.segment;

import static dev.retention.rules.segment.JsonParts.duration;
import static dev.retention.rules.segment.JsonParts.readCount;
import static dev.retention.rules.segment.JsonParts.THRESHOLDS;
import static dev.retention.rules.segment.JsonParts.readMoney;
import static dev.retention.rules.segment.JsonParts.readOrderWindow;
import static dev.retention.rules.segment.JsonParts.readProducts;
import static dev.retention.rules.segment.JsonParts.readWindow;
import static dev.retention.rules.segment.JsonParts.writeCount;
import static dev.retention.rules.segment.JsonParts.writeMoney;
import static dev.retention.rules.segment.JsonParts.writeProducts;
import static dev.retention.rules.segment.JsonParts.withThreshold;
import static dev.retention.rules.segment.JsonParts.writeWindow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.profile.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The JSON codec of every built-in condition; the type names are the JSON format's vocabulary. */
final class BuiltInCodecs {
    private BuiltInCodecs() {}

    private static final List<String> RECENCY = List.of(Recency.WITHIN.jsonName(), Recency.OLDER_THAN.jsonName());

    static List<ConditionCodec<?>> all() {
        return List.of(
                new ConditionCodec<>("orders", OrderCount.class, withThreshold("window"),
                        (c, out, n) -> {
                            writeWindow(c.window(), out);
                            writeCount(c.bound(), out);
                        },
                        (in, n) -> new OrderCount(readOrderWindow(in, "orders"), readCount(in))),
                new ConditionCodec<>("spend", NetSpend.class, withThreshold("window"),
                        (c, out, n) -> {
                            writeWindow(c.window(), out);
                            writeMoney(c.bound(), out);
                        },
                        (in, n) -> new NetSpend(readWindow(in), readMoney(in))),
                new ConditionCodec<>("average-order-value", AverageOrderValueCondition.class, withThreshold("window"),
                        (c, out, n) -> {
                            writeWindow(c.window(), out);
                            writeMoney(c.bound(), out);
                        },
                        (in, n) -> new AverageOrderValueCondition(readOrderWindow(in, "average-order-value"),
                                readMoney(in))),
                new ConditionCodec<>("first-order", FirstOrder.class, RECENCY,
                        (c, out, n) -> out.put(c.recency().jsonName(), duration(c.age())),
                        (in, n) -> {
                            Recency recency = recency(in);
                            return new FirstOrder(recency, in.duration(recency.jsonName()));
                        }),
                new ConditionCodec<>("last-order", LastOrder.class, RECENCY,
                        (c, out, n) -> out.put(c.recency().jsonName(), duration(c.age())),
                        (in, n) -> {
                            Recency recency = recency(in);
                            return new LastOrder(recency, in.duration(recency.jsonName()));
                        }),
                new ConditionCodec<>("days-since-last-order", DaysSinceLastOrder.class, THRESHOLDS,
                        (c, out, n) -> writeCount(c.bound(), out),
                        (in, n) -> new DaysSinceLastOrder(readCount(in))),
                new ConditionCodec<>("views", ViewCount.class, withThreshold("products", "window"),
                        (c, out, n) -> {
                            writeProducts(c.products(), out);
                            writeWindow(c.window(), out);
                            writeCount(c.bound(), out);
                        },
                        (in, n) -> new ViewCount(readProducts(in), readWindow(in), readCount(in))),
                new ConditionCodec<>("viewed-not-bought", ViewedNotBought.class, List.of("products", "window"),
                        (c, out, n) -> {
                            writeProducts(c.products(), out);
                            writeWindow(c.window(), out);
                        },
                        (in, n) -> new ViewedNotBought(readProducts(in), readWindow(in))),
                new ConditionCodec<>("bought", Bought.class, List.of("products", "window"),
                        (c, out, n) -> {
                            writeProducts(c.products(), out);
                            writeWindow(c.window(), out);
                        },
                        (in, n) -> new Bought(readProducts(in), readOrderWindow(in, "bought"))),
                new ConditionCodec<>("abandoned-cart", AbandonedCart.class, List.of("idleFor"),
                        (c, out, n) -> out.put("idleFor", duration(c.idleFor())),
                        (in, n) -> new AbandonedCart(in.duration("idleFor"))),
                new ConditionCodec<>("attribute-equals", AttributeEquals.class, List.of("name", "value"),
                        (c, out, n) -> out.put("name", c.name()).put("value", c.value()),
                        (in, n) -> new AttributeEquals(in.text("name"), in.text("value"))),
                new ConditionCodec<>("attribute-in", AttributeIn.class, List.of("name", "values"),
                        (c, out, n) -> {
                            out.put("name", c.name());
                            ArrayNode values = out.putArray("values");
                            new TreeSet<>(c.values()).forEach(values::add);
                        },
                        (in, n) -> new AttributeIn(in.text("name"), in.strings("values"))),
                new ConditionCodec<>("attribute-between", AttributeBetween.class, List.of("name", "min", "max"),
                        (c, out, n) -> out.put("name", c.name()).put("min", c.min().toPlainString())
                                .put("max", c.max().toPlainString()),
                        (in, n) -> new AttributeBetween(in.text("name"), in.decimal("min"), in.decimal("max"))),
                new ConditionCodec<>("attribute-present", AttributePresent.class, List.of("name"),
                        (c, out, n) -> out.put("name", c.name()),
                        (in, n) -> new AttributePresent(in.text("name"))),
                new ConditionCodec<>("birthday-within", BirthdayWithin.class, List.of("days"),
                        (c, out, n) -> out.put("days", c.days()),
                        (in, n) -> new BirthdayWithin(in.smallCount("days"))),
                new ConditionCodec<>("signed-up-within", SignedUpWithin.class, List.of("within"),
                        (c, out, n) -> out.put("within", duration(c.within())),
                        (in, n) -> new SignedUpWithin(in.duration("within"))),
                new ConditionCodec<>("acquired-from", AcquiredFrom.class, List.of("channel", "campaign"),
                        (c, out, n) -> {
                            out.put("channel", c.channel());
                            c.campaign().ifPresent(campaign -> out.put("campaign", campaign));
                        },
                        (in, n) -> new AcquiredFrom(in.text("channel"), JsonParts.optionalText(in, "campaign"))),
                new ConditionCodec<>("consent", HasConsent.class, List.of("channel"),
                        (c, out, n) -> out.put("channel", c.channel().name()),
                        (in, n) -> new HasConsent(Channel.of(in.text("channel")))),
                new ConditionCodec<>("custom-events", CustomEventCount.class,
                        withThreshold("name", "attributes", "window"),
                        (c, out, n) -> {
                            out.put("name", c.name());
                            if (!c.attributes().isEmpty()) {
                                ObjectNode attributes = out.putObject("attributes");
                                new TreeMap<>(c.attributes()).forEach(attributes::put);
                            }
                            writeWindow(c.window(), out);
                            writeCount(c.bound(), out);
                        },
                        (in, n) -> new CustomEventCount(in.text("name"),
                                in.has("attributes") ? in.stringMap("attributes") : Map.of(), readWindow(in),
                                readCount(in))),
                new ConditionCodec<>("all", AllOf.class, List.of("all"),
                        (c, out, n) -> writeList(c.conditions(), out.putArray("all"), n),
                        (in, n) -> new AllOf(readList(in, "all", n))),
                new ConditionCodec<>("any", AnyOf.class, List.of("any"),
                        (c, out, n) -> writeList(c.conditions(), out.putArray("any"), n),
                        (in, n) -> new AnyOf(readList(in, "any", n))),
                new ConditionCodec<>("not", Not.class, List.of("not"),
                        (c, out, n) -> out.set("not", n.write(c.condition())),
                        (in, n) -> new Not(n.read(in.required("not"), in.pathOf("not")))),
                new ConditionCodec<>("at-least-of", AtLeastOf.class, List.of("k", "of"),
                        (c, out, n) -> {
                            out.put("k", c.k());
                            writeList(c.conditions(), out.putArray("of"), n);
                        },
                        (in, n) -> new AtLeastOf(in.smallCount("k"), readList(in, "of", n))));
    }

    private static Recency recency(JsonFields in) {
        boolean within = in.has(Recency.WITHIN.jsonName());
        if (within == in.has(Recency.OLDER_THAN.jsonName())) {
            throw new InvalidSegmentJsonException(in.path(), "expected exactly one of the fields 'within' and "
                    + "'olderThan'");
        }
        return within ? Recency.WITHIN : Recency.OLDER_THAN;
    }

    private static void writeList(List<Condition> conditions, ArrayNode out, ConditionCodec.Nested nested) {
        conditions.forEach(c -> out.add(nested.write(c)));
    }

    private static List<Condition> readList(JsonFields in, String field, ConditionCodec.Nested nested) {
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> element : in.array(field)) {
            out.add(nested.read(element.getValue(), element.getKey()));
        }
        return out;
    }
}
