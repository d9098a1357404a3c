package dev.retention.core.io;

import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The rows of one event; a bad one makes the whole group a problem. */
final class RowGroup {
    /**
     * The event a row belongs to: an order by its id; a refund by order, time and event id; a
     * cart by customer, time and event id. The time is its seconds and nanos, or its text when it
     * is no time (the row is then rejected anyway): refunds and carts live keyed until the whole
     * file is read, and an {@link Instant} each was an object more to copy.
     */
    record Key(char kind, String id, long seconds, int nanos, String badTime, String eventId) {
        /** An order's key: its id alone. */
        static Key order(String orderId) {
            return new Key('o', orderId, 0, 0, null, null);
        }

        /** A refund's or cart's key; {@code time} null when {@code rawTime} is no time. */
        static Key timed(char kind, String id, Instant time, String rawTime, String eventId) {
            return time == null ? new Key(kind, id, 0, 0, rawTime, eventId)
                    : new Key(kind, id, time.getEpochSecond(), time.getNano(), null, eventId);
        }

        // written out: the record's generated equals and hashCode go through method handles, and
        // joining the pieces of a file looks up every order, refund and cart once more
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind == k.kind && id.equals(k.id) && seconds == k.seconds
                    && nanos == k.nanos && Objects.equals(badTime, k.badTime) && Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            int time = Long.hashCode(seconds) * 31 + nanos;
            return (((kind * 31 + id.hashCode()) * 31 + time) * 31 + Objects.hashCode(badTime)) * 31
                    + Objects.hashCode(eventId);
        }
    }

    /** Lines of an order or cart in a fixed order: by line id (shorter first, so 9 before 10), then content. */
    private static final Comparator<CsvRow> LINE_ORDER = RowGroup::compareLines;
    /** Orders of up to this many lines find a repeated line id by looking through their rows. */
    private static final int LINES_SCANNED = 16;

    private static int compareLines(CsvRow a, CsvRow b) {
        if (a.eventId.isEmpty() != b.eventId.isEmpty()) {
            return a.eventId.isEmpty() ? 1 : -1;
        }
        int c = Integer.compare(a.eventId.length(), b.eventId.length());
        if (c == 0) {
            c = a.eventId.compareTo(b.eventId);
        }
        if (c == 0) {
            c = a.productId.compareTo(b.productId);
        }
        if (c == 0) {
            c = Integer.compare(a.quantity, b.quantity);
        }
        if (c == 0) {
            c = Long.compare(a.minorUnitsOrMin(), b.minorUnitsOrMin());
        }
        if (c == 0) {
            c = a.compareTime(b);
        }
        return c != 0 ? c : Long.compare(a.line, b.line);
    }

    /** Null for a row that is an event on its own. */
    final RowGroup.Key key;
    /**
     * The group's lines in the order they were read: the first in a field, the others in an array
     * only for groups of several rows, so that a view (most rows of a shop's log) costs no list
     * while the whole file is held.
     */
    private long firstLine;
    private long[] moreLines;
    private int lineCount;
    final List<CsvRow> rows = new ArrayList<>(1);
    /** Empty and immutable until the first problem. */
    List<CsvProblem> problems = List.of();
    long duplicateLines;
    private Map<String, CsvRow> lineIds;

    RowGroup(RowGroup.Key key) {
        this.key = key;
    }

    void addLine(long line) {
        if (lineCount == 0) {
            firstLine = line;
        } else {
            if (moreLines == null) {
                moreLines = new long[4];
            } else if (lineCount - 1 == moreLines.length) {
                moreLines = Arrays.copyOf(moreLines, moreLines.length * 2);
            }
            moreLines[lineCount - 1] = line;
        }
        lineCount++;
    }

    /** The number of lines read into this group, repeated lines included. */
    int lineCount() {
        return lineCount;
    }

    /** The line read first. */
    long firstLine() {
        return firstLine;
    }

    /** The group's lines in ascending order. */
    long[] sortedLines() {
        long[] all = new long[lineCount];
        if (lineCount > 0) {
            all[0] = firstLine;
            System.arraycopy(moreLines == null ? all : moreLines, 0, all, 1, lineCount - 1);
            Arrays.sort(all);
        }
        return all;
    }

    /** The group's lines in ascending order, as a problem lists them. */
    List<Long> sortedLineList() {
        return Arrays.stream(sortedLines()).boxed().toList();
    }

    void addProblem(CsvProblem problem) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(1);
        }
        problems.add(problem);
    }

    /**
     * Takes the rows of the same order from a later piece of the file, which collected them
     * unchecked ({@link #addUnchecked}), checking them as if read after this group's.
     */
    void absorb(RowGroup later, ImportRun run) {
        for (int i = 0; i < later.lineCount; i++) {
            addLine(i == 0 ? later.firstLine : later.moreLines[i - 1]);
        }
        addInLineOrder(later.rows, later.problems, run);
    }

    /**
     * Checks the rows of a group that a later piece of the file collected unchecked and that no
     * earlier piece holds lines of: its first row is the group's first in the file.
     */
    void check(ImportRun run) {
        if (rows.size() + problems.size() <= 1) {
            return; // one row is checked against nothing
        }
        List<CsvRow> read = new ArrayList<>(rows);
        List<CsvProblem> found = problems;
        rows.clear();
        problems = List.of();
        addInLineOrder(read, found, run);
    }

    /**
     * Adds rows and the problems of the rows that could not be read, merged by line as the
     * sequential reader meets them: each row is checked against the group's rows before it.
     */
    private void addInLineOrder(List<CsvRow> later, List<CsvProblem> found, ImportRun run) {
        int p = 0;
        for (CsvRow row : later) {
            for (; p < found.size() && found.get(p).line() < row.line; p++) {
                run.fail(this, found.get(p));
            }
            try {
                add(row);
            } catch (CsvFormatException e) {
                run.fail(this, e.problem());
            }
        }
        for (; p < found.size(); p++) {
            run.fail(this, found.get(p));
        }
    }

    /** Collects a row of a later piece of the file, checked when the pieces are joined. */
    void addUnchecked(CsvRow row) {
        rows.add(row);
    }

    CsvRow first() {
        return rows.get(0);
    }

    void add(CsvRow row) {
        if (!rows.isEmpty()) {
            CsvRow other = first();
            if (!other.customerId.equals(row.customerId)) {
                throw row.problem("customer_id", row.customerId.value(), "rows of " + row.type + " "
                        + row.orderId + " name different customers (" + other.customerId.value() + " on line "
                        + other.line + ")");
            }
            if (other.currency() != null && row.currency() != null && !other.currency().equals(row.currency())) {
                throw row.problem("currency", row.currency().getCurrencyCode(), "rows of " + row.type
                        + " " + row.orderId + " have different currencies ("
                        + other.currency().getCurrencyCode() + " on line " + other.line + ")");
            }
        }
        if (row.type.equals("order") && !row.eventId.isEmpty()) {
            CsvRow other = sameLineId(row);
            if (other != null) {
                if (row.sameContent(other)) {
                    duplicateLines++;
                    return;
                }
                throw row.problem("event_id", row.eventId, "line id " + row.eventId + " of order " + row.orderId
                        + " is used on line " + other.line + " for another line");
            }
        }
        rows.add(row);
    }

    /** The row with {@code row}'s line id, if any, remembering {@code row}'s. */
    private CsvRow sameLineId(CsvRow row) {
        if (lineIds == null) {
            if (rows.size() < LINES_SCANNED) {
                // most orders have a few lines: no map for each of them while the file is held
                for (CsvRow other : rows) {
                    if (other.eventId.equals(row.eventId)) {
                        return other;
                    }
                }
                return null;
            }
            lineIds = new HashMap<>();
            for (CsvRow other : rows) {
                if (!other.eventId.isEmpty()) {
                    lineIds.putIfAbsent(other.eventId, other);
                }
            }
        }
        return lineIds.putIfAbsent(row.eventId, row);
    }

    boolean spreadInTime() {
        CsvRow first = first();
        for (CsvRow row : rows) {
            if (row.compareTime(first) != 0) {
                return true;
            }
        }
        return false;
    }

    CustomerEvent toEvent() {
        if (rows.size() > 1) {
            rows.sort(LINE_ORDER);
        }
        return toEvent(first(), rows);
    }

    /** The event of a row that is an event on its own, without a group for it. */
    static CustomerEvent eventOf(CsvRow row) {
        // a view (most rows of a log) needs no list of its one row
        return toEvent(row, null);
    }

    /** The event of {@code rows} in their line order, {@code first} alone when {@code rows} is null. */
    private static CustomerEvent toEvent(CsvRow first, List<CsvRow> given) {
        List<CsvRow> rows = given == null && !first.type.equals("view") ? List.of(first) : given;
        boolean derived = first.eventId.isEmpty();
        Instant occurredAt = first.occurredAt();
        try {
            return switch (first.type) {
                case "view" -> new ProductViewed(derived
                        ? "view:" + first.customerId.value() + ":" + first.productId + "@" + occurredAt
                        : first.eventId, first.customerId, occurredAt, first.product());
                case "cart" -> new CartUpdated(derived
                        ? "cart:" + first.customerId.value() + "@" + occurredAt : first.eventId,
                        first.customerId, occurredAt, lines(rows));
                case "order" -> new OrderPlaced("order:" + first.orderId, first.customerId, earliest(rows),
                        OrderId.of(first.orderId), lines(rows), total(rows));
                default -> new OrderRefunded(derived ? "refund:" + first.orderId + "@" + occurredAt
                        : first.eventId, first.customerId, occurredAt, OrderId.of(first.orderId), total(rows));
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw first.problem("row", first.type, e.getMessage());
        }
    }

    private static Instant earliest(List<CsvRow> rows) {
        CsvRow earliest = rows.get(0);
        for (int i = 1; i < rows.size(); i++) {
            CsvRow row = rows.get(i);
            if (row.compareTime(earliest) < 0) {
                earliest = row;
            }
        }
        return earliest.occurredAt();
    }

    private static List<LineItem> lines(List<CsvRow> rows) {
        List<LineItem> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CsvRow row = rows.get(i);
            if (!row.productId.isEmpty()) {
                Money amount = row.amount();
                if (amount == null) {
                    throw row.problem("amount", "", "amount is required on a " + row.type + " line with a product");
                }
                lines.add(new LineItem(row.product(), row.quantity, amount));
            }
        }
        return lines;
    }

    /**
     * The sum of the rows' amounts, which {@link #add} found in one currency, in minor units: no
     * {@link Money} per row. Overflow throws as {@link Money#plus} does.
     */
    private static Money total(List<CsvRow> rows) {
        CsvRow first = rows.get(0);
        long total = first.minorUnitsOrMin();
        for (int i = 1; i < rows.size(); i++) {
            total = Math.addExact(total, rows.get(i).minorUnitsOrMin());
        }
        return Money.ofMinor(total, first.currency());
    }
}
