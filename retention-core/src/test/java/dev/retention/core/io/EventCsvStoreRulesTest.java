package dev.retention.core.io;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import refuses before storing what the store would refuse at append, and never half-applies a file. */
class EventCsvStoreRulesTest {
    private static final String HEADER = "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n";
    private static final String HALF = "50000000000000000.00"; // two of them pass a long of cents

    @TempDir
    Path dir;

    private Path csv(String... rows) throws IOException {
        return Files.writeString(dir.resolve("events.csv"), HEADER + String.join("\n", rows) + "\n");
    }

    @Test
    void strictModeRefusesACustomerWhoseOrdersOverflowNamingTheLinesCustomerAndValueAndStoresNothing()
            throws IOException {
        Path file = csv("2026-03-01,c1,order,,o1,9.99,USD,1",
                "2026-03-01,whale,order,,o2," + HALF + ",USD,1",
                "2026-03-02,whale,order,p1,o3,1.00,USD,1",
                "2026-03-02,whale,order,p2,o3," + HALF + ",USD,1");
        InMemoryEventStore store = new InMemoryEventStore();

        assertThatThrownBy(() -> EventCsvReader.strict().importInto(store, file))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(4);
                    assertThat(e.problem().rejectedLines()).containsExactly(4L, 5L);
                    assertThat(e.problem().column()).isEqualTo("amount");
                    assertThat(e.problem().value()).isEqualTo("50000000000000001.00");
                    assertThat(e.problem().message()).startsWith("customer whale: amounts too large to add up (");
                    assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
                });
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void strictModeRefusesARefundBeyondItsOrderOrInAnotherCurrencyAndStoresNothing() throws IOException {
        Path beyond = csv("2026-03-01,c0,view,p1,,,,",
                "2026-03-01,c1,order,,o1,10.00,USD,1",
                "2026-03-02,c1,refund,,o1,6.00,USD,",
                "2026-03-03,c1,refund,,o1,6.00,USD,");
        InMemoryEventStore store = new InMemoryEventStore();
        assertThatThrownBy(() -> EventCsvReader.strict().importInto(store, beyond))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(5);
                    assertThat(e.problem().column()).isEqualTo("amount");
                    assertThat(e.problem().value()).isEqualTo("6.00");
                    assertThat(e.problem().message()).contains("customer c1", "order o1", "10.00 USD");
                });
        assertThat(store.eventCount()).isZero();

        Path euros = csv("2026-03-01,c1,order,,o1,10.00,USD,1", "2026-03-02,c1,refund,,o1,1.00,EUR,");
        assertThatThrownBy(() -> EventCsvReader.strict().importInto(store, euros))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(3);
                    assertThat(e.problem().column()).isEqualTo("currency");
                    assertThat(e.problem().value()).isEqualTo("EUR");
                    assertThat(e.problem().message()).contains("customer c1", "order o1", "USD");
                });
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void lenientModeRejectsTheOffendingOrdersAndRefundsWithTheirLinesAndStoresTheRest() throws IOException {
        Path file = csv("2026-03-01,whale,order,,o1," + HALF + ",USD,1",
                "2026-03-02,whale,order,p1,o2," + HALF + ",USD,1",
                "2026-03-02,whale,order,p2,o2,1.00,USD,1",
                "2026-03-03,whale,order,,o3,1.00,USD,1",
                "2026-03-01,c1,order,,o4,10.00,USD,1",
                "2026-03-02,c1,refund,,o4,6.00,USD,",
                "2026-03-03,c1,refund,,o4,6.00,USD,",
                "2026-03-04,c1,refund,,o4,1.00,EUR,",
                "2026-03-05,c1,refund,,o4,4.00,USD,");
        InMemoryEventStore store = new InMemoryEventStore();

        CsvImport imported = EventCsvReader.lenient().importInto(store, file);

        assertThat(imported.problems()).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::rejectedLines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "amount", List.of(3L, 4L)),
                        org.assertj.core.groups.Tuple.tuple(8L, "amount", List.of(8L)),
                        org.assertj.core.groups.Tuple.tuple(9L, "currency", List.of(9L)));
        assertThat(imported.linesRejectedByCause()).isEqualTo(Map.of("amount", 3L, "currency", 1L));
        assertThat(imported.events()).extracting(CustomerEvent::eventId)
                .containsExactly("order:o1", "order:o3", "order:o4", "refund:o4@2026-03-02T00:00:00Z",
                        "refund:o4@2026-03-05T00:00:00Z");
        assertThat(imported.ordersMerged()).as("the rejected order o2 is not counted").isZero();
        assertThat(imported.eventsStored()).hasValue(5);
        assertThat(store.eventCount()).isEqualTo(5);
        assertThat(imported.report()).contains("4 lines rejected");
    }

    @Test
    void theSameRowsInAnotherOrderRejectTheSameRefundsInLenientMode() throws IOException {
        String order = "2026-03-01,c1,order,,o4,10.00,USD,1";
        String first = "2026-03-02,c1,refund,,o4,6.00,USD,";
        String second = "2026-03-03,c1,refund,,o4,6.00,USD,";

        CsvImport forward = EventCsvReader.lenient().read(csv(order, first, second));
        CsvImport backward = EventCsvReader.lenient().read(csv(second, first, order));

        assertThat(forward.events()).containsExactlyInAnyOrderElementsOf(backward.events());
        assertThat(forward.problems()).singleElement().extracting(CsvProblem::value).isEqualTo("6.00");
        assertThat(backward.problems()).singleElement().extracting(CsvProblem::line).isEqualTo(2L);
    }

    @Test
    void strictModeStopsAtARefusalCausedByTheStoresOwnEventsSayingHowManyWereStored() throws IOException {
        InMemoryEventStore store = new InMemoryEventStore();
        store.append(new OrderPlaced("order:o9", CustomerId.of("whale"), Instant.parse("2026-01-01T00:00:00Z"),
                OrderId.of("o9"), List.of(), Money.parse(HALF, "USD")));
        Path file = csv("2026-03-01,c1,order,,o1,9.99,USD,1",
                "2026-03-02,whale,order,,o2," + HALF + ",USD,1",
                "2026-03-03,c2,view,p1,,,,");

        assertThatThrownBy(() -> EventCsvReader.strict().importInto(store, file))
                .isInstanceOfSatisfying(CsvPartialImportException.class, e -> {
                    assertThat(e.eventsStored()).isEqualTo(1);
                    assertThat(e.eventsRead()).isEqualTo(3);
                    assertThat(e.problem().line()).isEqualTo(3);
                    assertThat(e.problem().column()).isEqualTo("store");
                    assertThat(e.problem().value()).isEqualTo("order:o2");
                    assertThat(e.getMessage()).contains("stored 1 of the file's 3 events", "order:o2", "whale",
                            "line 3", "overflow");
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
                });
        assertThat(store.eventCount()).as("the order held before and c1's order").isEqualTo(2);
    }

    @Test
    void lenientModeRejectsAnEventTheStoreRefusesWithItsLinesAndStoresTheOthers() throws IOException {
        InMemoryEventStore store = new InMemoryEventStore();
        store.append(new OrderPlaced("order:o1", CustomerId.of("c1"), Instant.parse("2026-01-01T00:00:00Z"),
                OrderId.of("o1"), List.of(), Money.parse("10.00", "USD")));
        Path file = csv("2026-03-02,c1,refund,,o1,6.00,USD,",
                "2026-03-03,c1,refund,,o1,6.00,USD,",
                "2026-03-04,c1,view,p1,,,,",
                "2026-03-05,c1,order,p1,o2,1.00,USD,1",
                "2026-03-05,c1,order,p2,o2,1.00,USD,1");

        CsvImport imported = EventCsvReader.lenient().importInto(store, file);

        assertThat(imported.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("store");
            assertThat(p.value()).isEqualTo("refund:o1@2026-03-03T00:00:00Z");
            assertThat(p.message()).contains("customer c1", "more than", "10.00 USD");
        });
        assertThat(imported.eventsStored()).hasValue(3);
        assertThat(imported.events()).hasSize(3);
        assertThat(imported.report()).contains("3 events (3 stored)", "1 lines rejected {store=1}");
        assertThat(store.eventCount()).isEqualTo(4);
    }

    @Test
    void aLargeImportAppendedInParallelCountsExactlyWhatWasStoredBeforeARefusal() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 12_000; i++) {
            rows.append("2026-03-01,c").append(i % 500).append(",view,p").append(i).append(",,,,\n");
        }
        rows.append("2026-03-02,whale,order,,o2,").append(HALF).append(",USD,1\n");
        Path file = Files.writeString(dir.resolve("large.csv"), rows);
        InMemoryEventStore strictStore = withWhale();
        InMemoryEventStore lenientStore = withWhale();

        assertThatThrownBy(() -> EventCsvReader.strict().importInto(strictStore, file))
                .isInstanceOfSatisfying(CsvPartialImportException.class, e -> {
                    assertThat(e.eventsStored()).isEqualTo(strictStore.eventCount() - 1);
                    assertThat(e.eventsRead()).isEqualTo(12_001);
                    assertThat(e.problem().line()).isEqualTo(12_002);
                });
        CsvImport lenient = EventCsvReader.lenient().importInto(lenientStore, file);

        assertThat(lenient.eventsStored()).hasValue(12_000);
        assertThat(lenient.events()).hasSize(12_000);
        assertThat(lenient.problems()).singleElement().extracting(CsvProblem::column).isEqualTo("store");
        assertThat(lenientStore.eventCount()).isEqualTo(12_001);
    }

    private static InMemoryEventStore withWhale() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.append(new OrderPlaced("order:o9", CustomerId.of("whale"), Instant.parse("2026-01-01T00:00:00Z"),
                OrderId.of("o9"), List.of(), Money.parse(HALF, "USD")));
        return store;
    }

    /** The import's check and the store agree: whatever a file holds, the store takes every event read. */
    @Property(tries = 200)
    void theStoreTakesEveryEventTheImportLetsThrough(@ForAll("moneyRows") List<String> rows) {
        String text = HEADER + String.join("\n", rows) + "\n";
        InMemoryEventStore lenientStore = new InMemoryEventStore();
        CsvImport lenient = EventCsvReader.lenient().read(new StringReader(text));
        lenient.events().forEach(e -> assertThat(lenientStore.append(e)).as(e.eventId()).isTrue());

        InMemoryEventStore strictStore = new InMemoryEventStore();
        CsvImport strict;
        try {
            strict = EventCsvReader.strict().read(new StringReader(text));
        } catch (CsvFormatException e) {
            assertThat(lenient.problems()).as("lenient mode rejects what strict mode refuses").isNotEmpty();
            return;
        }
        strict.events().forEach(e -> assertThat(strictStore.append(e)).as(e.eventId()).isTrue());
        assertThat(lenient.problems()).isEmpty();
        assertThat(lenient.events()).isEqualTo(strict.events());
    }

    @Provide
    Arbitrary<List<String>> moneyRows() {
        Arbitrary<String> cents = Arbitraries.integers().between(1, 2_000)
                .map(c -> c / 100 + "." + c % 100 / 10 + c % 10);
        // three of the large ones overflow a customer's sum, two do not
        Arbitrary<String> amount = Arbitraries.frequencyOf(Tuple.of(4, cents),
                Tuple.of(1, Arbitraries.just("40000000000000000.00")));
        Arbitrary<String> row = Combinators.combine(Arbitraries.integers().between(1, 9),
                Arbitraries.of("c1", "c2"), Arbitraries.of("order", "order", "refund"),
                Arbitraries.of("o1", "o2", "o3"), amount, Arbitraries.of("USD", "USD", "USD", "EUR"))
                .as((day, customer, type, order, money, currency) -> "2026-03-0" + day + "," + customer + "," + type
                        + ",," + customer + "-" + order + "," + money + "," + currency + ",");
        return row.list().ofMinSize(1).ofMaxSize(12);
    }
}
