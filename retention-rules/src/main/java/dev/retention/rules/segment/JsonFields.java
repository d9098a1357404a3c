package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object, remembering its path for error messages and which fields were
 * read, so that unexpected fields can be refused.
 */
final class JsonFields {
    private final ObjectNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidSegmentJsonException(path, "expected an object, got " + kind(node));
        }
        this.node = (ObjectNode) node;
        this.path = path;
    }

    ObjectNode node() {
        return node;
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode required(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidSegmentJsonException(pathOf(field), "missing field '" + field + "'");
        }
        return value;
    }

    String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.textValue();
    }

    long count(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "a whole number", value);
        }
        if (value.longValue() < 0) {
            throw new InvalidSegmentJsonException(pathOf(field), field + " must not be negative, got " + value);
        }
        return value.longValue();
    }

    int smallCount(String field) {
        long value = count(field);
        if (value > Integer.MAX_VALUE) {
            throw new InvalidSegmentJsonException(pathOf(field), field + " is too large, got " + value);
        }
        return (int) value;
    }

    BigDecimal decimal(String field) {
        String text = text(field);
        if (!text.strip().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new InvalidSegmentJsonException(pathOf(field), "expected a decimal number like \"12.5\", got \""
                    + text + "\"");
        }
        return new BigDecimal(text.strip());
    }

    /** A non-negative ISO-8601 duration such as {@code "P30D"} or {@code "PT24H"}. */
    Duration duration(String field) {
        String text = text(field);
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            // a window takes calendar months and years (see JsonParts.readWindow); other durations do not
            String calendar = field.equals("window") ? ", \"P3M\" or \"P1Y\"" : " (calendar months and years are a "
                    + "window's, not a " + field + "'s)";
            throw new InvalidSegmentJsonException(pathOf(field),
                    "expected an ISO-8601 duration like \"P30D\" or \"PT24H\"" + calendar + ", got \"" + text
                            + "\"", e);
        }
        if (d.isNegative()) {
            throw new InvalidSegmentJsonException(pathOf(field), field + " must not be negative, got \"" + text + "\"");
        }
        if (d.compareTo(Window.MAX_LENGTH) > 0) {
            throw new InvalidSegmentJsonException(pathOf(field), field + " must be at most " + Window.MAX_LENGTH
                    + ", got \"" + text + "\"");
        }
        return d;
    }

    JsonFields object(String field) {
        return new JsonFields(required(field), pathOf(field));
    }

    /** The elements of an array field with their paths. */
    List<Map.Entry<String, JsonNode>> array(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw wrongType(field, "an array", value);
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(Map.entry(pathOf(field) + "[" + i + "]", value.get(i)));
        }
        return out;
    }

    Set<String> strings(String field) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> element : array(field)) {
            if (!element.getValue().isTextual()) {
                throw new InvalidSegmentJsonException(element.getKey(), "expected a string, got "
                        + kind(element.getValue()));
            }
            out.add(element.getValue().textValue());
        }
        return out;
    }

    Map<String, String> stringMap(String field) {
        JsonFields object = object(field);
        List<String> names = new ArrayList<>();
        object.node.fieldNames().forEachRemaining(names::add);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, object.text(name));
        }
        return out;
    }

    /**
     * Refuses any field not among {@code valid}, naming it and the nearest valid one: a misspelt
     * threshold or window must not silently change (or empty) a segment. Call before reading, so that
     * the misspelling is reported rather than the field it was meant to be missing.
     */
    void refuseUnknown(Collection<String> valid) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!valid.contains(name)) {
                throw new InvalidSegmentJsonException(path, "unknown field '" + name + "'"
                        + Spelling.nearest(name, valid).map(near -> "; did you mean '" + near + "'?").orElse(""));
            }
        }
    }

    /** Refuses fields that were not read: a typo must not silently widen a segment. */
    void refuseOthers() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw new InvalidSegmentJsonException(pathOf(name), "unexpected field '" + name + "'");
            }
        }
    }

    void markRead(String field) {
        read.add(field);
    }

    InvalidSegmentJsonException wrongType(String field, String expected, JsonNode value) {
        return new InvalidSegmentJsonException(pathOf(field), "expected " + expected + ", got " + kind(value));
    }

    static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "the string \"" + node.textValue() + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + node;
        }
        return node.isArray() ? "an array" : "an object";
    }
}
