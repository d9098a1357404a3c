package dev.retention.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.StoreException;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.internal.UtcInstants;
import dev.retention.core.store.EventStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads event logs in the library's CSV format.
 *
 * <h2>Format</h2>
 * A header row naming the columns, in any order:
 * {@code occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity}, plus an
 * optional {@code event_id}. One row per view, per cart line, per order line and per refund:
 * <ul>
 *   <li>{@code occurred_at}: an ISO instant ({@code 2026-03-01T10:15:30Z}, an offset is allowed) or a
 *       date ({@code 2026-03-01}, meaning the start of that day in UTC);
 *   <li>{@code type}: {@code view}, {@code cart}, {@code order} or {@code refund};
 *   <li>{@code product_id}: required for a view; optional on order lines (a row without a product adds
 *       to the order's total only, as in the CDNOW data); a cart row without one is an emptied cart;
 *   <li>{@code order_id}: required for orders and refunds. Consecutive rows with the same
 *       {@code order_id} (and {@code event_id}, if given) are the lines of one order, or of one refund
 *       when they also share the time; the rows of an order must share customer and time;
 *   <li>{@code amount}: on an order or refund row, that line's total (not a unit price) as a plain
 *       decimal in the currency's minor unit at most; the order's total is the sum of its rows;
 *   <li>{@code currency}: ISO 4217 code, required with an amount;
 *   <li>{@code quantity}: units on the line, a whole number from 1, default 1 (informational);
 *   <li>{@code event_id}: the event's id; without it ids are made from the row's content
 *       ({@code order:T00001}), so importing the same file twice stores nothing twice.
 * </ul>
 *
 * <p>Strict mode (the default) stops at the first bad row with a {@link CsvFormatException}
 * naming its line, column and value, before anything is stored; lenient mode skips bad rows and
 * reports them in {@link CsvImport#problems()}. Instances are immutable and thread-safe.
 */
public final class EventCsvReader {
    /** The columns every file needs. */
    public static final List<String> REQUIRED_COLUMNS = List.of("occurred_at", "customer_id", "type", "product_id",
            "order_id", "amount", "currency", "quantity");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private static final Set<String> TYPES = Set.of("view", "cart", "order", "refund");

    private final boolean lenient;

    private EventCsvReader(boolean lenient) {
        this.lenient = lenient;
    }

    /** Stops at the first bad row; nothing is returned or stored from a bad file. */
    public static EventCsvReader strict() {
        return new EventCsvReader(false);
    }

    /** Skips bad rows and reports them. */
    public static EventCsvReader lenient() {
        return new EventCsvReader(true);
    }

    public CsvImport read(Path file) {
        requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event CSV " + file, e);
        }
    }

    public CsvImport read(Reader reader) {
        List<CustomerEvent> events = new ArrayList<>();
        List<CsvProblem> problems = stream(reader, events::add);
        return new CsvImport(events, problems);
    }

    /**
     * Reads the whole file, then stores its events: in strict mode a bad file stores nothing.
     *
     * @return what was read; {@code store.eventCount()} tells how many were new
     */
    public CsvImport importInto(EventStore store, Path file) {
        requireNonNull(store, "store");
        CsvImport result = read(file);
        store.appendAll(result.events());
        return result;
    }

    /**
     * Reads events one by one into {@code sink} without holding the file in memory, for logs too
     * big for {@link #read}. In strict mode a bad row throws after the events before it were
     * handed over, so the caller decides what a partial read means.
     *
     * @return the skipped rows (lenient mode)
     */
    public List<CsvProblem> stream(Reader reader, Consumer<? super CustomerEvent> sink) {
        requireNonNull(reader, "reader");
        requireNonNull(sink, "sink");
        RowGrouper grouper = new RowGrouper(sink);
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema()).readValues(reader)) {
            if (!rows.hasNextValue()) {
                throw new CsvFormatException(new CsvProblem(1, "header", "", "the file is empty; expected a header"));
            }
            Header header = Header.parse(rows.nextValue());
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                String[] cells = rows.nextValue();
                try {
                    grouper.accept(header.row(cells, line));
                } catch (CsvFormatException e) {
                    if (!lenient) {
                        throw e;
                    }
                    grouper.problems.add(e.problem());
                }
            }
            grouper.flush();
            return grouper.problems;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event CSV", e);
        } catch (RuntimeException e) {
            if (e instanceof CsvFormatException || e instanceof UncheckedIOException) {
                throw e;
            }
            if (e.getCause() instanceof IOException io) {
                throw new StoreException("cannot parse event CSV: " + io.getMessage(), io);
            }
            throw e;
        }
    }

    private record Header(Map<String, Integer> index) {
        static Header parse(String[] names) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.put(names[i].strip().toLowerCase(java.util.Locale.ROOT), i);
            }
            for (String required : REQUIRED_COLUMNS) {
                if (!index.containsKey(required)) {
                    throw new CsvFormatException(new CsvProblem(1, required, String.join(",", names),
                            "the header lacks column '" + required + "'; expected " + String.join(",", REQUIRED_COLUMNS)
                                    + "[,event_id]"));
                }
            }
            return new Header(index);
        }

        Row row(String[] cells, long line) {
            return new Row(this, cells, line);
        }

        String cell(String[] cells, String column) {
            Integer i = index.get(column);
            return i == null || i >= cells.length ? "" : cells[i].strip();
        }
    }

    /** One parsed row; every accessor names its column in the error it throws. */
    private static final class Row {
        final long line;
        final String type;
        final Instant occurredAt;
        final CustomerId customerId;
        final String eventId;
        final String productId;
        final String orderId;
        final Money amount;
        final int quantity;
        final String rawTime;

        Row(Header header, String[] cells, long line) {
            this.line = line;
            this.rawTime = header.cell(cells, "occurred_at");
            this.occurredAt = parseTime(rawTime);
            String customer = header.cell(cells, "customer_id");
            if (customer.isEmpty()) {
                throw problem("customer_id", customer, "customer_id is required");
            }
            this.customerId = CustomerId.of(customer);
            this.type = header.cell(cells, "type");
            if (!TYPES.contains(type)) {
                throw problem("type", type, "type must be view, cart, order or refund");
            }
            this.eventId = header.cell(cells, "event_id");
            this.productId = header.cell(cells, "product_id");
            this.orderId = header.cell(cells, "order_id");
            this.amount = parseAmount(header.cell(cells, "amount"), header.cell(cells, "currency"));
            this.quantity = parseQuantity(header.cell(cells, "quantity"));
            switch (type) {
                case "view" -> require("product_id", productId);
                case "order", "refund" -> {
                    require("order_id", orderId);
                    if (amount == null) {
                        throw problem("amount", "", "amount is required on " + type + " rows");
                    }
                    if (type.equals("order") && !productId.isEmpty() && amount.isNegative()) {
                        throw problem("amount", amount.toBigDecimal().toPlainString(),
                                "an order line's amount must not be negative");
                    }
                }
                default -> { }
            }
        }

        private Instant parseTime(String text) {
            if (text.isEmpty()) {
                throw problem("occurred_at", text, "occurred_at is required");
            }
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                if (text.endsWith("Z")) {
                    Instant fast = UtcInstants.parseOrNull(text);
                    return fast != null ? fast : Instant.parse(text);
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw problem("occurred_at", text, "occurred_at must be an ISO instant like 2026-03-01T10:15:30Z"
                        + " or a date like 2026-03-01");
            }
        }

        private Money parseAmount(String text, String currency) {
            if (text.isEmpty()) {
                return null;
            }
            if (currency.isEmpty()) {
                throw problem("currency", currency, "currency is required when amount is given");
            }
            java.util.Currency parsed;
            try {
                parsed = java.util.Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw problem("currency", currency, "currency must be an ISO 4217 code like USD");
            }
            try {
                return Money.parse(text, parsed);
            } catch (IllegalArgumentException e) {
                throw problem("amount", text, e.getMessage());
            }
        }

        private int parseQuantity(String text) {
            if (text.isEmpty()) {
                return 1;
            }
            try {
                int q = Integer.parseInt(text);
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

    /** Merges consecutive rows of one order, refund or cart into one event. */
    private static final class RowGrouper {
        private final Consumer<? super CustomerEvent> sink;
        private final List<CsvProblem> problems = new ArrayList<>();
        private final Set<String> finishedOrders = new HashSet<>();
        private final List<Row> group = new ArrayList<>();

        RowGrouper(Consumer<? super CustomerEvent> sink) {
            this.sink = sink;
        }

        void accept(Row row) {
            if (!group.isEmpty() && continues(group.get(0), row)) {
                Row first = group.get(0);
                if (!first.customerId.equals(row.customerId)) {
                    throw row.problem("customer_id", row.customerId.value(), "rows of order " + row.orderId
                            + " name different customers (" + first.customerId + " on line " + first.line + ")");
                }
                if (!first.occurredAt.equals(row.occurredAt)) {
                    throw row.problem("occurred_at", row.rawTime, "rows of order " + row.orderId
                            + " have different times (" + first.rawTime + " on line " + first.line + ")");
                }
                if (first.amount != null && row.amount != null
                        && !first.amount.currency().equals(row.amount.currency())) {
                    throw row.problem("currency", row.amount.currency().getCurrencyCode(), "rows of order "
                            + row.orderId + " have different currencies");
                }
                group.add(row);
                return;
            }
            if (row.type.equals("order") && finishedOrders.contains(row.orderId)) {
                throw row.problem("order_id", row.orderId,
                        "order rows must be consecutive, but this order already appeared earlier");
            }
            try {
                flush();
            } finally {
                group.add(row);
            }
        }

        private static boolean continues(Row first, Row row) {
            if (!first.type.equals(row.type) || !first.eventId.equals(row.eventId)) {
                return false;
            }
            return switch (row.type) {
                case "order" -> first.orderId.equals(row.orderId);
                case "refund" -> first.orderId.equals(row.orderId) && first.occurredAt.equals(row.occurredAt);
                case "cart" -> first.customerId.equals(row.customerId) && first.occurredAt.equals(row.occurredAt);
                default -> false;
            };
        }

        void flush() {
            if (group.isEmpty()) {
                return;
            }
            Row first = group.get(0);
            try {
                sink.accept(toEvent(first));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw first.problem("row", first.type, e.getMessage());
            } finally {
                if (first.type.equals("order")) {
                    finishedOrders.add(first.orderId);
                }
                group.clear();
            }
        }

        private CustomerEvent toEvent(Row first) {
            // the derived id only when the row has none: building it formats the instant, per row
            boolean derived = first.eventId.isEmpty();
            return switch (first.type) {
                case "view" -> new ProductViewed(derived
                        ? "view:" + first.customerId + ":" + first.productId + "@" + first.occurredAt : first.eventId,
                        first.customerId, first.occurredAt, ProductId.of(first.productId));
                case "cart" -> new CartUpdated(derived ? "cart:" + first.customerId + "@" + first.occurredAt
                        : first.eventId, first.customerId, first.occurredAt, lines());
                case "order" -> new OrderPlaced(derived ? "order:" + first.orderId : first.eventId,
                        first.customerId, first.occurredAt, OrderId.of(first.orderId), lines(), total());
                default -> new OrderRefunded(derived ? "refund:" + first.orderId + "@" + first.occurredAt
                        : first.eventId, first.customerId, first.occurredAt, OrderId.of(first.orderId), total());
            };
        }

        private List<LineItem> lines() {
            List<LineItem> lines = new ArrayList<>();
            for (Row row : group) {
                if (!row.productId.isEmpty()) {
                    if (row.amount == null) {
                        throw row.problem("amount", "", "amount is required on a " + row.type + " line with a product");
                    }
                    lines.add(new LineItem(ProductId.of(row.productId), row.quantity, row.amount));
                }
            }
            return lines;
        }

        private Money total() {
            Money total = group.get(0).amount;
            for (int i = 1; i < group.size(); i++) {
                total = total.plus(group.get(i).amount);
            }
            return total;
        }
    }
}
