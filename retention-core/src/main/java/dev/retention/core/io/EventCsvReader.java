package dev.retention.core.io;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.EventStore;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
 * line, column and value; the whole file is read, and its events checked as a store will check
 * them (refunds within their order's total and currency, a customer's sums within a {@code long}),
 * before anything is stored, so a bad file stores nothing. Lenient mode skips and reports: a bad
 * row rejects its whole order (or refund, or cart), and an event a store would refuse is rejected,
 * each reported in {@link CsvImport#problems()} with every line it rejects; no event is stored in
 * part. What happens when a store refuses an event because of events it held before:
 * {@link #importInto}.
 * Instances are immutable and thread-safe.
 */
public final class EventCsvReader {
    /** The columns every file in the library's own format needs. */
    public static final List<String> REQUIRED_COLUMNS = List.of("occurred_at", "customer_id", "type", "product_id",
            "order_id", "amount", "currency", "quantity");

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

    /**
     * A reader that stops at the first bad row; nothing is returned or stored from a bad file.
     *
     * @return a strict reader of the library's own format in UTF-8, reporting no progress
     */
    public static EventCsvReader strict() {
        return new EventCsvReader(false, CsvMapping.standard(), StandardCharsets.UTF_8, CsvProgress.none(),
                PIECE_BYTES);
    }

    /**
     * A reader that skips bad rows, each with its whole order (or refund, or cart), and reports
     * them in {@link CsvImport#problems()}.
     *
     * @return a lenient reader of the library's own format in UTF-8, reporting no progress
     */
    public static EventCsvReader lenient() {
        return new EventCsvReader(true, CsvMapping.standard(), StandardCharsets.UTF_8, CsvProgress.none(),
                PIECE_BYTES);
    }

    /**
     * This reader for files in a shop's own layout.
     *
     * @param mapping which columns hold the fields, the separator, the time format
     * @return a reader like this one with that mapping; this one is unchanged
     */
    public EventCsvReader withMapping(CsvMapping mapping) {
        return new EventCsvReader(lenient, requireNonNull(mapping, "mapping"), charset, progress, pieceBytes);
    }

    /**
     * This reader for files in {@code charset} (default UTF-8), for files read from a path. The
     * charset must write the CSV's syntax characters as ASCII does (ISO-8859-1, windows-1252 do;
     * UTF-16 does not: save such files as UTF-8).
     *
     * @param charset the files' charset
     * @return a reader like this one with that charset; this one is unchanged
     * @throws IllegalArgumentException naming the charset, if it writes those characters otherwise
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

    /**
     * This reader telling {@code progress} how far a file is read (files read from a path only).
     *
     * @param progress hears the bytes read, e.g. {@link CsvProgress#bar}
     * @return a reader like this one with that listener; this one is unchanged
     */
    public EventCsvReader withProgress(CsvProgress progress) {
        return new EventCsvReader(lenient, mapping, charset, requireNonNull(progress, "progress"), pieceBytes);
    }

    /** This reader splitting files into pieces of {@code bytes}: tests read small files in pieces. */
    EventCsvReader withPieceBytes(long bytes) {
        return new EventCsvReader(lenient, mapping, charset, progress, bytes);
    }

    /**
     * The layout this reader reads.
     *
     * @return the mapping, {@link CsvMapping#standard()} unless {@link #withMapping} set another
     */
    public CsvMapping mapping() {
        return mapping;
    }

    /**
     * Reads a whole file without storing it, checking its bytes against the charset and its
     * events as {@link #importInto} does before it stores them (a file whose events a store
     * would refuse is bad: strict mode throws, lenient mode rejects those events). Files of 8 MB
     * and more are read in pieces on all cores, with the same result.
     *
     * @param file the CSV file
     * @return the events and, in lenient mode, the rejected rows; {@link CsvImport#eventsStored()}
     *     is empty
     * @throws CsvFormatException in strict mode, for the first bad row, naming its line, column and
     *     value
     * @throws UncheckedIOException if the file cannot be read
     */
    public CsvImport read(Path file) {
        return readResult(file).imported();
    }

    private ImportRun.Result readResult(Path file) {
        requireNonNull(file, "file");
        try {
            long total = Files.size(file);
            if (total >= 2 * pieceBytes && charset.equals(StandardCharsets.UTF_8)
                    && Runtime.getRuntime().availableProcessors() > 1) {
                Optional<ImportRun.Result> inPieces = readResultInPieces(file, total);
                if (inPieces.isPresent()) {
                    return inPieces.get();
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                CheckedDecoder decoder = new CheckedDecoder(in, charset, lenient,
                        read -> progress.bytesRead(read, total));
                return new ImportRun(decoder, 1, mapping, lenient).read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event CSV " + file, e);
        } finally {
            progress.finished();
        }
    }

    /** As {@link #readResultInPieces}, the import alone. */
    Optional<CsvImport> readInPieces(Path file, long total) throws IOException {
        return readResultInPieces(file, total).map(ImportRun.Result::imported);
    }

    /**
     * Reads a large file in pieces cut at record boundaries (see {@link FilePieces}), decoded and
     * parsed on all cores: the lines of an order that fall in one piece are grouped there, the
     * others when the pieces are joined in file order, and all checked against each other then, in
     * file order, as the sequential reader checks them. Empty for a file that only the sequential
     * reader reads or reports exactly (bytes that are not UTF-8, a lone CR, broken quotes).
     */
    Optional<ImportRun.Result> readResultInPieces(Path file, long total) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Optional<FilePieces> split = FilePieces.split(channel, total, pieceBytes, mapping.separator());
            if (split.isEmpty()) {
                return Optional.empty();
            }
            FilePieces pieces = split.get();
            int n = pieces.count();
            ImportRun[] runs = new ImportRun[n];
            runs[0] = new ImportRun(pieces.reader(0), 1, mapping, lenient, pieces.linesAbout(0));
            CsvHeader header;
            try {
                header = runs[0].header();
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
            CsvFormatException[] errors = new CsvFormatException[n];
            AtomicBoolean utf8 = new AtomicBoolean(true);
            long[] read = {0};
            IntStream.range(0, n).parallel().forEach(i -> {
                if (!utf8.get()) {
                    return;
                }
                try {
                    if (i > 0) {
                        runs[i] = new ImportRun(pieces.reader(i), pieces.firstLines[i], mapping, lenient,
                                pieces.linesAbout(i)).asLaterPiece();
                    }
                    runs[i].rows(header);
                } catch (CsvFormatException e) {
                    errors[i] = e;
                } catch (CharacterCodingException e) {
                    utf8.set(false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                synchronized (read) {
                    read[0] += pieces.bytes(i);
                    progress.bytesRead(read[0], total);
                }
            });
            if (!utf8.get()) {
                return Optional.empty();
            }
            if (errors[0] != null) {
                throw errors[0];
            }
            // a later piece's problem is thrown as the pieces are joined: an order's line before
            // it may be found bad only against the order's lines in earlier pieces
            runs[0].absorbAll(runs, errors);
            return Optional.of(runs[0].build());
        }
    }

    /**
     * Reads text already decoded, as {@link #read(Path)} reads a file but for the encoding check.
     *
     * @param reader the CSV text; read to its end, not closed
     * @return the events and, in lenient mode, the rejected rows
     * @throws CsvFormatException in strict mode, for the first bad row
     * @throws UncheckedIOException if the reader fails
     */
    public CsvImport read(Reader reader) {
        requireNonNull(reader, "reader");
        try {
            return new ImportRun(reader, 1, mapping, lenient).read().imported();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event CSV", e);
        }
    }

    /**
     * Reads the whole file, then stores its events.
     *
     * <p>Before storing anything the import checks the file's events as the store will (see
     * {@link EventStore#append}): per customer and currency, the sums of orders and of refunds
     * must fit a {@code long} of minor units; per order, its refunds must be in its currency and
     * add up to its total at most. Each customer's events are checked in time order, as the
     * history has them. In strict mode the first event that fails is a
     * {@link CsvFormatException} naming its lines, the customer and the value, and nothing is
     * stored; in lenient mode that order or refund is rejected with its lines and reported in
     * {@link CsvImport#problems()} (cause {@code amount} or {@code currency}).
     *
     * <p>The store may still refuse an event because of events it held before the import (a
     * refund that, with refunds stored earlier, exceeds its order; an order that overflows a
     * customer's stored totals). The import never hides that: in strict mode it stops at the
     * first refusal with a {@link CsvPartialImportException} saying exactly how many of the
     * file's events were stored and which was refused (the events stored stay stored: a store has
     * no rollback, and importing the fixed file again skips them as repeats); in lenient mode the
     * refused event alone is rejected, reported with its lines under the cause {@code store}, and
     * left out of {@link CsvImport#events()}, and the rest of the file is stored.
     *
     * @param store where the events go; each is handed to {@link EventStore#append} on its own
     * @param file the CSV file
     * @return what was read and stored, with {@link CsvImport#eventsStored()} telling how many
     *     events were new
     * @throws CsvFormatException in strict mode, for a bad row or an event the store would refuse
     *     whatever it held; nothing was stored
     * @throws CsvPartialImportException in strict mode, when the store refused an event because of
     *     events it held before
     * @throws UncheckedIOException if the file cannot be read
     */
    public CsvImport importInto(EventStore store, Path file) {
        requireNonNull(store, "store");
        return new StoreAppend(store, lenient).append(readResult(file));
    }

    /**
     * Reads events into {@code sink}. The lines of an order may stand anywhere in the file, so the
     * whole file is read before the first event is handed over; a bad file in strict mode hands
     * over nothing.
     *
     * @param reader the CSV text; read to its end, not closed
     * @param sink takes each event, in the order of {@link CsvImport#events()}
     * @return the rejected rows (lenient mode; empty in strict mode)
     * @throws CsvFormatException in strict mode, for the first bad row, before any event is handed over
     */
    public List<CsvProblem> stream(Reader reader, Consumer<? super CustomerEvent> sink) {
        requireNonNull(sink, "sink");
        CsvImport result = read(reader);
        result.events().forEach(sink);
        return result.problems();
    }

}
