package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COPY import stores exactly what appending the same file stores, summaries included. */
class CsvCopyImportTest {
    @TempDir
    Path folder;

    /** The first 4,000 rows of the CDNOW log, plus a refund and an order line with quotes and a comma in its product. */
    private Path sample() throws Exception {
        Path data = Path.of(System.getProperty("retention.data", "../data")).resolve("cdnow/orders.csv");
        List<String> lines = Files.readAllLines(data).subList(0, 4_000);
        List<String> more = new java.util.ArrayList<>(lines);
        more.add("1997-03-01,00001,refund,,T00001,1.77,USD,");
        more.add("1997-03-02,\"o'brien; --\",order,\"p \"\"quoted\"\", with comma\",T-x,5.00,USD,1");
        Path file = folder.resolve("sample.csv");
        Files.write(file, more);
        return file;
    }

    @Test
    void copyImportStoresWhatAppendingStoresOnPostgres() throws Exception {
        check(Databases.newPostgresStore(), true);
    }

    @Test
    void theImportFallsBackToBatchedAppendsOnSqlite() throws Exception {
        check(Databases.newSqliteStore(), false);
    }

    private void check(JdbcCustomerStateStore store, boolean copy) throws Exception {
        Path file = sample();
        InMemoryEventStore memory = new InMemoryEventStore();
        CsvImport expected = EventCsvReader.strict().importInto(memory, file);

        CsvImport imported = CsvCopyImport.importInto(store, EventCsvReader.strict(), file);

        assertThat(imported.eventsStored()).isEqualTo(expected.eventsStored()).hasValue(memory.eventCount());
        assertThat(store.events().eventCount()).isEqualTo(memory.eventCount());
        assertThat(store.events().customerCount()).isEqualTo(memory.customerCount());
        assertThat(histories(store.events())).isEqualTo(histories(memory));
        CustomerId quoted = CustomerId.of("o'brien; --");
        assertThat(store.events().history(quoted).orderCount()).isEqualTo(1);

        // the money checks and summaries go on from what was imported
        CustomerEvent tooMuch = new dev.retention.core.event.OrderRefunded("r-2", CustomerId.of("00001"),
                java.time.Instant.parse("1997-04-01T00:00:00Z"), dev.retention.core.OrderId.of("T00001"),
                dev.retention.core.Money.parse("10.01", "USD"));
        assertThatThrownBy(() -> store.events().append(tooMuch)).isInstanceOf(IllegalArgumentException.class);
        if (copy) {
            assertThatThrownBy(() -> CsvCopyImport.importInto(store, EventCsvReader.strict(), file))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has events");
        } else {
            assertThat(CsvCopyImport.importInto(store, EventCsvReader.strict(), file).eventsStored())
                    .as("appends skip the repeats").hasValue(0);
        }
        assertThat(store.events().eventCount()).as("a second import of known customers stores nothing")
                .isEqualTo(memory.eventCount());
    }

    @Test
    void theSummariesAndRunningTotalsComputedFromTheCopiedRowsAreTheOnesAppendsKeep() throws Exception {
        Path file = sample();
        String copied = Databases.freshPrefix();
        String appended = Databases.freshPrefix();
        RetentionSchema.migrate(Databases.postgres(), copied);
        RetentionSchema.migrate(Databases.postgres(), appended);

        CsvCopyImport.importInto(JdbcCustomerStateStore.open(Databases.postgres(), copied), EventCsvReader.strict(), file);
        JdbcCustomerStateStore.open(Databases.postgres(), appended).events()
                .appendAll(EventCsvReader.strict().read(file).events());

        for (String table : List.of("customers", "spend")) {
            List<String> rows = rows(appended + table);
            assertThat(rows).as(table).hasSizeGreaterThan(500);
            assertThat(rows(copied + table)).as(table).isEqualTo(rows);
        }
    }

    @Test
    void aFileWithACustomerTheStoreHasStoresNothingAndTheNextImportGoesOn() throws Exception {
        JdbcCustomerStateStore store = Databases.newPostgresStore();
        store.events().append(new dev.retention.core.event.ProductViewed("v1", CustomerId.of("b"),
                java.time.Instant.parse("1996-12-31T00:00:00Z"), dev.retention.core.ProductId.of("p")));
        Path file = folder.resolve("known.csv");
        Files.write(file, List.of("occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity",
                "1997-01-01,a,order,,A1,5.00,USD,1",
                "1997-01-02,b,order,,B1,5.00,USD,1",
                "1997-01-04,c,order,,C1,5.00,USD,1"));

        assertThatThrownBy(() -> CsvCopyImport.importInto(store, EventCsvReader.strict(), file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer b already has events");
        assertThat(store.events().eventCount()).isEqualTo(1);
        assertThat(store.events().customerCount()).isEqualTo(1);

        CsvImport good = CsvCopyImport.importInto(store, EventCsvReader.strict(), sample());
        assertThat(store.events().eventCount()).isEqualTo(1 + good.eventsStored().orElseThrow());
    }

    /** Every row of a table, as text, in a fixed order. */
    private static List<String> rows(String table) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = Databases.postgres().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static Map<CustomerId, List<CustomerEvent>> histories(EventStore store) {
        return store.histories().collect(Collectors.toMap(CustomerHistory::customerId, CustomerHistory::events));
    }
}
