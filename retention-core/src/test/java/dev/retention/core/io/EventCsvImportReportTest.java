package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.InMemoryEventStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCsvImportReportTest {
    private static final String HEADER =
            "event_id,occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n";

    @TempDir
    Path dir;

    @Test
    void theReportCountsRowsEventsStoredDuplicatesMergedOrdersAndRejectedLinesByCause() throws IOException {
        Path file = Files.writeString(dir.resolve("events.csv"), HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l2,2026-03-01T10:01:00Z,c1,order,p2,o1,5.00,USD,1\n"
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "v1,2026-03-01T09:00:00Z,c1,view,p1,,,,\n"
                + "m1,2026-03-02T10:00:00Z,c2,order,p1,o2,1.00,USD,1\n"
                + "m2,2026-03-02T10:00:00Z,c2,order,p1,o2,x,USD,1\n"
                + "v2,soon,c2,view,p1,,,,\n");
        InMemoryEventStore store = new InMemoryEventStore();
        store.append(EventCsvReader.strict().read(new java.io.StringReader(HEADER
                + "v1,2026-03-01T09:00:00Z,c1,view,p1,,,,\n")).events().get(0));

        CsvImport imported = EventCsvReader.lenient().importInto(store, file);

        assertThat(imported.rowsRead()).isEqualTo(7);
        assertThat(imported.events()).extracting(CustomerEvent::eventId).containsExactly("order:o1", "v1");
        assertThat(imported.eventsStored()).hasValue(1);
        assertThat(imported.duplicateRows()).isEqualTo(1);
        assertThat(imported.ordersMerged()).isEqualTo(1);
        assertThat(imported.ordersSpreadInTime()).isEqualTo(1);
        assertThat(imported.linesRejected()).isEqualTo(3);
        assertThat(imported.linesRejectedByCause()).isEqualTo(Map.of("amount", 2L, "occurred_at", 1L));
        assertThat(imported.report()).contains("7 rows read", "2 events (1 stored)", "1 duplicate rows",
                "1 orders merged", "1 spread in time", "3 lines rejected");
    }

    @Test
    void aRepeatedLineIdInALongOrderIsADuplicateWithTheSameContentAndAnErrorWithOther() {
        StringBuilder order = new StringBuilder(HEADER);
        for (int line = 1; line <= 40; line++) {
            order.append("l").append(line).append(",2026-03-01T10:00:00Z,c1,order,p").append(line)
                    .append(",o1,1.00,USD,1\n");
        }
        String repeatedEarly = "l3,2026-03-01T10:00:00Z,c1,order,p3,o1,1.00,USD,1\n";
        String repeatedLate = "l30,2026-03-01T10:00:00Z,c1,order,p30,o1,1.00,USD,1\n";

        CsvImport same = EventCsvReader.strict().read(new java.io.StringReader(order + repeatedEarly + repeatedLate));
        CsvImport other = EventCsvReader.lenient().read(new java.io.StringReader(order
                + repeatedEarly.replace("p3,", "p99,")));

        assertThat(same.duplicateRows()).isEqualTo(2);
        assertThat(((dev.retention.core.event.OrderPlaced) same.events().get(0)).items()).hasSize(40);
        assertThat(other.events()).isEmpty();
        assertThat(other.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(42);
            assertThat(p.message()).contains("line id l3 of order o1 is used on line 4 for another line");
        });
    }

    @Test
    void lenientModeSkipsARowThatIsNotUtf8AndNamesItsByteOffset() throws IOException {
        String text = HEADER + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "l1,2026-03-01T10:00:00Z,c1,order,caf\u00e9,o1,1.00,USD,1\n"
                + "l2,2026-03-01T10:00:00Z,c1,order,tea,o1,1.00,USD,1\n"
                + "v2,2026-03-01T10:00:00Z,c1,view,p2,,,,\n";
        Path file = Files.write(dir.resolve("latin1.csv"), text.getBytes(StandardCharsets.ISO_8859_1));

        CsvImport imported = EventCsvReader.lenient().read(file);

        assertThat(imported.events()).extracting(CustomerEvent::eventId).containsExactly("v1", "v2");
        assertThat(imported.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("encoding");
            assertThat(p.value()).isEqualTo("E9");
            assertThat(p.message()).contains("byte offset " + text.indexOf('\u00e9'));
            assertThat(p.rejectedLines()).containsExactly(3L, 4L);
        });
    }

    @Test
    void aLatin1FileReadsWithItsCharsetNamed() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), (HEADER + "v1,2026-03-01T10:00:00Z,c1,view,caf\u00e9,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        CsvImport imported = EventCsvReader.strict().withCharset(StandardCharsets.ISO_8859_1).read(file);

        assertThat(((dev.retention.core.event.ProductViewed) imported.events().get(0)).productId().value())
                .isEqualTo("caf\u00e9");
    }

    @Test
    void theProgressBarAppearsOnlyAfterTwoSeconds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        CsvProgress bar = CsvProgress.bar(new PrintStream(err, true, StandardCharsets.UTF_8), nanos::get);

        bar.bytesRead(10L << 20, 100L << 20);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        nanos.set(TimeUnit.SECONDS.toNanos(3));
        bar.bytesRead(50L << 20, 100L << 20);
        bar.finished();

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[##########..........]", " 50%", "50 of 100 MB")
                .endsWith(System.lineSeparator());
    }

    @Test
    void aFileImportTellsItsProgressUpToTheWholeFile() throws IOException {
        Path file = Files.writeString(dir.resolve("events.csv"), HEADER + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n");
        long size = Files.size(file);
        AtomicLong last = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        CsvProgress progress = new CsvProgress() {
            @Override
            public void bytesRead(long read, long total) {
                assertThat(total).isEqualTo(size);
                last.set(read);
            }

            @Override
            public void finished() {
                finished.incrementAndGet();
            }
        };

        EventCsvReader.strict().withProgress(progress).read(file);

        assertThat(last.get()).isEqualTo(size);
        assertThat(finished.get()).isEqualTo(1);
    }
}
