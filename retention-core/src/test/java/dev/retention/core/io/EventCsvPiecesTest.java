package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CoreArbitraries;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A large file is read in pieces on all cores: the pieces must read as the whole file does. */
class EventCsvPiecesTest {

    @Property(tries = 60)
    void aFileReadInPiecesGivesWhatReadingItWholeGives(@ForAll("events") List<CustomerEvent> events,
            @ForAll long seed, @ForAll @IntRange(min = 16, max = 400) int pieceBytes, @ForAll boolean badRow)
            throws IOException {
        StringWriter out = new StringWriter();
        EventCsvWriter.create().write(events, out);
        List<String> rows = new ArrayList<>(List.of(out.toString().split("\n")));
        String header = rows.remove(0);
        Collections.shuffle(rows, new Random(seed));
        if (badRow && !rows.isEmpty()) {
            // a bad line of an order whose other lines may sit in other pieces
            rows.add(new Random(seed).nextInt(rows.size()), rows.get(0).replaceFirst(",[0-9]+\\.[0-9]+,USD,", ",x,USD,"));
        }
        String text = header + "\n" + String.join("\n", rows) + "\n";
        Path file = Files.createTempFile("pieces", ".csv");
        try {
            Files.writeString(file, text);
            EventCsvReader reader = EventCsvReader.lenient();
            CsvImport whole = reader.read(new StringReader(text));
            CsvImport inPieces = reader.withPieceBytes(pieceBytes).readInPieces(file, Files.size(file))
                    .orElseThrow(() -> new AssertionError("a file without quotes is read in pieces"));

            assertThat(inPieces.events()).isEqualTo(whole.events());
            assertThat(inPieces.problems()).isEqualTo(whole.problems());
            assertThat(List.of(inPieces.rowsRead(), inPieces.duplicateRows(), inPieces.ordersMerged(),
                    inPieces.ordersSpreadInTime())).isEqualTo(List.of(whole.rowsRead(), whole.duplicateRows(),
                    whole.ordersMerged(), whole.ordersSpreadInTime()));
            EventCsvReader strict = EventCsvReader.strict();
            Object wholeStrict = strictOutcome(() -> strict.read(new StringReader(text)).events());
            Object piecesStrict = strictOutcome(() -> strict.withPieceBytes(pieceBytes).read(file).events());
            assertThat(piecesStrict).isEqualTo(wholeStrict);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * An order's lines spread over the file with an odd line among them (another customer,
     * another currency, a line id with other content, a repeat of a line), and a line that cannot
     * be read after it: wherever the pieces are cut, each line is judged against the order's lines
     * before it in the file, as the sequential reader judges it.
     */
    @Property(tries = 60)
    void anOrdersOddLineIsJudgedInFileOrderWhereverThePiecesAreCut(@ForAll @IntRange(min = 2, max = 6) int lines,
            @ForAll @IntRange(min = 0, max = 3) int odd, @ForAll long seed,
            @ForAll @IntRange(min = 16, max = 200) int pieceBytes, @ForAll boolean unreadable) throws IOException {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            rows.add(orderLine("c1", "p" + i, "USD", "l" + i));
        }
        int j = 1 + random.nextInt(lines);
        String[] odds = {orderLine("c2", "p" + j, "USD", "l" + j), orderLine("c1", "p" + j, "EUR", "l" + j),
            orderLine("c1", "p9", "USD", "l" + j), orderLine("c1", "p" + j, "USD", "l" + j)};
        rows.add(random.nextInt(rows.size() + 1), odds[odd]);
        if (unreadable) {
            rows.add(random.nextInt(rows.size() + 1), orderLine("c1", "p8", "USD", "l8").replace("1.00", "x"));
        }
        StringBuilder text = new StringBuilder(
                "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity,event_id\n");
        int views = 0;
        for (String row : rows) {
            for (int k = random.nextInt(3); k > 0; k--) {
                text.append("2026-01-01T00:00:00Z,c5,view,v").append(++views).append(",,,,,\n");
            }
            text.append(row).append('\n');
        }
        Path file = Files.createTempFile("pieces", ".csv");
        try {
            Files.writeString(file, text);
            for (EventCsvReader reader : List.of(EventCsvReader.lenient(), EventCsvReader.strict())) {
                Object whole = outcome(() -> reader.read(new StringReader(text.toString())));
                Object inPieces = outcome(() -> {
                    try {
                        return reader.withPieceBytes(pieceBytes).readInPieces(file, Files.size(file)).orElseThrow();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertThat(inPieces).isEqualTo(whole);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static String orderLine(String customer, String product, String currency, String lineId) {
        return "2026-01-01T00:00:00Z," + customer + ",order," + product + ",o1,1.00," + currency + ",1," + lineId;
    }

    /** What a read gives: its events, problems and counts, or the problem a strict read stopped at. */
    private static Object outcome(java.util.function.Supplier<CsvImport> read) {
        try {
            CsvImport r = read.get();
            return List.of(r.events(), r.problems(), r.rowsRead(), r.duplicateRows(), r.ordersMerged());
        } catch (CsvFormatException e) {
            return List.of("stopped", e.problem());
        }
    }

    /** The events, or the problem a strict read stopped at. */
    private static Object strictOutcome(java.util.function.Supplier<List<CustomerEvent>> read) {
        try {
            return read.get();
        } catch (CsvFormatException e) {
            return e.problem();
        }
    }

    @Provide
    Arbitrary<List<CustomerEvent>> events() {
        return CoreArbitraries.eventSets().map(list -> list.stream().filter(e -> !(e instanceof CustomEvent)).toList());
    }
}
