package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CoreArbitraries;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Files with quotes are cut into pieces only at line ends outside quotes: a quoted note holding
 * line ends, separators and doubled quotes, CRLF and LF mixed, an order's lines spread over the
 * file, must read in pieces exactly as the sequential reader reads them.
 */
class EventCsvQuotedPiecesTest {

    @Property(tries = 80)
    void aQuotedFileReadInPiecesGivesWhatReadingItWholeGives(@ForAll("events") List<CustomerEvent> events,
            @ForAll long seed, @ForAll @IntRange(min = 16, max = 300) int pieceBytes, @ForAll boolean badRow)
            throws IOException {
        Random random = new Random(seed);
        List<String[]> rows = rows(events);
        Collections.shuffle(rows, random);
        if (badRow && !rows.isEmpty()) {
            // a bad line of an order whose other lines may sit in other pieces
            String[] bad = rows.get(0).clone();
            bad[5] = bad[5].isEmpty() ? "" : "x";
            rows.add(random.nextInt(rows.size()), bad);
        }
        String text = csv(rows, random);

        withFile(text, file -> {
            for (EventCsvReader reader : List.of(EventCsvReader.lenient(), EventCsvReader.strict())) {
                Object whole = outcome(() -> reader.read(new StringReader(text)));
                Optional<Object> inPieces = outcomeInPieces(reader.withPieceBytes(pieceBytes), file);
                assertThat(inPieces).as("a file with well-formed quotes is read in pieces").isPresent();
                assertThat(inPieces.get()).isEqualTo(whole);
                assertThat(outcome(() -> reader.withPieceBytes(pieceBytes).read(file))).isEqualTo(whole);
            }
        });
    }

    @Property(tries = 40)
    void aFileWithBrokenQuotesIsReadWholeWithTheSameResult(@ForAll("events") List<CustomerEvent> events,
            @ForAll long seed, @ForAll @IntRange(min = 16, max = 300) int pieceBytes, @ForAll boolean unclosed)
            throws IOException {
        Random random = new Random(seed);
        List<String[]> rows = rows(events);
        String text = csv(rows, random);
        int at = random.nextInt(text.length() - text.indexOf('\n')) + text.indexOf('\n') + 1;
        // a quote that never closes, or text after a closing quote, somewhere after the header
        String broken = text.substring(0, at) + (unclosed ? "\"" : "\"a\"b,") + text.substring(at);

        withFile(broken, file -> {
            EventCsvReader reader = EventCsvReader.lenient().withPieceBytes(pieceBytes);
            Object whole = outcome(() -> reader.read(new StringReader(broken)));
            assertThat(outcome(() -> reader.read(file))).isEqualTo(whole);
            EventCsvReader strict = EventCsvReader.strict().withPieceBytes(pieceBytes);
            assertThat(outcome(() -> strict.read(file))).isEqualTo(outcome(() -> strict.read(new StringReader(broken))));
        });
    }

    /**
     * Shrunk from seed -2210999164792672840 of the property above: the second piece starts with
     * the order's odd line (a stray quote in its customer), so that piece alone took it for the
     * order's customer and rejected the order's next line too, and the whole-file read did not.
     */
    @Example
    void anOrderLineRejectedInALaterPieceIsJudgedByTheOrdersFirstLineInTheFile() throws IOException {
        String text = "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n"
                + "2026-01-01T00:00:00Z,c1,order,p1,o1,1.00,USD,1\n"
                + "2026-01-01T00:00:00Z,c\"1,order,p2,o1,2.00,USD,1\n"
                + "2026-01-01T00:00:00Z,c1,order,p3,o1,3.00,USD,1\n";
        // the cut falls at the end of line 2: lines 3 and 4 are the second piece
        long pieceBytes = text.length() / 2;

        withFile(text, file -> {
            EventCsvReader lenient = EventCsvReader.lenient().withPieceBytes(pieceBytes);
            CsvImport whole = lenient.read(new StringReader(text));
            assertThat(whole.problems()).extracting(CsvProblem::line, CsvProblem::rejectedLines)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, List.of(2L, 3L, 4L)));
            Optional<CsvImport> inPieces = lenient.readInPieces(file, Files.size(file));
            assertThat(inPieces).isPresent();
            assertThat(summary(inPieces.get())).isEqualTo(summary(whole));

            EventCsvReader strict = EventCsvReader.strict().withPieceBytes(pieceBytes);
            assertThat(outcomeInPieces(strict, file)).contains(outcome(() -> strict.read(new StringReader(text))))
                    .contains(List.of("stopped", whole.problems().get(0).rejecting(List.of(3L))));
        });
    }

    /** The writer's rows as cells (no cell of these events holds a comma or a quote). */
    private static List<String[]> rows(List<CustomerEvent> events) {
        StringWriter out = new StringWriter();
        EventCsvWriter.create().write(events, out);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            rows.add(line.split(",", -1));
        }
        rows.remove(0);
        return rows;
    }

    /**
     * A header with a note column the reader ignores, then the rows with cells quoted at random
     * (spaces after a closing quote too), notes holding line ends, separators and quotes, line
     * ends LF or CRLF and blank lines between rows.
     */
    private static String csv(List<String[]> rows, Random random) {
        StringBuilder text = new StringBuilder(
                "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity,event_id,note\n");
        String[] notes = {"", "plain", "\"with, a comma\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"",
            "\"\r\n\"", "\"\"", "\"a\n\"\"b\"\"\n,c\""};
        for (String[] cells : rows) {
            for (int i = 0; i < cells.length; i++) {
                int how = random.nextInt(4);
                text.append(how == 0 ? "\"" + cells[i] + "\"" : how == 1 ? "\"" + cells[i] + "\"  " : cells[i]);
                text.append(',');
            }
            text.append(notes[random.nextInt(notes.length)]);
            text.append(random.nextBoolean() ? "\r\n" : "\n");
            if (random.nextInt(10) == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private interface FileCheck {
        void check(Path file) throws IOException;
    }

    private static void withFile(String text, FileCheck check) throws IOException {
        Path file = Files.createTempFile("quoted-pieces", ".csv");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            check.check(file);
        } finally {
            Files.delete(file);
        }
    }

    private static Optional<Object> outcomeInPieces(EventCsvReader reader, Path file) throws IOException {
        try {
            return reader.readInPieces(file, Files.size(file)).map(EventCsvQuotedPiecesTest::summary);
        } catch (CsvFormatException e) {
            return Optional.of(List.of("stopped", e.problem()));
        }
    }

    /** What a read gives: its events, problems and counts, or the problem a strict read stopped at. */
    private static Object outcome(Supplier<CsvImport> read) {
        try {
            return summary(read.get());
        } catch (CsvFormatException e) {
            return List.of("stopped", e.problem());
        }
    }

    private static List<Object> summary(CsvImport read) {
        return List.of(read.events(), read.problems(), read.rowsRead(), read.duplicateRows(), read.ordersMerged(),
                read.ordersSpreadInTime());
    }

    @Provide
    Arbitrary<List<CustomerEvent>> events() {
        return CoreArbitraries.eventSets().map(list -> list.stream().filter(e -> !(e instanceof CustomEvent)).toList());
    }
}
