package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.io.CsvMapping.Field;
import dev.retention.core.store.InMemoryEventStore;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvMappingTest {

    @Test
    void importsAShopifyStyleOrdersExportWithUnitPrices() {
        CsvImport imported = EventCsvReader.strict().withMapping(CsvMapping.shopifyOrders())
                .read(fixture("shopify-orders.csv"));

        assertThat(imported.events()).hasSize(3).allMatch(e -> e instanceof OrderPlaced);
        OrderPlaced first = (OrderPlaced) imported.events().get(0);
        assertThat(first.orderId()).isEqualTo(OrderId.of("#1001"));
        assertThat(first.customerId()).isEqualTo(CustomerId.of("anna@example.com"));
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(first.items()).containsExactly(
                new LineItem(ProductId.of("SNK-42"), 2, Money.parse("89.90", "EUR")),
                new LineItem(ProductId.of("SOX-3"), 1, Money.parse("4.90", "EUR")));
        assertThat(first.total()).isEqualTo(Money.parse("94.80", "EUR"));
        assertThat(((OrderPlaced) imported.events().get(2)).total()).isEqualTo(Money.parse("14.70", "EUR"));
        assertThat(imported.ordersMerged()).isEqualTo(1);
    }

    @Test
    void importsTheOnlineRetailLayoutWithCancellationsAsRefunds() {
        CsvImport imported = EventCsvReader.lenient().withMapping(CsvMapping.onlineRetail())
                .read(fixture("online-retail.csv"));

        assertThat(imported.events()).extracting(CustomerEvent::eventId).containsExactly("order:536365",
                "order:536366", "refund:C536379@2010-12-01T09:41:00Z", "order:536591",
                "refund:C536383@2010-12-01T09:49:00Z");
        OrderPlaced invoice = (OrderPlaced) imported.events().get(0);
        assertThat(invoice.items()).hasSize(3);
        assertThat(invoice.total()).isEqualTo(Money.parse("57.64", "GBP"));
        assertThat(invoice.occurredAt()).as("London time in December is UTC")
                .isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
        OrderPlaced spread = (OrderPlaced) imported.events().get(3);
        assertThat(spread.occurredAt()).isEqualTo(Instant.parse("2010-12-01T16:57:00Z"));
        assertThat(spread.total()).isEqualTo(Money.parse("36.65", "GBP"));
        OrderRefunded refund = (OrderRefunded) imported.events().get(2);
        assertThat(refund.orderId()).isEqualTo(OrderId.of("C536379"));
        assertThat(refund.amount()).isEqualTo(Money.parse("27.50", "GBP"));
        assertThat(imported.problems()).extracting(CsvProblem::line, CsvProblem::column)
                .containsExactly(tuple(9L, "customer_id"));
        assertThat(imported.rowsRead()).isEqualTo(9);
        assertThat(imported.ordersMerged()).isEqualTo(2);
        assertThat(imported.ordersSpreadInTime()).isEqualTo(1);
    }

    @Test
    void theBuilderMakesTheSameMappingAsTheShippedJson() {
        CsvMapping built = CsvMapping.builder().name("online-retail")
                .column(Field.ORDER_ID, "InvoiceNo").column(Field.PRODUCT_ID, "StockCode")
                .column(Field.QUANTITY, "Quantity").column(Field.OCCURRED_AT, "InvoiceDate")
                .column(Field.UNIT_PRICE, "UnitPrice").column(Field.CUSTOMER_ID, "CustomerID")
                .constant(Field.TYPE, "order").constant(Field.CURRENCY, "GBP").refundPrefix("C")
                .timeFormat("M/d/yyyy H:mm").timeZone(ZoneId.of("Europe/London")).build();

        Path file = fixture("online-retail.csv");
        assertThat(EventCsvReader.lenient().withMapping(built).read(file).events())
                .isEqualTo(EventCsvReader.lenient().withMapping(CsvMapping.onlineRetail()).read(file).events());
    }

    @Test
    void aTypeColumnsValuesMapToEventTypes() {
        CsvMapping mapping = CsvMapping.builder().column(Field.OCCURRED_AT, "when").column(Field.CUSTOMER_ID, "who")
                .column(Field.TYPE, "what").column(Field.PRODUCT_ID, "sku").column(Field.ORDER_ID, "ref")
                .column(Field.AMOUNT, "total").constant(Field.CURRENCY, "USD")
                .type("pageview", "view").type("purchase", "order").build();
        List<CustomerEvent> events = EventCsvReader.strict().withMapping(mapping).read(new StringReader(
                "who,when,what,sku,ref,total\nc1,2026-03-01,pageview,p1,,\nc1,2026-03-02,purchase,p1,o1,5.00\n"))
                .events();

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("ProductViewed",
                "OrderPlaced");
        assertThatThrownBy(() -> EventCsvReader.strict().withMapping(mapping).read(new StringReader(
                "who,when,what,sku,ref,total\nc1,2026-03-01,click,p1,,\n")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("pageview");
    }

    @Test
    void semicolonsAndDecimalCommasReadAsEuropeanExcelWritesThem() {
        CsvMapping excel = CsvMapping.standard().toBuilder().separator(';').decimalComma(true).build();
        List<CustomerEvent> events = EventCsvReader.strict().withMapping(excel).read(new StringReader(
                "occurred_at;customer_id;type;product_id;order_id;amount;currency;quantity\r\n"
                        + "2026-03-01T10:00:00Z;c1;order;p1;o1;12,50;EUR;1\r\n"
                        + "2026-03-01T10:00:00Z;c1;order;p2;o1;\"1,05\";EUR;1\r\n")).events();

        assertThat(((OrderPlaced) events.get(0)).total()).isEqualTo(Money.parse("13.55", "EUR"));
        assertThatThrownBy(() -> EventCsvReader.strict().withMapping(excel).read(new StringReader(
                "occurred_at;customer_id;type;product_id;order_id;amount;currency;quantity\n"
                        + "2026-03-01T10:00:00Z;c1;order;p1;o1;1.250,00;EUR;1\n")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("'1.250,00'");
    }

    @Test
    void aMappingMissingAHeaderColumnNamesIt() {
        assertThatThrownBy(() -> EventCsvReader.strict().withMapping(CsvMapping.shopifyOrders())
                .read(new StringReader("Name,Email,Created at\n")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 1")
                .hasMessageContaining("Lineitem quantity").hasMessageContaining("shopify-orders");
    }

    @Test
    void mappingJsonRefusesUnknownFieldsNamingThem() {
        assertThatThrownBy(() -> json("{\"columns\": {\"occurred_at\": \"t\"}, \"seperator\": \";\"}"))
                .isInstanceOf(CsvMapping.InvalidMappingException.class).hasMessageContaining("seperator")
                .satisfies(e -> assertThat(((CsvMapping.InvalidMappingException) e).path()).isEqualTo("$.seperator"));
        assertThatThrownBy(() -> json("{\"columns\": {\"amout\": \"Total\"}}"))
                .isInstanceOf(CsvMapping.InvalidMappingException.class).hasMessageContaining("amout")
                .satisfies(e -> assertThat(((CsvMapping.InvalidMappingException) e).path())
                        .isEqualTo("$.columns.amout"));
        assertThatThrownBy(() -> json("{\"columns\": {\"occurred_at\": \"t\", \"customer_id\": \"c\"}}"))
                .isInstanceOf(CsvMapping.InvalidMappingException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> json("{\"columns\": {\"occurred_at\": 3}}"))
                .isInstanceOf(CsvMapping.InvalidMappingException.class).hasMessageContaining("$.columns.occurred_at");
    }

    @Test
    void aMappingFromJsonImportsIntoAStore() {
        CsvMapping mapping = json("{\"name\": \"mine\", \"columns\": {\"occurred_at\": \"At\", \"customer_id\": \"Who\","
                + " \"order_id\": \"Order\", \"amount\": \"Sum\"}, \"constants\": {\"type\": \"order\","
                + " \"currency\": \"USD\"}}");
        InMemoryEventStore store = new InMemoryEventStore();
        CsvImport imported = EventCsvReader.strict().withMapping(mapping)
                .read(new StringReader("Order,Who,At,Sum\nA1,c1,2026-03-01,10.00\nA1,c1,2026-03-01,5.00\n"));
        store.appendAll(imported.events());

        assertThat(mapping.name()).isEqualTo("mine");
        assertThat(store.history(CustomerId.of("c1")).events()).singleElement()
                .satisfies(e -> assertThat(((OrderPlaced) e).total()).isEqualTo(Money.parse("15.00", "USD")));
    }

    @Test
    void aCommandLineNamesAShippedMappingOrAJsonFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        assertThat(CsvMapping.named("online-retail").name()).isEqualTo("online-retail");
        assertThat(CsvMapping.named("shopify-orders").columns()).containsEntry(Field.ORDER_ID, "Name");
        assertThat(CsvMapping.named("standard")).isSameAs(CsvMapping.standard());
        Path file = java.nio.file.Files.writeString(dir.resolve("mine.json"),
                "{\"name\": \"mine\", \"columns\": {\"occurred_at\": \"At\", \"customer_id\": \"Who\"},"
                        + " \"constants\": {\"type\": \"view\"}}");
        assertThat(CsvMapping.named(file.toString()).name()).isEqualTo("mine");
        assertThatThrownBy(() -> CsvMapping.named(dir.resolve("missing.json").toString()))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.json");
    }

    private static CsvMapping json(String text) {
        return CsvMapping.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    static Path fixture(String name) {
        try {
            return Path.of(CsvMappingTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
