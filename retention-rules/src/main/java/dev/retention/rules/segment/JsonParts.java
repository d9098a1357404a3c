package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.Money;
import dev.retention.core.ProductId;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The JSON forms of the values conditions share: windows, durations, thresholds, product selections. */
final class JsonParts {
    private JsonParts() {}

    /** The threshold keys, one of which a count or money condition holds. */
    static final List<String> THRESHOLDS = Arrays.stream(Comparison.values()).map(Comparison::jsonName).toList();

    private static final List<String> MONEY_FIELDS = List.of("amount", "currency");

    /** {@code fields} followed by the threshold keys. */
    static List<String> withThreshold(String... fields) {
        List<String> out = new ArrayList<>(List.of(fields));
        out.addAll(THRESHOLDS);
        return out;
    }

    static String duration(Duration d) {
        if (d.getNano() == 0 && d.getSeconds() % 86_400 == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }

    static void writeWindow(Window window, ObjectNode out) {
        out.put("window", switch (window.kind()) {
            case EVER -> "ever";
            case SINCE_LAST_ORDER -> "since-last-order";
            case LAST -> duration(window.length());
            case LAST_CALENDAR -> window.calendarLength().toString();
        });
    }

    /**
     * {@code "ever"}, {@code "since-last-order"}, a non-negative ISO-8601 duration ({@code "P30D"},
     * {@code "PT24H"}: the last d) or a period with months or years ({@code "P3M"}, {@code "P1Y"}: the last
     * calendar months and years, counted back from now in UTC).
     */
    static Window readWindow(JsonFields in) {
        String text = in.text("window");
        if (text.equals("ever")) {
            return Window.ever();
        }
        if (text.equals("since-last-order")) {
            return Window.sinceLastOrder();
        }
        Optional<Period> calendar = calendarPeriod(text);
        if (calendar.isEmpty()) {
            return Window.last(in.duration("window"));
        }
        Period period = calendar.get();
        if (period.isNegative()) {
            throw new InvalidSegmentJsonException(in.pathOf("window"), "window must not be negative, got \"" + text
                    + "\"");
        }
        try {
            return Window.last(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidSegmentJsonException(in.pathOf("window"), e.getMessage(), e);
        }
    }

    /**
     * {@link #readWindow} for a condition over orders, where {@code "since-last-order"} would always see
     * no order (none is placed after the last one) and is refused.
     */
    static Window readOrderWindow(JsonFields in, String type) {
        Window window = readWindow(in);
        if (window.kind() == Window.Kind.SINCE_LAST_ORDER) {
            throw new InvalidSegmentJsonException(in.pathOf("window"), "'since-last-order' is not a window for '"
                    + type + "': no orders are placed after the last order, so it would always see none");
        }
        return window;
    }

    /** An ISO-8601 period with months or years ({@code "P3M"}, {@code "P1Y2M"}); {@code "P30D"} is a duration. */
    private static Optional<Period> calendarPeriod(String text) {
        try {
            Period period = Period.parse(text);
            return period.toTotalMonths() == 0 ? Optional.empty() : Optional.of(period);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static void writeCount(CountBound bound, ObjectNode out) {
        out.put(bound.comparison().jsonName(), bound.value());
    }

    static CountBound readCount(JsonFields in) {
        Comparison comparison = comparison(in);
        return new CountBound(comparison, in.count(comparison.jsonName()));
    }

    static void writeMoney(MoneyBound bound, ObjectNode out) {
        ObjectNode money = out.putObject(bound.comparison().jsonName());
        money.put("amount", bound.amount().toBigDecimal().toPlainString());
        money.put("currency", bound.amount().currency().getCurrencyCode());
    }

    static MoneyBound readMoney(JsonFields in) {
        Comparison comparison = comparison(in);
        JsonFields money = in.object(comparison.jsonName());
        money.refuseUnknown(MONEY_FIELDS);
        String currency = money.text("currency");
        String amount = money.text("amount");
        money.refuseOthers();
        try {
            return new MoneyBound(comparison, Money.parse(amount, currency));
        } catch (IllegalArgumentException e) {
            throw new InvalidSegmentJsonException(money.path(), e.getMessage(), e);
        }
    }

    /** Exactly one of the comparison keys ({@code atLeast}, {@code moreThan}, ...) must be present. */
    private static Comparison comparison(JsonFields in) {
        List<Comparison> present = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            if (in.has(c.jsonName())) {
                present.add(c);
            }
        }
        if (present.size() != 1) {
            List<String> keys = new ArrayList<>();
            for (Comparison c : Comparison.values()) {
                keys.add(c.jsonName());
            }
            throw new InvalidSegmentJsonException(in.path(), "expected exactly one threshold field of " + keys
                    + ", got " + present.size());
        }
        return present.get(0);
    }

    static void writeProducts(Products products, ObjectNode out) {
        if (products.category().isPresent()) {
            out.putObject("products").put("category", products.category().get());
        } else if (products.isAny()) {
            out.put("products", "any");
        } else {
            ArrayNode ids = out.putArray("products");
            new TreeSet<>(products.ids()).forEach(id -> ids.add(id.value()));
        }
    }

    /** {@code "any"}, an array of product ids, or {@code {"category": "..."}}. */
    static Products readProducts(JsonFields in) {
        JsonNode value = in.required("products");
        if (value.isTextual() && value.textValue().equals("any")) {
            return Products.any();
        }
        if (value.isArray()) {
            Set<String> ids = in.strings("products");
            if (ids.isEmpty()) {
                throw new InvalidSegmentJsonException(in.pathOf("products"), "expected at least one product id");
            }
            Set<ProductId> out = new TreeSet<>();
            for (String id : ids) {
                if (id.isBlank()) {
                    throw new InvalidSegmentJsonException(in.pathOf("products"), "product ids must not be blank");
                }
                out.add(ProductId.of(id));
            }
            return Products.of(out);
        }
        if (value.isObject()) {
            JsonFields category = in.object("products");
            category.refuseUnknown(List.of("category"));
            String name = category.text("category");
            category.refuseOthers();
            if (name.isBlank()) {
                throw new InvalidSegmentJsonException(category.pathOf("category"), "category must not be blank");
            }
            return Products.inCategory(name);
        }
        throw in.wrongType("products", "\"any\", an array of product ids or {\"category\": ...}", value);
    }

    static Optional<String> optionalText(JsonFields in, String field) {
        return in.has(field) ? Optional.of(in.text(field)) : Optional.empty();
    }
}
