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
