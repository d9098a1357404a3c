package dev.retention.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.retention.core.Money;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Writes events in the CSV format {@link EventCsvReader} reads, with the {@code event_id} column,
 * so that reading the output gives back the same events, with two exceptions the format implies:
 * an order comes back with the id {@code order:<order_id>} (on an order row {@code event_id} names
 * the line), and a cart's lines come back in the reader's fixed order (by product).
 *
 * <p>An order becomes one row per line, numbered 1, 2, ... in {@code event_id} so that its lines
 * come back in their order; when its total differs from the sum of its lines (shipping, discounts)
 * a row without a product carries the difference. Custom events have no
 * place in the format: {@link #write} refuses them unless told to skip them. Immutable and
 * thread-safe.
 */
public final class EventCsvWriter {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("occurred_at").addColumn("customer_id").addColumn("type").addColumn("product_id")
            .addColumn("order_id").addColumn("amount").addColumn("currency").addColumn("quantity")
            .addColumn("event_id")
            .build().withHeader();

    private final boolean skipCustomEvents;

    private EventCsvWriter(boolean skipCustomEvents) {
        this.skipCustomEvents = skipCustomEvents;
    }

    /**
     * A writer of every event but custom events, which the format cannot hold.
     *
     * @return a writer that throws {@link IllegalArgumentException} naming a custom event it meets
     */
    public static EventCsvWriter create() {
        return new EventCsvWriter(false);
    }

    /**
     * A writer that leaves custom events out and counts them.
     *
     * @return a writer whose {@link #write} returns the number of custom events left out
     */
    public static EventCsvWriter skippingCustomEvents() {
        return new EventCsvWriter(true);
    }

    /**
     * Writes a header and the events, in the order given. Does not close {@code out}.
     *
     * @param events the events; an order becomes one row per line (numbered as its line ids), plus
     *     a row without a product for the part of its total its lines do not cover
     * @param out where the CSV goes
     * @return how many custom events were skipped
     * @throws IllegalArgumentException for a custom event, unless {@link #skippingCustomEvents()}
     * @throws UncheckedIOException if {@code out} fails
     */
    public int write(Iterable<? extends CustomerEvent> events, Writer out) {
        requireNonNull(events, "events");
        requireNonNull(out, "out");
        int skipped = 0;
        try (SequenceWriter rows = MAPPER.writer(SCHEMA).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (CustomerEvent event : events) {
                if (event instanceof ProductViewed v) {
                    rows.write(row(v, "view", v.productId().value(), "", null, ""));
                } else if (event instanceof CartUpdated c) {
                    if (c.items().isEmpty()) {
                        rows.write(row(c, "cart", "", "", null, ""));
                    }
                    for (LineItem item : c.items()) {
                        rows.write(row(c, "cart", item.productId().value(), "", item.amount(),
                                String.valueOf(item.quantity())));
                    }
                } else if (event instanceof OrderPlaced o) {
                    Money rest = o.total();
                    int line = 0;
                    for (LineItem item : o.items()) {
                        rows.write(row(o, "order", item.productId().value(), o.orderId().value(), item.amount(),
                                String.valueOf(item.quantity()), String.valueOf(++line)));
                        rest = rest.minus(item.amount());
                    }
                    if (o.items().isEmpty() || !rest.isZero()) {
                        rows.write(row(o, "order", "", o.orderId().value(), rest, "", String.valueOf(++line)));
                    }
                } else if (event instanceof OrderRefunded r) {
                    rows.write(row(r, "refund", "", r.orderId().value(), r.amount(), ""));
                } else if (event instanceof CustomEvent x) {
                    if (!skipCustomEvents) {
                        throw new IllegalArgumentException("custom event " + x.eventId() + " (" + x.name()
                                + ") has no place in the event CSV format; use skippingCustomEvents()");
                    }
                    skipped++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event CSV", e);
        }
        return skipped;
    }

    private static String[] row(CustomerEvent event, String type, String product, String order, Money amount,
            String quantity) {
        return row(event, type, product, order, amount, quantity, event.eventId());
    }

    private static String[] row(CustomerEvent event, String type, String product, String order, Money amount,
            String quantity, String id) {
        return new String[] {
            time(event.occurredAt()), event.customerId().value(), type, product, order,
            amount == null ? "" : amount.toBigDecimal().toPlainString(),
            amount == null ? "" : amount.currency().getCurrencyCode(), quantity, id
        };
    }

    private static String time(Instant instant) {
        return instant.toString();
    }
}
