package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.ProductViewed;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Views are held as columns until they are asked for (see {@link ViewColumns}): what comes out
 * must be the events that went in, whatever the ids' characters, the times' precision and where
 * the pieces are cut.
 */
class EventCsvViewColumnsTest {

    @Property(tries = 80)
    void viewsComeBackAsTheyWereWrittenWholeAndInPieces(@ForAll("views") @Size(min = 1, max = 40) List<ProductViewed> views,
            @ForAll @IntRange(min = 16, max = 300) int pieceBytes) throws IOException {
        List<ProductViewed> distinct = distinctIds(views);
        String text = csv(distinct);
        Path file = Files.createTempFile("views", ".csv");
        try {
            Files.writeString(file, text);
            CsvImport whole = EventCsvReader.strict().read(new StringReader(text));
            CsvImport inPieces = EventCsvReader.strict().withPieceBytes(pieceBytes).readInPieces(file, Files.size(file))
                    .orElseThrow(() -> new AssertionError("a UTF-8 file without quotes is read in pieces"));

            assertThat(whole.events()).containsExactlyElementsOf(distinct);
            assertThat(inPieces.events()).containsExactlyElementsOf(distinct);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aViewRepeatedInALaterPieceIsADuplicateAndAnIdReusedForAnotherViewIsRejectedWithBothLines()
            throws IOException {
        String header = "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity,event_id\n";
        String view = "2026-03-01T10:00:00.123456789Z,c\u00e9,view,p\u65e5,,,,,v\ud83d\ude00\n";
        String filler = "2026-03-01T11:00:00Z,c2,view,p2,,,,,w%d\n";
        StringBuilder text = new StringBuilder(header).append(view);
        for (int i = 0; i < 20; i++) {
            text.append(String.format(filler, i));
        }
        text.append(view); // line 23: the same view again
        text.append("2026-03-02T10:00:00Z,c\u00e9,view,p3,,,,,v\ud83d\ude00\n"); // line 24: its id, other content
        Path file = Files.createTempFile("views", ".csv");
        try {
            Files.writeString(file, text);
            CsvImport read = EventCsvReader.lenient().withPieceBytes(64).readInPieces(file, Files.size(file))
                    .orElseThrow();

            assertThat(read.events()).hasSize(21);
            assertThat(read.events().get(0)).isEqualTo(new ProductViewed("v\ud83d\ude00", CustomerId.of("c\u00e9"),
                    Instant.parse("2026-03-01T10:00:00.123456789Z"), ProductId.of("p\u65e5")));
            assertThat(read.duplicateRows()).isEqualTo(1);
            assertThat(read.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(24);
                assertThat(p.column()).isEqualTo("event_id");
                assertThat(p.message()).contains("is used on line 2 for another event");
            });
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theEventsOfAnImportAreUnmodifiableAndEqualToTheirCopy() {
        String text = "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n"
                + "2026-03-01,c1,view,p1,,,,\n"
                + "2026-03-01T10:00:00Z,c1,order,p1,o1,12.50,EUR,1\n";
        CsvImport read = EventCsvReader.strict().read(new StringReader(text));

        assertThat(read.events()).hasSize(2);
        assertThat(read.events().get(0).eventId()).isEqualTo("view:c1:p1@2026-03-01T00:00:00Z");
        assertThat(List.copyOf(read.events())).isEqualTo(read.events());
        assertThat(read.withEventsStored(1).events()).isEqualTo(read.events());
        List<CustomerEvent> events = read.events();
        assertThatThrownBy(() -> events.add(events.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> events.set(0, events.get(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> events.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<ProductViewed> distinctIds(List<ProductViewed> views) {
        List<ProductViewed> distinct = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ProductViewed v : views) {
            if (seen.add(v.customerId().value() + "/" + v.eventId())) {
                distinct.add(v);
            }
        }
        return distinct;
    }

    private static String csv(List<ProductViewed> views) throws IOException {
        StringWriter out = new StringWriter();
        EventCsvWriter.create().write(views, out);
        return out.toString();
    }

    @Provide
    Arbitrary<List<ProductViewed>> views() {
        // ids with ASCII, two- and three-byte and supplementary characters, but no CSV syntax
        Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().withChars("\u00e9\u00df\u65e5\u0416")
                .withCharRange('\ud83d', '\ud83d').ofMinLength(1).ofMaxLength(8)
                .map(s -> s.replace("\ud83d", "\ud83d\ude00"));
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n % 3 == 0 ? 0 : n)));
        Arbitrary<ProductViewed> view = Combinators.combine(ids, ids, times, ids)
                .as((id, customer, time, product) -> new ProductViewed(id, CustomerId.of(customer), time,
                        ProductId.of(product)));
        return view.list();
    }
}
