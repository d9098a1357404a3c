package dev.retention.core.io;

import static dev.retention.core.EventFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.store.InMemoryEventStore;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways real shop exports were refused or miscounted (issue #18), each from its failing case. */
class EventCsvRealExportsTest {
    private static final String HEADER =
            "event_id,occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n";

    @TempDir
    Path dir;

    @Test
    void linesWithTheirOwnEventIdsAreOneOrder() {
        List<CustomerEvent> events = read(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l2,2026-03-01T10:00:00Z,c1,order,p2,o1,10.00,USD,1\n"
                + "l3,2026-03-02T10:00:00Z,c2,order,p1,o2,20.00,USD,2\n");

        assertThat(events).hasSize(2);
        OrderPlaced first = (OrderPlaced) events.get(0);
        assertThat(first.orderId()).isEqualTo(OrderId.of("o1"));
        assertThat(first.total()).isEqualTo(usd("20.00"));
        assertThat(first.items()).hasSize(2);
        assertThat(first.eventId()).isEqualTo("order:o1");
    }

    @Test
    void linesOfAnOrderNeedNotBeConsecutive() {
        List<CustomerEvent> events = read(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "v1,2026-03-01T10:00:00Z,c1,view,p3,,,,\n"
                + "l2,2026-03-01T10:00:00Z,c1,order,p2,o1,5.00,USD,1\n");

        assertThat(events).filteredOn(e -> e instanceof OrderPlaced).singleElement()
                .satisfies(e -> assertThat(((OrderPlaced) e).total()).isEqualTo(usd("15.00")));
        assertThat(events).hasSize(2);
    }

    @Test
    void linesOfAnOrderAMinuteApartTakeTheEarliestTime() {
        List<CustomerEvent> events = read(HEADER
                + "l2,2010-12-05T16:58:00Z,c1,order,p2,536591,2.00,GBP,1\n"
                + "l1,2010-12-05T16:57:00Z,c1,order,p1,536591,3.00,GBP,1\n");

        OrderPlaced order = (OrderPlaced) events.get(0);
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2010-12-05T16:57:00Z"));
        assertThat(order.total()).isEqualTo(Money.parse("5.00", "GBP"));
    }

    @Test
    void anExcelUtf8ByteOrderMarkIsSkipped() throws IOException {
        Path file = dir.resolve("excel.csv");
        Files.write(file, ("\uFEFF" + HEADER + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(EventCsvReader.strict().read(file).events()).hasSize(1);
        assertThat(EventCsvReader.strict().read(new StringReader("\uFEFF" + HEADER)).events()).isEmpty();
    }

    @Test
    void aLatin1FileIsRefusedNamingTheLineAndByteOffset() throws IOException {
        Path file = dir.resolve("latin1.csv");
        String text = HEADER + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\nv2,2026-03-01T10:00:00Z,c1,view,caf\u00e9,,,,\n";
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        int offset = text.indexOf('\u00e9');

        assertThatThrownBy(() -> EventCsvReader.strict().read(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("byte offset " + offset)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aUtf16FileIsRefusedNamingTheLineAndByteOffset() throws IOException {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, (HEADER + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n").getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> EventCsvReader.strict().read(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("byte offset 0").hasMessageContaining("UTF-16");
    }

    @Test
    void anUnterminatedQuoteIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> read(HEADER + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "v2,2026-03-01T10:00:00Z,c1,view,\"p2,,,,\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("quote");
    }

    @Test
    void aDuplicatedHeaderColumnIsRefused() {
        assertThatThrownBy(() -> read("occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity,amount\n"
                + "2026-03-01,c1,order,p1,o1,10.00,USD,1,99999.00\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("amount").hasMessageContaining("twice");
    }

    @Test
    void aDuplicateEventIdWithDifferentContentIsAnErrorNamingBothLines() {
        assertThatThrownBy(() -> read(HEADER
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "v1,2026-03-01T10:00:00Z,c1,view,p2,,,,\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("line 2").hasMessageContaining("v1");
        assertThatThrownBy(() -> read(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,12.00,USD,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("line 2").hasMessageContaining("l1");
    }

    @Test
    void aRepeatedIdenticalLineIsADuplicateStoredOnce() {
        List<CustomerEvent> events = read(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n");

        assertThat(events).hasSize(2);
        assertThat(((OrderPlaced) events.get(0)).total()).isEqualTo(usd("10.00"));
    }

    @Test
    void rowsOfOneOrderIdWithTwoCustomersOrCurrenciesNameBothLines() {
        assertThatThrownBy(() -> read(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "l2,2026-03-01T10:00:00Z,c2,order,p2,o1,10.00,USD,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 4").hasMessageContaining("line 2").hasMessageContaining("customer");
        assertThatThrownBy(() -> read(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l2,2026-03-01T10:00:00Z,c1,order,p2,o1,10.00,EUR,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("line 2").hasMessageContaining("currenc");
    }

    @Test
    void lenientModeRejectsAWholeOrderForOneBadLineWithEveryLineNumber() {
        CsvImport result = EventCsvReader.lenient().read(new StringReader(HEADER
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l2,2026-03-01T10:00:00Z,c1,order,p2,o1,abc,USD,1\n"
                + "l3,2026-03-01T10:00:00Z,c1,order,p3,o1,5.00,USD,1\n"
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"));

        assertThat(result.events()).hasSize(1).allMatch(e -> e.eventId().equals("v1"));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("amount");
            assertThat(p.toString()).contains("2, 3, 4");
        });
    }

    @Test
    void lenientModeSkipsAnInvalidLastOrderAndKeepsTheRest() {
        CsvImport result = EventCsvReader.lenient().read(new StringReader(HEADER
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "r1,2026-03-01T10:00:00Z,c1,refund,,o1,0.00,USD,\n"));

        assertThat(result.events()).extracting(CustomerEvent::eventId).containsExactly("v1");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void quotedFieldsCarryCommasAndNewlinesAndCrLfEndsLines() {
        List<CustomerEvent> events = read(HEADER.replace("\n", "\r\n")
                + "v1,2026-03-01T10:00:00Z,c1,view,\"shirt, blue\",,,,\r\n"
                + "v2,2026-03-01T10:00:00Z,c1,view,\"two\r\nlines\",,,,\r\n"
                + "v3,2026-03-01T10:00:00Z,c1,view,\"say \"\"hi\"\"\",,,,\r\n");

        assertThat(events).extracting(e -> ((dev.retention.core.event.ProductViewed) e).productId().value())
                .containsExactly("shirt, blue", "two\r\nlines", "say \"hi\"");
    }

    @Test
    void strictImportOfABadFileStoresNothing() {
        InMemoryEventStore store = new InMemoryEventStore();
        assertThatThrownBy(() -> EventCsvReader.strict().importInto(store, write(HEADER
                + "v1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "l1,2026-03-01T10:00:00Z,c1,order,p1,o1,10.00,USD,1\n"
                + "l2,2026-03-01T10:00:00Z,c1,order,p1,o1,1.001,USD,1\n")))
                .isInstanceOf(CsvFormatException.class);
        assertThat(store.eventCount()).isZero();
        assertThat(store.history(CustomerId.of("c1")).events()).isEmpty();
    }

    private Path write(String text) {
        try {
            return Files.writeString(dir.resolve("events.csv"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<CustomerEvent> read(String csv) {
        return EventCsvReader.strict().read(new StringReader(csv)).events();
    }
}
