package dev.retention.core.io;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.internal.UtcInstants;
import dev.retention.core.io.CsvMapping.Field;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads event logs in the library's CSV format, or a shop's own export through a {@link CsvMapping}.
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
 *   <li>{@code order_id}: required for orders and refunds. An order is its order id: every order row
 *       with that id is one of its lines, wherever it stands in the file. The order's time is its
 *       earliest line's, its id {@code order:<order_id>}. Refund rows with the same order id, time
 *       and {@code event_id} are the lines of one refund;
 *   <li>{@code amount}: on an order or refund row, that line's total (not a unit price) as a plain
 *       decimal in the currency's minor unit at most; the order's total is the sum of its rows;
 *   <li>{@code currency}: ISO 4217 code, required with an amount; one per order;
 *   <li>{@code quantity}: units on the line, a whole number from 1, default 1 (informational);
 *   <li>{@code event_id}: on an order row, the line's id: a line repeated with the same id and
 *       content is a duplicate and counted once, with other content an error. On other rows the
 *       event's id (the rows of a cart share it). Without it ids are made from the row's content
 *       ({@code view:c1:p1@2026-03-01T10:00:00Z}), so importing the same file twice stores nothing twice.
 * </ul>
 * Rows of one order id with two customers or two currencies are an error naming both lines, as are
 * two events with one id and different content. An order's and a cart's lines are put in a fixed
 * order (by line id, then content), so any order of a file's rows gives the same events.
 *
 * <h2>Text</h2>
 * UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"), or another charset given with
 * {@link #withCharset}; a byte that is not in the charset is an error naming its line and byte
 * offset. Line ends LF or CRLF; fields in double quotes may hold the separator, line ends and
 * doubled quotes. A {@link CsvMapping} sets the separator and decimal commas.
 *
 * <h2>Modes</h2>
 * Strict mode (the default) stops at the first bad row with a {@link CsvFormatException} naming its
 * line, column and value; the whole file is read before anything is stored, so a bad file stores
 * nothing. Lenient mode skips and reports: a bad row rejects its whole order (or refund, or cart),
 * reported in {@link CsvImport#problems()} with every line it rejects; no event is stored in part.
 * Instances are immutable and thread-safe.
 */
public final class EventCsvReader {
    /** The columns every file in the library's own format needs. */
    public static final List<String> REQUIRED_COLUMNS = List.of("occurred_at", "customer_id", "type", "product_id",
            "order_id", "amount", "currency", "quantity");

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Lines of an order or cart in a fixed order: by line id (shorter first, so 9 before 10), then content. */
    private static final Comparator<Row> LINE_ORDER = EventCsvReader::compareLines;

    private static int compareLines(Row a, Row b) {
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
            c = Long.compare(a.amount == null ? Long.MIN_VALUE : a.amount.minorUnits(),
                    b.amount == null ? Long.MIN_VALUE : b.amount.minorUnits());
        }
        if (c == 0) {
            c = a.occurredAt.compareTo(b.occurredAt);
        }
        return c != 0 ? c : Long.compare(a.line, b.line);
    }

    /** Files of twice this size or more are read in pieces of about this size on all cores. */
    private static final long PIECE_BYTES = 4L << 20;

    private final long pieceBytes;
    private final boolean lenient;
    private final CsvMapping mapping;
    private final Charset charset;
    private final CsvProgress progress;

    private EventCsvReader(boolean lenient, CsvMapping mapping, Charset charset, CsvProgress progress,
            long pieceBytes) {
        this.pieceBytes = pieceBytes;
        this.lenient = lenient;
        this.mapping = mapping;
        this.charset = charset;
        this.progress = progress;
    }

    /** Stops at the first bad row; nothing is returned or stored from a bad file. */
    public static EventCsvReader strict() {
        return new EventCsvReader(false, CsvMapping.standard(), StandardCharsets.UTF_8, CsvProgress.none(),
                PIECE_BYTES);
    }

    /** Skips bad rows with their whole order and reports them. */
    public static EventCsvReader lenient() {
        return new EventCsvReader(true, CsvMapping.standard(), StandardCharsets.UTF_8, CsvProgress.none(),
                PIECE_BYTES);
    }

    /** This reader for files in a shop's own layout. */
    public EventCsvReader withMapping(CsvMapping mapping) {
        return new EventCsvReader(lenient, requireNonNull(mapping, "mapping"), charset, progress, pieceBytes);
    }

    /**
     * This reader for files in {@code charset} (default UTF-8), for files read from a path. The
     * charset must write the CSV's syntax characters as ASCII does (ISO-8859-1, windows-1252 do;
     * UTF-16 does not: save such files as UTF-8).
     */
    public EventCsvReader withCharset(Charset charset) {
        requireNonNull(charset, "charset");
        byte[] syntax = "\",;\t\r\n".getBytes(charset);
        if (!Arrays.equals(syntax, "\",;\t\r\n".getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("charset must write quotes, separators and line ends as ASCII does, got "
                    + charset.name());
        }
        return new EventCsvReader(lenient, mapping, charset, progress, pieceBytes);
    }

    /** This reader telling {@code progress} how far a file is read. */
    public EventCsvReader withProgress(CsvProgress progress) {
        return new EventCsvReader(lenient, mapping, charset, requireNonNull(progress, "progress"), pieceBytes);
    }

    /** This reader splitting files into pieces of {@code bytes}: tests read small files in pieces. */
    EventCsvReader withPieceBytes(long bytes) {
        return new EventCsvReader(lenient, mapping, charset, progress, bytes);
    }

    public CsvMapping mapping() {
        return mapping;
    }

    public CsvImport read(Path file) {
        requireNonNull(file, "file");
        try {
            long total = Files.size(file);
            if (total >= 2 * pieceBytes && charset.equals(StandardCharsets.UTF_8)
                    && Runtime.getRuntime().availableProcessors() > 1) {
                Optional<CsvImport> inPieces = readInPieces(file, total);
                if (inPieces.isPresent()) {
                    return inPieces.get();
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                CheckedDecoder decoder = new CheckedDecoder(in, charset, lenient,
                        read -> progress.bytesRead(read, total));
                return new Run(decoder).read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event CSV " + file, e);
        } finally {
            progress.finished();
        }
    }

    /**
     * Reads a large file in pieces split at line ends, decoded and parsed on all cores: the lines of
     * an order that fall in one piece are grouped there, the others when the pieces are joined in
     * file order. Empty for a file with quotes (a quoted line end could split a piece wrongly), lone
     * CRs or bytes that are not UTF-8, which the sequential reader reads or reports exactly.
     */
    Optional<CsvImport> readInPieces(Path file, long total) throws IOException {
        int n = (int) Math.max(1, Math.min(100_000, total / pieceBytes));
        long[] starts = new long[n + 1];
        starts[n] = total;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer probe = ByteBuffer.allocate(1 << 16);
            for (int i = 1; i < n; i++) {
                starts[i] = Math.max(starts[i - 1], lineStart(channel, total * i / n, probe));
            }
            CharBuffer[] text = new CharBuffer[n];
            long[] newlines = new long[n];
            AtomicBoolean plain = new AtomicBoolean(true);
            long[] read = {0};
            IntStream.range(0, n).parallel().forEach(i -> {
                if (plain.get()) {
                    ByteBuffer bytes = readPiece(channel, starts[i], starts[i + 1]);
                    newlines[i] = plainLines(bytes);
                    if (newlines[i] < 0) {
                        plain.set(false);
                        return;
                    }
                    try {
                        text[i] = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
                    } catch (CharacterCodingException e) {
                        plain.set(false);
                        return;
                    }
                    synchronized (read) {
                        read[0] += starts[i + 1] - starts[i];
                        progress.bytesRead(read[0], total);
                    }
                }
            });
            if (!plain.get()) {
                return Optional.empty();
            }
            long[] firstLine = new long[n];
            firstLine[0] = 1;
            for (int i = 1; i < n; i++) {
                firstLine[i] = firstLine[i - 1] + newlines[i - 1];
            }
            Run[] runs = new Run[n];
            runs[0] = new Run(reader(text[0]), 1);
            Header header = runs[0].header();
            CsvFormatException[] errors = new CsvFormatException[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                try {
                    if (i > 0) {
                        runs[i] = new Run(reader(text[i]), firstLine[i]);
                    }
                    runs[i].rows(header);
                } catch (CsvFormatException e) {
                    errors[i] = e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                text[i] = null;
            });
            for (CsvFormatException e : errors) {
                if (e != null) {
                    throw e;
                }
            }
            for (int i = 1; i < n; i++) {
                runs[0].absorb(runs[i]);
                runs[i] = null;
            }
            return Optional.of(runs[0].build());
        }
    }

    private static Reader reader(CharBuffer text) {
        return new CharArrayReader(text.array(), text.arrayOffset() + text.position(), text.remaining());
    }

    private static ByteBuffer readPiece(FileChannel channel, long from, long to) {
        ByteBuffer bytes = ByteBuffer.allocate((int) (to - from));
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, from + bytes.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.flip();
    }

    /** The piece's line ends, or -1 if it holds a quote, a NUL or a lone CR (read sequentially). */
    private static long plainLines(ByteBuffer bytes) {
        byte[] a = bytes.array();
        long lines = 0;
        for (int k = 0, end = bytes.limit(); k < end; k++) {
            byte b = a[k];
            if (b == '\n') {
                lines++;
            } else if (b == '"' || b == 0 || (b == '\r' && (k + 1 == end || a[k + 1] != '\n'))) {
                return -1;
            }
        }
        return lines;
    }

    /** The first line start after {@code from}. */
    private static long lineStart(FileChannel channel, long from, ByteBuffer probe) throws IOException {
        long at = from;
        while (true) {
            probe.clear();
            int r = channel.read(probe, at);
            if (r <= 0) {
                return channel.size();
            }
            for (int k = 0; k < r; k++) {
                if (probe.get(k) == '\n') {
                    return at + k + 1;
                }
            }
            at += r;
        }
    }

    /** Reads text already decoded; see {@link #read(Path)} for files, which checks their encoding. */
    public CsvImport read(Reader reader) {
        requireNonNull(reader, "reader");
        try {
            return new Run(reader).read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event CSV", e);
        }
    }

    /**
     * Reads the whole file, then stores its events: in strict mode a bad file stores nothing, in
     * lenient mode every event read is whole.
     *
     * @return what was read, with {@link CsvImport#eventsStored()} telling how many were new
     */
    public CsvImport importInto(EventStore store, Path file) {
        requireNonNull(store, "store");
        CsvImport result = read(file);
        return result.withEventsStored(append(store, result.events()));
    }

    private static long append(EventStore store, List<CustomerEvent> events) {
        if (store instanceof InMemoryEventStore && events.size() > 10_000) {
            // thread-safe per customer, and a file's events have distinct ids per customer, so the
            // order of the appends does not change what is stored
            return events.parallelStream().filter(store::append).count();
        }
        return store.appendAll(events);
    }

    /**
     * Reads events into {@code sink}. The lines of an order may stand anywhere in the file, so the
     * whole file is read before the first event is handed over; a bad file in strict mode hands
     * over nothing.
     *
     * @return the skipped rows (lenient mode)
     */
    public List<CsvProblem> stream(Reader reader, Consumer<? super CustomerEvent> sink) {
        requireNonNull(sink, "sink");
        CsvImport result = read(reader);
        result.events().forEach(sink);
        return result.problems();
    }

    /** One import: rows into groups (an order, a refund, a cart, a view), groups into events. */
    private final class Run {
        private final CsvRecords records;
        private final CheckedDecoder decoder;
        /** Every group in the order of its first row; only groups that can take more rows have a key. */
        private final List<Group> groups = new ArrayList<>();
        private final Map<GroupKey, Group> byKey = new HashMap<>();
        private final List<CsvProblem> problems = new ArrayList<>();
        private long rows;
        private long duplicates;
        private long merged;
        private long spread;

        Run(Reader reader) {
            this(reader, 1);
        }

        Run(Reader reader, long firstLine) {
            this.records = new CsvRecords(reader, mapping.separator(), firstLine);
            this.decoder = reader instanceof CheckedDecoder d ? d : null;
        }

        CsvImport read() throws IOException {
            rows(header());
            return build();
        }

        Header header() throws IOException {
            String[] names = records.next();
            if (names == null) {
                throw new CsvFormatException(new CsvProblem(1, "header", "", "the file is empty; expected a header"));
            }
            return Header.parse(names, mapping, badBytes());
        }

        /** Takes in the groups of the next piece of the file, merging those of one order. */
        void absorb(Run piece) {
            rows += piece.rows;
            for (Group group : piece.groups) {
                Group earlier = group.key == null ? null : byKey.get(group.key);
                if (earlier == null) {
                    groups.add(group);
                    if (group.key != null) {
                        byKey.put(group.key, group);
                    }
                } else {
                    earlier.absorb(group, this);
                }
            }
        }

        void rows(Header header) throws IOException {
            for (String[] cells = next(); cells != null; cells = next()) {
                rows++;
                long line = records.recordLine();
                CsvProblem encoding = badBytes();
                Group group = group(header.groupKey(cells));
                group.lines.add(line);
                if (encoding != null) {
                    fail(group, encoding);
                    continue;
                }
                try {
                    group.add(header.row(cells, line));
                    if (group.key == null) {
                        // an event on its own is built at once: its row need not live until the end
                        group.event = group.toEvent();
                        group.rows.clear();
                    }
                } catch (CsvFormatException e) {
                    fail(group, e.problem());
                }
            }
        }

        private String[] next() throws IOException {
            try {
                return records.next();
            } catch (CsvFormatException e) {
                // an unclosed quote swallowed the rest of the file: nothing after it can be read
                if (!lenient) {
                    throw e;
                }
                Group group = group(null);
                group.lines.add(e.problem().line());
                fail(group, e.problem());
                return null;
            }
        }

        private Group group(GroupKey key) {
            Group group = key == null ? null : byKey.get(key);
            if (group == null) {
                group = new Group(key);
                groups.add(group);
                if (key != null) {
                    byKey.put(key, group);
                }
            }
            return group;
        }

        /** The first bad byte sequence within the last record, if any (lenient mode queues them). */
        private CsvProblem badBytes() {
            if (decoder == null) {
                return null;
            }
            CsvProblem first = null;
            while (!decoder.bad().isEmpty() && decoder.bad().peek().line() <= records.lastLine()) {
                CsvProblem p = decoder.bad().poll().problem();
                if (first == null) {
                    first = new CsvProblem(records.recordLine(), p.column(), p.value(), p.message());
                }
            }
            return first;
        }

        void fail(Group group, CsvProblem problem) {
            if (!lenient) {
                throw new CsvFormatException(problem);
            }
            group.problems.add(problem);
        }

        private CsvImport build() {
            List<CustomerEvent> events = new ArrayList<>();
            Map<EventKey, Located> byId = new HashMap<>(groups.size() * 2);
            Object[] built = new Object[groups.size()];
            IntStream range = IntStream.range(0, built.length);
            (built.length > 10_000 ? range.parallel() : range).forEach(i -> {
                Group group = groups.get(i);
                if (group.problems.isEmpty()) {
                    try {
                        built[i] = group.toEvent();
                    } catch (CsvFormatException e) {
                        built[i] = e;
                    }
                }
            });
            for (int i = 0; i < built.length; i++) {
                Group group = groups.get(i);
                if (group.problems.isEmpty()) {
                    try {
                        if (built[i] instanceof CsvFormatException e) {
                            throw e;
                        }
                        CustomerEvent event = (CustomerEvent) built[i];
                        EventKey id = new EventKey(event.customerId().value(), event.eventId());
                        Located earlier = byId.get(id);
                        if (earlier == null) {
                            byId.put(id, new Located(event, group.lines.get(0)));
                            events.add(event);
                            if (event instanceof OrderPlaced) {
                                merged += group.rows.size() > 1 ? 1 : 0;
                                spread += group.spreadInTime() ? 1 : 0;
                            }
                            continue;
                        }
                        if (earlier.event.equals(event)) {
                            duplicates += group.lines.size() - group.duplicateLines;
                            continue;
                        }
                        fail(group, new CsvProblem(group.lines.get(0), "event_id", event.eventId(), "event id "
                                + event.eventId() + " of customer " + event.customerId().value() + " is used on line "
                                + earlier.line + " for another event"));
                    } catch (CsvFormatException e) {
                        fail(group, e.problem());
                    }
                }
                List<Long> lines = group.lines.stream().sorted().toList();
                group.problems.forEach(p -> problems.add(p.rejecting(lines)));
            }
            problems.sort(Comparator.comparingLong(CsvProblem::line));
            return new CsvImport(events, problems, rows, duplicates + groups.stream()
                    .mapToLong(g -> g.duplicateLines).sum(), merged, spread, OptionalLong.empty());
        }
    }

    private record Located(CustomerEvent event, long line) {}

    /**
     * The event a row belongs to: an order by its id; a refund by order, time and event id; a
     * cart by customer, time and event id.
     */
    private record GroupKey(char kind, String id, Object time, String eventId) {}

    private record EventKey(String customer, String eventId) {}

    /** The rows of one event; a bad one makes the whole group a problem. */
    private static final class Group {
        /** Null for a row that is an event on its own. */
        final GroupKey key;
        final List<Long> lines = new ArrayList<>(1);
        final List<Row> rows = new ArrayList<>(1);
        final List<CsvProblem> problems = new ArrayList<>(0);
        long duplicateLines;
        /** The event, once built. */
        CustomerEvent event;
        private Map<String, Row> lineIds;

        Group(GroupKey key) {
            this.key = key;
        }

        /** Takes the rows of the same order from a later piece of the file. */
        void absorb(Group later, Run run) {
            lines.addAll(later.lines);
            duplicateLines += later.duplicateLines;
            for (CsvProblem p : later.problems) {
                run.fail(this, p);
            }
            for (Row row : later.rows) {
                try {
                    add(row);
                } catch (CsvFormatException e) {
                    run.fail(this, e.problem());
                }
            }
        }

        Row first() {
            return rows.get(0);
        }

        void add(Row row) {
            if (!rows.isEmpty()) {
                Row other = first();
                if (!other.customerId.equals(row.customerId)) {
                    throw row.problem("customer_id", row.customerId.value(), "rows of " + row.type + " "
                            + row.orderId + " name different customers (" + other.customerId.value() + " on line "
                            + other.line + ")");
                }
                if (other.amount != null && row.amount != null
                        && !other.amount.currency().equals(row.amount.currency())) {
                    throw row.problem("currency", row.amount.currency().getCurrencyCode(), "rows of " + row.type
                            + " " + row.orderId + " have different currencies ("
                            + other.amount.currency().getCurrencyCode() + " on line " + other.line + ")");
                }
            }
            if (row.type.equals("order") && !row.eventId.isEmpty()) {
                if (lineIds == null) {
                    lineIds = new HashMap<>();
                }
                Row other = lineIds.putIfAbsent(row.eventId, row);
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

        boolean spreadInTime() {
            Instant time = first().occurredAt;
            return rows.stream().anyMatch(r -> !r.occurredAt.equals(time));
        }

        CustomerEvent toEvent() {
            if (event != null) {
                return event;
            }
            if (rows.size() > 1) {
                rows.sort(LINE_ORDER);
            }
            Row first = first();
            boolean derived = first.eventId.isEmpty();
            try {
                return switch (first.type) {
                    case "view" -> new ProductViewed(derived
                            ? "view:" + first.customerId.value() + ":" + first.productId + "@" + first.occurredAt
                            : first.eventId, first.customerId, first.occurredAt, ProductId.of(first.productId));
                    case "cart" -> new CartUpdated(derived
                            ? "cart:" + first.customerId.value() + "@" + first.occurredAt : first.eventId,
                            first.customerId, first.occurredAt, lines());
                    case "order" -> new OrderPlaced("order:" + first.orderId, first.customerId, earliest(),
                            OrderId.of(first.orderId), lines(), total());
                    default -> new OrderRefunded(derived ? "refund:" + first.orderId + "@" + first.occurredAt
                            : first.eventId, first.customerId, first.occurredAt, OrderId.of(first.orderId), total());
                };
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw first.problem("row", first.type, e.getMessage());
            }
        }

        private Instant earliest() {
            Instant time = first().occurredAt;
            for (Row row : rows) {
                if (row.occurredAt.isBefore(time)) {
                    time = row.occurredAt;
                }
            }
            return time;
        }

        private List<LineItem> lines() {
            List<LineItem> lines = new ArrayList<>(rows.size());
            for (Row row : rows) {
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
            Money total = first().amount;
            for (int i = 1; i < rows.size(); i++) {
                total = total.plus(rows.get(i).amount);
            }
            return total;
        }
    }

    /** The header resolved against the mapping: where each field is, or its constant. */
    private static final class Header {
        private final CsvMapping mapping;
        private final int[] index = new int[Field.values().length];
        private final String[] constant = new String[Field.values().length];

        private Header(CsvMapping mapping) {
            this.mapping = mapping;
            Arrays.fill(index, -1);
        }

        static Header parse(String[] names, CsvMapping mapping, CsvProblem badBytes) {
            if (badBytes != null) {
                throw new CsvFormatException(badBytes);
            }
            Header header = new Header(mapping);
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                Integer earlier = byName.putIfAbsent(name, i);
                if (earlier != null) {
                    throw new CsvFormatException(new CsvProblem(1, names[i].strip(), String.join(",", names),
                            "column '" + names[i].strip() + "' appears twice in the header (columns " + (earlier + 1)
                                    + " and " + (i + 1) + "); which one holds the data is unclear"));
                }
            }
            mapping.constants().forEach((field, value) -> header.constant[field.ordinal()] = value);
            mapping.columns().forEach((field, column) -> {
                Integer i = byName.get(column.toLowerCase(Locale.ROOT));
                if (i != null) {
                    header.index[field.ordinal()] = i;
                } else if (field != Field.EVENT_ID) {
                    throw new CsvFormatException(new CsvProblem(1, column, String.join(",", names),
                            "the header lacks column '" + column + "'; expected " + expected(mapping)));
                }
            });
            return header;
        }

        private static String expected(CsvMapping mapping) {
            if (mapping == CsvMapping.standard()) {
                return String.join(",", REQUIRED_COLUMNS) + "[,event_id]";
            }
            return String.join(",", mapping.columns().values()) + " (mapping " + mapping.name() + ")";
        }

        String cell(String[] cells, Field field) {
            String c = constant[field.ordinal()];
            if (c != null) {
                return c;
            }
            int i = index[field.ordinal()];
            return i < 0 || i >= cells.length ? "" : cells[i].strip();
        }

        /** The event type of a row, if its type value is known. */
        Optional<String> type(String[] cells) {
            Optional<String> type = mapping.eventType(cell(cells, Field.TYPE));
            if (type.isPresent() && type.get().equals("order") && mapping.refundPrefix().isPresent()
                    && cell(cells, Field.ORDER_ID).startsWith(mapping.refundPrefix().get())) {
                return Optional.of("refund");
            }
            return type;
        }

        /**
         * Which event a row belongs to, known even when the row is bad, so that a bad line rejects
         * its whole order; {@code null} for a row that is an event on its own.
         */
        GroupKey groupKey(String[] cells) {
            Optional<String> type = type(cells);
            String order = cell(cells, Field.ORDER_ID);
            if (type.isEmpty()) {
                return null;
            }
            return switch (type.get()) {
                case "order" -> order.isEmpty() ? null : new GroupKey('o', order, null, null);
                case "refund" -> order.isEmpty() ? null
                        : new GroupKey('r', order, timeKey(cells), cell(cells, Field.EVENT_ID));
                case "cart" -> new GroupKey('c', cell(cells, Field.CUSTOMER_ID), timeKey(cells),
                        cell(cells, Field.EVENT_ID));
                default -> null;
            };
        }

        /** The row's instant, or its text when that is no time (the row is then rejected anyway). */
        private Object timeKey(String[] cells) {
            String raw = cell(cells, Field.OCCURRED_AT);
            try {
                return parseTime(raw);
            } catch (DateTimeParseException e) {
                return raw;
            }
        }

        Instant parseTime(String text) {
            Optional<DateTimeFormatter> format = mapping.formatter();
            if (format.isPresent()) {
                TemporalAccessor t = format.get().parseBest(text, ZonedDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                if (t instanceof ZonedDateTime z) {
                    return z.toInstant();
                }
                if (t instanceof LocalDateTime l) {
                    return l.atZone(mapping.timeZone()).toInstant();
                }
                return ((LocalDate) t).atStartOfDay(mapping.timeZone()).toInstant();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z")) {
                Instant fast = UtcInstants.parseOrNull(text);
                return fast != null ? fast : Instant.parse(text);
            }
            return OffsetDateTime.parse(text).toInstant();
        }

        Row row(String[] cells, long line) {
            return new Row(this, cells, line);
        }
    }

    /** One parsed row; every step names its column in the error it throws. */
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

        Row(Header header, String[] cells, long line) {
            this.line = line;
            for (String cell : cells) {
                if (cell.indexOf('\u0000') >= 0) {
                    throw problem("row", cell.replace('\u0000', ' ').strip(),
                            "a NUL character: the file looks like UTF-16; save it as UTF-8");
                }
            }
            String rawTime = header.cell(cells, Field.OCCURRED_AT);
            this.occurredAt = parseTime(header, rawTime);
            String customer = header.cell(cells, Field.CUSTOMER_ID);
            if (customer.isEmpty()) {
                throw problem("customer_id", customer, "customer_id is required");
            }
            this.customerId = CustomerId.of(customer);
            String rawType = header.cell(cells, Field.TYPE);
            this.type = header.type(cells).orElseThrow(() -> problem("type", rawType,
                    "type must be view, cart, order or refund"
                            + (header.mapping.types().isEmpty() ? "" : " or one of " + header.mapping.types().keySet())));
            this.eventId = header.cell(cells, Field.EVENT_ID);
            this.productId = header.cell(cells, Field.PRODUCT_ID);
            this.orderId = header.cell(cells, Field.ORDER_ID);
            this.quantity = parseQuantity(header.cell(cells, Field.QUANTITY));
            String currency = header.cell(cells, Field.CURRENCY);
            boolean unitPrices = header.mapping.columns().containsKey(Field.UNIT_PRICE)
                    || header.mapping.constants().containsKey(Field.UNIT_PRICE);
            this.amount = unitPrices
                    ? parseAmount(header, "unit_price", header.cell(cells, Field.UNIT_PRICE), currency, quantity)
                    : parseAmount(header, "amount", header.cell(cells, Field.AMOUNT), currency, 1);
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

        boolean sameContent(Row other) {
            return type.equals(other.type) && occurredAt.equals(other.occurredAt)
                    && customerId.equals(other.customerId) && productId.equals(other.productId)
                    && orderId.equals(other.orderId) && java.util.Objects.equals(amount, other.amount)
                    && quantity == other.quantity;
        }

        private Instant parseTime(Header header, String text) {
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

        private Money parseAmount(Header header, String column, String text, String currency, int times) {
            if (text.isEmpty()) {
                return null;
            }
            if (currency.isEmpty()) {
                throw problem("currency", currency, "currency is required when " + column + " is given");
            }
            Currency parsed;
            try {
                parsed = Currency.getInstance(currency);
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
}
