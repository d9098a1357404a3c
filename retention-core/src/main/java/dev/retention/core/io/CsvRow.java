package dev.retention.core.io;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.ProductId;
import dev.retention.core.io.CsvMapping.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.regex.Pattern;

/** One parsed row; every step names its column in the error it throws. */
final class CsvRow {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    final long line;
    final String type;
    /**
     * The row's time as seconds and nanos, its amount as minor units and currency, not as an
     * {@link Instant} and a {@link Money}: the rows of orders, carts and refunds live until the whole
     * file is read, and two small objects each were a tenth of what the collector copied.
     */
    private final long seconds;
    private final int nanos;
    final CustomerId customerId;
    final String eventId;
    final String productId;
    /** The product's id object, null where {@link #product} makes it (and reports a bad one). */
    private final ProductId product;
    final String orderId;
    /** Null where the row has no amount. */
    private final Currency currency;
    private final long minorUnits;
    final int quantity;

    CsvRow(CsvHeader header, String[] cells, long line, IdCache ids) {
        this.line = line;
        for (String cell : cells) {
            if (cell.indexOf('\u0000') >= 0) {
                throw problem("row", cell.replace('\u0000', ' ').strip(),
                        "a NUL character: the file looks like UTF-16; save it as UTF-8");
            }
        }
        String rawTime = header.cell(cells, Field.OCCURRED_AT);
        Instant occurredAt = parseTime(header, rawTime);
        this.seconds = occurredAt.getEpochSecond();
        this.nanos = occurredAt.getNano();
        String customer = header.cell(cells, Field.CUSTOMER_ID);
        if (customer.isEmpty()) {
            throw problem("customer_id", customer, "customer_id is required");
        }
        this.customerId = ids.customer(customer);
        String rawType = header.cell(cells, Field.TYPE);
        this.type = header.type(cells).orElseThrow(() -> problem("type", rawType,
                "type must be view, cart, order or refund"
                        + (header.mapping.types().isEmpty() ? "" : " or one of " + header.mapping.types().keySet())));
        this.eventId = header.cell(cells, Field.EVENT_ID);
        this.productId = header.cell(cells, Field.PRODUCT_ID);
        this.product = ids.productOrNull(productId);
        this.orderId = header.cell(cells, Field.ORDER_ID);
        this.quantity = parseQuantity(header.cell(cells, Field.QUANTITY));
        String currency = header.cell(cells, Field.CURRENCY);
        boolean unitPrices = header.mapping.columns().containsKey(Field.UNIT_PRICE)
                || header.mapping.constants().containsKey(Field.UNIT_PRICE);
        Money amount = unitPrices
                ? parseAmount(header, ids, "unit_price", header.cell(cells, Field.UNIT_PRICE), currency, quantity)
                : parseAmount(header, ids, "amount", header.cell(cells, Field.AMOUNT), currency, 1);
        this.currency = amount == null ? null : amount.currency();
        this.minorUnits = amount == null ? 0 : amount.minorUnits();
        switch (type) {
            case "view" -> require("product_id", productId);
            case "order", "refund" -> {
                require("order_id", orderId);
                if (amount == null) {
                    throw problem(unitPrices ? "unit_price" : "amount", "", (unitPrices ? "unit_price" : "amount")
                            + " is required on " + type + " rows");
                }
                if (type.equals("order") && !productId.isEmpty() && amount.isNegative()) {
                    throw problem(unitPrices ? "unit_price" : "amount", amount.toBigDecimal().toPlainString(),
                            "an order line's amount must not be negative");
                }
            }
            default -> { }
        }
    }

