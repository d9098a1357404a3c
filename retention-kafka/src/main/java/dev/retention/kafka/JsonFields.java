package dev.retention.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.Money;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;

/**
 * Reads fields of a JSON object with errors that name the field and the value, the way the CSV
 * reader names its column and value. Stateless.
 */
final class JsonFields {
    private final JsonNode node;
    private final String where;

    /**
     * @param node the object to read
     * @param where what the object is, for messages (e.g. {@code "event"}, {@code "lines[2]"})
     */
    JsonFields(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        this.node = node;
        this.where = where;
    }

    JsonNode node() {
        return node;
    }

    Optional<String> optText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
            throw bad(field, v, "must be text");
        }
        String s = v.asText();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    String text(String field) {
        return optText(field).orElseThrow(() -> new IllegalArgumentException(
                where + ": field " + field + " is required"));
    }

    Instant instant(String field) {
        String s = text(field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException(where + ": field " + field + ", value '" + s
                            + "': not an ISO instant or date");
                }
            }
        }
    }

    Optional<Instant> optInstant(String field) {
        return optText(field).isPresent() ? Optional.of(instant(field)) : Optional.empty();
    }

    long longValue(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": field " + field + " is required");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                throw bad(field, v, "must be a whole number");
            }
        }
        throw bad(field, v, "must be a whole number");
    }

    int intValue(String field, int otherwise) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return otherwise;
        }
        long l = longValue(field);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw bad(field, v, "is out of range");
        }
        return (int) l;
    }

    boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw bad(field, v, "must be true or false");
        }
        return v.booleanValue();
    }

    Currency currency(String field) {
        String code = text(field);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field " + field + ", value '" + code
                    + "': not an ISO 4217 currency code");
        }
    }

    /** An exact decimal amount (text or number) in {@code currency}. */
    Money money(String field, Currency currency) {
        String amount = text(field);
        try {
            return Money.parse(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field " + field + ", value '" + amount + "': "
                    + e.getMessage());
        }
    }

    JsonFields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": field " + field + " is required");
        }
        return new JsonFields(v, where + "." + field);
    }

    Iterable<JsonNode> array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw bad(field, v, "must be an array");
        }
        return v;
    }

    String where() {
        return where;
    }

    IllegalArgumentException bad(String field, JsonNode value, String why) {
        return new IllegalArgumentException(where + ": field " + field + ", value '"
                + (value == null ? "" : value.isTextual() ? value.asText() : value.toString()) + "': " + why);
    }

    /** Writes a present value, or nothing: absent fields are left out. */
    static void put(ObjectNode node, String field, Optional<String> value) {
        value.ifPresent(v -> node.put(field, v));
    }
}
