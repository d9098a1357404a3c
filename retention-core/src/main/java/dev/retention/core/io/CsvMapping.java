package dev.retention.core.io;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retention.core.RetentionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a shop's export maps onto the event fields, so that a user imports it without a script:
 * which column holds each field (or a constant for the whole file), which of a type column's values
 * mean which event type, how times are written, and the separator.
 *
 * <p>Two mappings ship with the library, {@link #shopifyOrders()} and {@link #onlineRetail()}; a
 * user writes their own with {@link #builder()} or as JSON ({@link #fromJson(Path)}):
 * <pre>{@code
 * {
 *   "columns": {"order_id": "Name", "customer_id": "Email", "occurred_at": "Created at",
 *               "quantity": "Lineitem quantity", "unit_price": "Lineitem price",
 *               "product_id": "Lineitem sku", "currency": "Currency"},
 *   "constants": {"type": "order"},
 *   "types": {"purchase": "order", "return": "refund"},
 *   "refund_prefix": "C",
 *   "time_format": "yyyy-MM-dd HH:mm:ss Z",
 *   "time_zone": "UTC",
 *   "separator": ";",
 *   "decimal_comma": true
 * }
 * }</pre>
 * Every key is optional but {@code columns}; an unknown key is an error naming it.
 * <ul>
 *   <li>{@code columns}: field to the column's name in the header (matched ignoring case and
 *       surrounding spaces). Fields: {@code occurred_at}, {@code customer_id}, {@code type},
 *       {@code product_id}, {@code order_id}, {@code amount} (the line's total), {@code unit_price}
 *       (the amount is then unit price x quantity), {@code currency}, {@code quantity},
 *       {@code event_id}. A mapped column must be in the header, except {@code event_id}.
 *   <li>{@code constants}: a field's value for every row, when the export has no column for it
 *       (the type of an orders export, the currency of a one-currency shop).
 *   <li>{@code types}: the type column's values to {@code view}, {@code cart}, {@code order} or
 *       {@code refund}; the four names themselves always count.
 *   <li>{@code refund_prefix}: order ids starting with it are refunds (cancellation invoices like
 *       {@code C536379}); their quantities may be negative and count as returned units.
 *   <li>{@code time_format} and {@code time_zone}: a {@link DateTimeFormatter} pattern and the zone
 *       of times written without an offset; without a format, times are ISO instants or dates.
 *   <li>{@code separator} and {@code decimal_comma}: {@code ";"} and {@code true} for the CSV of a
 *       European Excel ({@code 12,50}).
 * </ul>
 * Immutable and thread-safe.
 */
public final class CsvMapping {

    /** The event fields a column (or a constant) can supply. */
    public enum Field {
        /** When the event happened: an instant, a date, or a time in the mapping's format and zone. */
        OCCURRED_AT,
        /** The shop's id of the customer. */
        CUSTOMER_ID,
        /** {@code view}, {@code cart}, {@code order}, {@code refund}, or a value the mapping's types map. */
        TYPE,
        /** The product viewed, in a cart or on an order line. */
        PRODUCT_ID,
        /** The order an order line or a refund belongs to; the rows of one order id make one order. */
        ORDER_ID,
        /** A line's total in the currency's units (not a unit price). */
        AMOUNT,
        /** A line's unit price: the line's amount is then unit price x quantity. */
        UNIT_PRICE,
        /** The ISO 4217 code of the amount. */
        CURRENCY,
        /** Units on the line, a whole number (negative on a cancellation invoice's lines). */
        QUANTITY,
        /** The event's id, or on an order row the line's id (optional). */
        EVENT_ID;

        /**
         * The field's name in the library's CSV header and in mapping JSON.
         *
         * @return the name in lower case, like {@code occurred_at}
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Field> ofKey(String key) {
            for (Field f : values()) {
                if (f.key().equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private static final Set<String> EVENT_TYPES = Set.of("view", "cart", "order", "refund");
    private static final Set<String> JSON_KEYS = Set.of("name", "columns", "constants", "types", "refund_prefix",
            "time_format", "time_zone", "separator", "decimal_comma");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final CsvMapping STANDARD = builder().name("standard")
            .column(Field.OCCURRED_AT, "occurred_at").column(Field.CUSTOMER_ID, "customer_id")
            .column(Field.TYPE, "type").column(Field.PRODUCT_ID, "product_id").column(Field.ORDER_ID, "order_id")
            .column(Field.AMOUNT, "amount").column(Field.CURRENCY, "currency").column(Field.QUANTITY, "quantity")
            .column(Field.EVENT_ID, "event_id").build();

    private final String name;
    private final Map<Field, String> columns;
    private final Map<Field, String> constants;
    private final Map<String, String> types;
    private final Optional<String> refundPrefix;
    private final Optional<String> timeFormat;
    private final ZoneId timeZone;
    private final char separator;
    private final boolean decimalComma;
    private final Optional<DateTimeFormatter> formatter;
    /** Each type value to the event type it means. */
    private final Map<String, Optional<String>> typeOf;

    private CsvMapping(Builder b) {
        this.name = b.name;
        this.columns = Collections.unmodifiableMap(new EnumMap<>(b.columns));
        this.constants = Collections.unmodifiableMap(new EnumMap<>(b.constants));
        this.types = Map.copyOf(b.types);
        this.refundPrefix = b.refundPrefix;
        this.timeFormat = b.timeFormat;
        this.timeZone = b.timeZone;
        this.separator = b.separator;
        this.decimalComma = b.decimalComma;
        this.formatter = timeFormat.map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT));
        Map<String, Optional<String>> typeOf = new java.util.HashMap<>();
        types.forEach((value, type) -> typeOf.put(value, Optional.of(type)));
        EVENT_TYPES.forEach(type -> typeOf.put(type, Optional.of(type)));
        this.typeOf = Map.copyOf(typeOf);
    }

    /**
     * The library's own format: the columns named after the fields (see {@link EventCsvReader}).
     *
     * @return the mapping named {@code standard}, the readers' default
     */
    public static CsvMapping standard() {
        return STANDARD;
    }

    /**
     * A Shopify-style orders export: one row per line item, {@code Name} (the order, like
     * {@code #1001}), {@code Email} (the customer), {@code Created at}
     * ({@code 2026-03-01 10:15:30 +0100}), {@code Lineitem quantity}, {@code Lineitem price} (a
     * unit price), {@code Lineitem sku} and {@code Currency}. Resource
     * {@code dev/retention/core/io/shopify-orders.json}.
     *
     * @return the mapping named {@code shopify-orders}; every row is an order line
     */
    public static CsvMapping shopifyOrders() {
        return resource("shopify-orders.json");
    }

    /**
     * The classic online-retail invoice layout: {@code InvoiceNo}, {@code StockCode},
     * {@code Quantity}, {@code InvoiceDate} ({@code 12/1/2010 8:26}, London time),
     * {@code UnitPrice} (GBP) and {@code CustomerID}; invoices starting with {@code C} are
     * cancellations and become refunds. Resource {@code dev/retention/core/io/online-retail.json}.
     *
     * @return the mapping named {@code online-retail}
     */
    public static CsvMapping onlineRetail() {
        return resource("online-retail.json");
    }

    /**
     * A shipped mapping by its name ({@code standard}, {@code shopify-orders}, {@code online-retail}),
     * or else the mapping JSON file at that path: what a command line's {@code --mapping} takes.
     *
     * @param nameOrFile a shipped mapping's name, or the path of a mapping JSON file
     * @return the mapping
     * @throws IllegalArgumentException if {@code nameOrFile} is null or blank
     * @throws UncheckedIOException if it names no shipped mapping and no readable file
     * @throws InvalidMappingException if the file is not a valid mapping, naming the JSON path at fault
     */
    public static CsvMapping named(String nameOrFile) {
        checkArgument(nameOrFile != null && !nameOrFile.isBlank(), "mapping must name a mapping or a JSON file, got '%s'",
                nameOrFile);
        return switch (nameOrFile) {
            case "standard" -> standard();
            case "shopify-orders" -> shopifyOrders();
            case "online-retail" -> onlineRetail();
            default -> fromJson(Path.of(nameOrFile));
        };
    }

    private static CsvMapping resource(String file) {
        try (InputStream in = CsvMapping.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("mapping resource " + file + " is missing from the library");
            }
            return fromJson(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping resource " + file, e);
        }
    }

    /**
     * Reads a mapping from a JSON file; see the class comment for its keys.
     *
     * @param file the mapping JSON, in UTF-8
     * @return the mapping
     * @throws UncheckedIOException if the file cannot be read
     * @throws InvalidMappingException naming the JSON path at fault
     */
    public static CsvMapping fromJson(Path file) {
        requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file, e);
        }
    }

    /**
     * Reads a mapping from JSON; see the class comment for its keys.
     *
     * @param json the mapping JSON, in UTF-8; not closed
     * @param source names the JSON in error messages (a file name or resource)
     * @return the mapping
     * @throws UncheckedIOException if the stream cannot be read
     * @throws InvalidMappingException naming the key at fault
     */
    public static CsvMapping fromJson(InputStream json, String source) {
        requireNonNull(json, "json");
        requireNonNull(source, "source");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidMappingException(source, "$", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + source, e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMappingException(source, "$", "a mapping is a JSON object");
        }
        Builder b = builder();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            if (!JSON_KEYS.contains(key)) {
                throw new InvalidMappingException(source, "$." + key, "unknown field '" + key + "'; known: "
                        + new java.util.TreeSet<>(JSON_KEYS));
            }
        }
        try {
            text(root, "name", source).ifPresent(b::name);
            fields(root, "columns", source).forEach(b::column);
            fields(root, "constants", source).forEach(b::constant);
            strings(root, "types", source).forEach(b::type);
            text(root, "refund_prefix", source).ifPresent(b::refundPrefix);
            text(root, "time_format", source).ifPresent(b::timeFormat);
            text(root, "time_zone", source).ifPresent(zone -> {
                try {
                    b.timeZone(ZoneId.of(zone));
                } catch (DateTimeException e) {
                    throw new InvalidMappingException(source, "$.time_zone", "unknown zone '" + zone + "'");
                }
            });
            text(root, "separator", source).ifPresent(sep -> {
                if (sep.length() != 1) {
                    throw new InvalidMappingException(source, "$.separator", "one character, got '" + sep + "'");
                }
                b.separator(sep.charAt(0));
            });
            JsonNode comma = root.get("decimal_comma");
            if (comma != null) {
                if (!comma.isBoolean()) {
                    throw new InvalidMappingException(source, "$.decimal_comma", "true or false, got " + comma);
                }
                b.decimalComma(comma.booleanValue());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidMappingException(source, "$", e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode root, String key, String source) {
        JsonNode node = root.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidMappingException(source, "$." + key, "a string, got " + node);
        }
        return Optional.of(node.textValue());
    }

    private static Map<String, String> strings(JsonNode root, String key, String source) {
        JsonNode node = root.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidMappingException(source, "$." + key, "an object, got " + node);
        }
        node.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new InvalidMappingException(source, "$." + key + "." + e.getKey(), "a string, got "
                        + e.getValue());
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }

    private static Map<Field, String> fields(JsonNode root, String key, String source) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        strings(root, key, source).forEach((field, value) -> out.put(Field.ofKey(field).orElseThrow(
                () -> new InvalidMappingException(source, "$." + key + "." + field, "unknown field '" + field
                        + "'; fields: " + java.util.Arrays.stream(Field.values()).map(Field::key).toList())),
                value));
        return out;
    }

    /**
     * A builder of a mapping with no columns yet, a comma separator, decimal points and UTC.
     *
     * @return a new builder, named {@code custom} until {@link Builder#name} says otherwise
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this mapping, to change a setting (say, the separator).
     *
     * @return a new builder holding this mapping's settings; this mapping is unchanged
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.columns.putAll(columns);
        b.constants.putAll(constants);
        b.types.putAll(types);
        b.refundPrefix = refundPrefix;
        b.timeFormat = timeFormat;
        b.timeZone = timeZone;
        b.separator = separator;
        b.decimalComma = decimalComma;
        return b;
    }

    /**
     * The mapping's name, as error messages and reports give it.
     *
     * @return the name, like {@code shopify-orders}; {@code custom} if the builder was given none
     */
    public String name() {
        return name;
    }

    /**
     * The column holding each field.
     *
     * @return an immutable map of field to header name; fields with a constant are not in it
     */
    public Map<Field, String> columns() {
        return columns;
    }

    /**
     * The fields with one value for the whole file.
     *
     * @return an immutable map of field to value, like {@code TYPE -> order}
     */
    public Map<Field, String> constants() {
        return constants;
    }

    /**
     * The type column's values mapped to event types, beyond the four type names themselves.
     *
     * @return an immutable map of value to {@code view}, {@code cart}, {@code order} or {@code refund}
     */
    public Map<String, String> types() {
        return types;
    }

    /**
     * The prefix of order ids that are refunds (cancellation invoices).
     *
     * @return the prefix, like {@code C}; empty if no order id means a refund
     */
    public Optional<String> refundPrefix() {
        return refundPrefix;
    }

    /**
     * The {@link DateTimeFormatter} pattern of the time column.
     *
     * @return the pattern; empty if times are ISO instants or dates
     */
    public Optional<String> timeFormat() {
        return timeFormat;
    }

    /**
     * The zone of times written without an offset.
     *
     * @return the zone; UTC unless set
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    /**
     * The character between fields.
     *
     * @return the separator; a comma unless set
     */
    public char separator() {
        return separator;
    }

    /**
     * Whether amounts are written with a decimal comma ({@code 12,50}).
     *
     * @return true for a decimal comma, false for a decimal point
     */
    public boolean decimalComma() {
        return decimalComma;
    }

    Optional<DateTimeFormatter> formatter() {
        return formatter;
    }

    /** The event type a type value means, if any. */
    Optional<String> eventType(String value) {
        // looked up twice per row: the answers are made once, not an Optional per row
        Optional<String> type = typeOf.get(value);
        return type != null ? type : Optional.empty();
    }

    @Override
    public String toString() {
        return "CsvMapping[" + name + ", columns=" + columns + ", constants=" + constants + "]";
    }

    /** Builds a {@link CsvMapping}; {@link #build()} checks that every needed field has a source. */
    public static final class Builder {
        private String name = "custom";
        private final Map<Field, String> columns = new EnumMap<>(Field.class);
        private final Map<Field, String> constants = new EnumMap<>(Field.class);
        private final Map<String, String> types = new LinkedHashMap<>();
        private Optional<String> refundPrefix = Optional.empty();
        private Optional<String> timeFormat = Optional.empty();
        private ZoneId timeZone = ZoneOffset.UTC;
        private char separator = ',';
        private boolean decimalComma;

        private Builder() {}

        /**
         * A name for messages and reports.
         *
         * @param name the name, not blank
         * @return this builder
         */
        public Builder name(String name) {
            checkArgument(name != null && !name.isBlank(), "name must not be blank, got '%s'", name);
            this.name = name;
            return this;
        }

        /**
         * The header's name of the column holding {@code field}; replaces a constant for it.
         *
         * @param field the field
         * @param column the column's name in the header, matched ignoring case and surrounding spaces
         * @return this builder
         */
        public Builder column(Field field, String column) {
            requireNonNull(field, "field");
            checkArgument(column != null && !column.isBlank(), "column of %s must not be blank, got '%s'",
                    field.key(), column);
            columns.put(field, column.strip());
            constants.remove(field);
            return this;
        }

        /**
         * One value of {@code field} for every row; replaces a column for it.
         *
         * @param field the field
         * @param value its value in every row, written as in a CSV cell (say {@code order} or {@code EUR})
         * @return this builder
         */
        public Builder constant(Field field, String value) {
            requireNonNull(field, "field");
            checkArgument(value != null && !value.isBlank(), "constant %s must not be blank, got '%s'",
                    field.key(), value);
            constants.put(field, value.strip());
            columns.remove(field);
            return this;
        }

        /**
         * The type column's {@code value} means {@code eventType}.
         *
         * @param value a value of the type column, like {@code purchase}
         * @param eventType {@code view}, {@code cart}, {@code order} or {@code refund}
         * @return this builder
         */
        public Builder type(String value, String eventType) {
            checkArgument(value != null && !value.isBlank(), "type value must not be blank, got '%s'", value);
            checkArgument(EVENT_TYPES.contains(eventType), "type '%s' must map to view, cart, order or refund, got '%s'",
                    value, eventType);
            types.put(value.strip(), eventType);
            return this;
        }

        /**
         * Order ids starting with {@code prefix} are refunds (cancellation invoices).
         *
         * @param prefix the prefix, not blank, like {@code C}
         * @return this builder
         */
        public Builder refundPrefix(String prefix) {
            checkArgument(prefix != null && !prefix.isBlank(), "refund_prefix must not be blank, got '%s'", prefix);
            this.refundPrefix = Optional.of(prefix);
            return this;
        }

        /**
         * A {@link DateTimeFormatter} pattern for the time column.
         *
         * @param pattern the pattern, like {@code M/d/yyyy H:mm}; a pattern with an offset or zone
         *     ({@code Z}) reads times with their own offset
         * @return this builder
         * @throws IllegalArgumentException naming the pattern, if it is not a date-time pattern
         */
        public Builder timeFormat(String pattern) {
            requireNonNull(pattern, "pattern");
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("time_format '" + pattern + "' is not a date-time pattern: "
                        + e.getMessage(), e);
            }
            this.timeFormat = Optional.of(pattern);
            return this;
        }

        /**
         * The zone of times written without an offset (default UTC).
         *
         * @param zone the zone, like {@code Europe/London}
         * @return this builder
         */
        public Builder timeZone(ZoneId zone) {
            this.timeZone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The character between fields (default a comma).
         *
         * @param separator the separator, like {@code ;}; not a double quote or a line end
         * @return this builder
         */
        public Builder separator(char separator) {
            checkArgument(separator != '"' && separator != '\n' && separator != '\r',
                    "separator must not be a quote or a line end, got '%s'", separator);
            this.separator = separator;
            return this;
        }

        /**
         * Whether amounts are written with a decimal comma ({@code 12,50}); needs another separator
         * than a comma.
         *
         * @param decimalComma true for a decimal comma, false (the default) for a decimal point
         * @return this builder
         */
        public Builder decimalComma(boolean decimalComma) {
            this.decimalComma = decimalComma;
            return this;
        }

        /**
         * The mapping, checked: the time, the customer and the type need a column or a constant,
         * and the amount comes from {@code amount} or {@code unit_price}, not both.
         *
         * @return the immutable mapping
         * @throws IllegalArgumentException naming the setting at fault and its value
         */
        public CsvMapping build() {
            requireSource(Field.OCCURRED_AT);
            requireSource(Field.CUSTOMER_ID);
            requireSource(Field.TYPE);
            checkArgument(!(has(Field.AMOUNT) && has(Field.UNIT_PRICE)),
                    "a mapping gives amount or unit_price, not both, got columns %s", columns);
            checkArgument(!decimalComma || separator != ',',
                    "decimal_comma needs a separator other than ',', got '%s'", separator);
            constants.forEach((field, value) -> {
                if (field == Field.TYPE) {
                    checkArgument(EVENT_TYPES.contains(value) || types.containsKey(value),
                            "constant type must be view, cart, order or refund, got '%s'", value);
                }
            });
            return new CsvMapping(this);
        }

        private boolean has(Field field) {
            return columns.containsKey(field) || constants.containsKey(field);
        }

        private void requireSource(Field field) {
            checkArgument(has(field), "a mapping needs a column or a constant for %s, got columns %s",
                    field.key(), columns);
        }
    }

    /** A mapping JSON that cannot be used: the message names the source, the JSON path at fault and why. */
    public static final class InvalidMappingException extends RetentionException {
        private static final long serialVersionUID = 1L;
        /** The JSON path at fault. */
        private final String path;

        InvalidMappingException(String source, String path, String message) {
            super("bad CSV mapping " + source + " at " + path + ": " + message);
            this.path = path;
        }

        /**
         * The JSON path at fault.
         *
         * @return the path, like {@code $.columns.amout}; {@code $} for the mapping as a whole
         */
        public String path() {
            return path;
        }
    }
}