    /** The row's time. */
    Instant occurredAt() {
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Compares the rows' times. */
    int compareTime(CsvRow other) {
        int c = Long.compare(seconds, other.seconds);
        return c != 0 ? c : Integer.compare(nanos, other.nanos);
    }

    /** The row's amount, or null where it has none. */
    Money amount() {
        return currency == null ? null : Money.ofMinor(minorUnits, currency);
    }

    /** The amount's currency, or null where the row has no amount. */
    Currency currency() {
        return currency;
    }

    /** The amount in minor units, {@code Long.MIN_VALUE} where the row has none (so it sorts first). */
    long minorUnitsOrMin() {
        return currency == null ? Long.MIN_VALUE : minorUnits;
    }

    /** The product's id; throws as {@link ProductId#of} does for a bad one. */
    ProductId product() {
        return product != null ? product : ProductId.of(productId);
    }

    boolean sameContent(CsvRow other) {
        return type.equals(other.type) && compareTime(other) == 0
                && customerId.equals(other.customerId) && productId.equals(other.productId)
                && orderId.equals(other.orderId) && java.util.Objects.equals(currency, other.currency)
                && minorUnits == other.minorUnits && quantity == other.quantity;
    }

    private Instant parseTime(CsvHeader header, String text) {
        if (text.isEmpty()) {
            throw problem("occurred_at", text, "occurred_at is required");
        }
        try {
            return header.parseTime(text);
        } catch (DateTimeParseException e) {
            throw problem("occurred_at", text, header.mapping.timeFormat()
                    .map(f -> "occurred_at must be a time like the pattern " + f)
                    .orElse("occurred_at must be an ISO instant like 2026-03-01T10:15:30Z or a date like 2026-03-01"));
        }
    }

    private Money parseAmount(CsvHeader header, IdCache ids, String column, String text, String currency, int times) {
        if (text.isEmpty()) {
            return null;
        }
        if (currency.isEmpty()) {
            throw problem("currency", currency, "currency is required when " + column + " is given");
        }
        Currency parsed;
        try {
            parsed = ids.currency(currency);
        } catch (IllegalArgumentException e) {
            throw problem("currency", currency, "currency must be an ISO 4217 code like USD");
        }
        String plain = text;
        if (header.mapping.decimalComma()) {
            if (text.indexOf('.') >= 0) {
                throw problem(column, text, column + " must be written with a decimal comma like 12,50"
                        + " and no thousands separator");
            }
            plain = text.replace(',', '.');
        }
        long fast = minorUnits(plain, Money.fractionDigits(parsed), times);
        if (fast != Long.MIN_VALUE) {
            return Money.ofMinor(fast, parsed);
        }
        if (!PLAIN_DECIMAL.matcher(plain).matches()) {
            throw problem(column, text, column + " must be a plain decimal number like "
                    + (header.mapping.decimalComma() ? "12,50" : "12.50"));
        }
        try {
            BigDecimal value = new BigDecimal(plain).multiply(BigDecimal.valueOf(times));
            return Money.parse(value.toPlainString(), parsed);
        } catch (IllegalArgumentException e) {
            throw problem(column, text, times == 1 ? e.getMessage()
                    : "unit price " + text + " x quantity " + times + ": " + e.getMessage());
        }
    }

    /**
     * The common amount, unsigned digits with at most the currency's fraction digits, in minor
     * units times {@code times}, without a regex or a BigDecimal; {@code Long.MIN_VALUE} for
     * anything else, which the exact path reads or rejects.
     */
    private static long minorUnits(String text, int digits, int times) {
        int n = text.length();
        if (n == 0 || n > 15) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        int fraction = -1;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch == '.' && fraction < 0 && i > 0) {
                fraction = 0;
            } else if (ch >= '0' && ch <= '9') {
                value = value * 10 + (ch - '0');
                if (fraction >= 0 && ++fraction > digits) {
                    return Long.MIN_VALUE;
                }
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (fraction == 0) {
            return Long.MIN_VALUE;
        }
        for (int f = Math.max(fraction, 0); f < digits; f++) {
            value *= 10;
        }
        try {
            return Math.multiplyExact(value, times);
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    private int parseQuantity(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        try {
            int q = Integer.parseInt(text);
            if (q < 0 && type.equals("refund")) {
                // a cancellation line counts its returned units as negative
                return -q;
            }
            if (q >= 1) {
                return q;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem("quantity", text, "quantity must be a whole number from 1");
    }

    private void require(String column, String value) {
        if (value.isEmpty()) {
            throw problem(column, value, column + " is required on " + type + " rows");
        }
    }

    CsvFormatException problem(String column, String value, String message) {
        return new CsvFormatException(new CsvProblem(line, column, value, message));
    }
}
