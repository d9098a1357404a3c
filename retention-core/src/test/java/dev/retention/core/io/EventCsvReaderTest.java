package dev.retention.core.io;

import static dev.retention.core.EventFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.ProjectData;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.store.InMemoryEventStore;
import java.io.StringReader;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCsvReaderTest {
    private static final String HEADER = "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n";

    @Test
    void viewsAfterManyOrdersKeepTheirPlaceAndLines() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= 100; i++) {
            text.append("2026-03-01T10:00:00Z,c").append(i).append(",order,p1,o").append(i).append(",1.00,USD,1\n");
        }
        text.append("2026-03-01T11:00:00Z,c1,view,p1,,,,\n");
        text.append("2026-03-01T11:00:00Z,c1,view,p2,,,,\n");

        CsvImport imported = EventCsvReader.strict().read(new StringReader(text.toString()));

        assertThat(imported.events()).hasSize(102);
        assertThat(imported.events().subList(100, 102)).extracting(CustomerEvent::eventId)
                .containsExactly("view:c1:p1@2026-03-01T11:00:00Z", "view:c1:p2@2026-03-01T11:00:00Z");
    }

    @Test
    void importsTheWholeCdnowLogWithExactCountsAndRevenue() {
        InMemoryEventStore store = new InMemoryEventStore();
        CsvImport imported = EventCsvReader.strict().importInto(store, ProjectData.file("cdnow/orders.csv"));

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.events()).hasSize(69_659).allMatch(e -> e instanceof OrderPlaced);
        assertThat(store.eventCount()).isEqualTo(69_659);
        assertThat(store.customerCount()).isEqualTo(23_570);
        Currency usd = Currency.getInstance("USD");
        long revenue = store.histories().mapToLong(h -> h.netSpend(usd, Instant.MIN, Instant.MAX).minorUnits()).sum();
        assertThat(Money.ofMinor(revenue, usd)).isEqualTo(Money.parse("2500315.63", "USD"));
        long zeroOrders = imported.events().stream().filter(e -> ((OrderPlaced) e).total().isZero()).count();
        assertThat(zeroOrders).isEqualTo(80);
        OrderPlaced first = (OrderPlaced) imported.events().get(0);
        assertThat(first.customerId()).isEqualTo(CustomerId.of("00001"));
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("1997-01-01T00:00:00Z"));
        assertThat(first.total()).isEqualTo(usd("11.77"));
        assertThat(first.items()).as("the CDNOW log has no products").isEmpty();
        assertThat(first.eventId()).isEqualTo("order:T00001");
    }

    @Test
    void mergesConsecutiveRowsOfAnOrderIntoOneEvent() {
        String csv = HEADER
                + "2026-03-01T10:15:30Z,c1,order,p1,o1,20.00,EUR,2\n"
                + "2026-03-01T10:15:30Z,c1,order,p2,o1,5.50,EUR,1\n"
                + "2026-03-01T10:15:30Z,c1,order,,o1,4.90,EUR,\n"
                + "2026-03-02T08:00:00+02:00,c1,refund,p2,o1,5.50,EUR,1\n"
                + "2026-03-03,c2,view,p9,,,,\n"
                + "2026-03-03T12:00:00Z,c2,cart,p9,,7.00,EUR,1\n";
        List<CustomerEvent> events = EventCsvReader.strict().read(new StringReader(csv)).events();

        assertThat(events).hasSize(4);
        OrderPlaced order = (OrderPlaced) events.get(0);
        assertThat(order.orderId()).isEqualTo(OrderId.of("o1"));
        assertThat(order.total()).isEqualTo(Money.parse("30.40", "EUR"));
        assertThat(order.items()).containsExactly(
                new LineItem(ProductId.of("p1"), 2, Money.parse("20.00", "EUR")),
                new LineItem(ProductId.of("p2"), 1, Money.parse("5.50", "EUR")));
        OrderRefunded refund = (OrderRefunded) events.get(1);
        assertThat(refund.occurredAt()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(refund.amount()).isEqualTo(Money.parse("5.50", "EUR"));
        ProductViewed view = (ProductViewed) events.get(2);
        assertThat(view.occurredAt()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(((CartUpdated) events.get(3)).items()).hasSize(1);
    }

    @Test
    void aBadRowStopsTheImportNamingLineColumnAndValueAndStoresNothing() {
        String csv = HEADER
                + "2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "2026-03-01T10:00:00Z,c1,order,p1,o1,12.345,USD,1\n"
                + "2026-03-01T11:00:00Z,c1,view,p2,,,,\n";
        InMemoryEventStore store = new InMemoryEventStore();
        assertThatThrownBy(() -> EventCsvReader.strict().read(new StringReader(csv)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("column amount")
                .hasMessageContaining("'12.345'")
                .satisfies(e -> assertThat(((CsvFormatException) e).problem().line()).isEqualTo(3));
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void rejectsEachKindOfBadValue() {
        assertProblem("not-a-date,c1,view,p1,,,,", "occurred_at", "not-a-date");
        assertProblem("2026-03-01,,view,p1,,,,", "customer_id", "");
        assertProblem("2026-03-01,c1,click,p1,,,,", "type", "click");
        assertProblem("2026-03-01,c1,view,,,,,", "product_id", "");
        assertProblem("2026-03-01,c1,order,p1,,1.00,USD,1", "order_id", "");
        assertProblem("2026-03-01,c1,order,p1,o1,,USD,1", "amount", "");
        assertProblem("2026-03-01,c1,order,p1,o1,1.00,,1", "currency", "");
        assertProblem("2026-03-01,c1,order,p1,o1,1.00,DOLLARS,1", "currency", "DOLLARS");
        assertProblem("2026-03-01,c1,order,p1,o1,1.00,USD,0", "quantity", "0");
        assertProblem("2026-03-01,c1,order,p1,o1,-1.00,USD,1", "amount", "-1.00");
        assertProblem("2026-03-01,c1,refund,,o1,0.00,USD,", "row", "refund");
    }

    @Test
    void rowsOfOneOrderMustAgreeOnCustomerWherevertheyStand() {
        assertThatThrownBy(() -> read("2026-03-01,c1,order,p1,o1,1.00,USD,1\n2026-03-01,c2,order,p2,o1,1.00,USD,1"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 3")
                .hasMessageContaining("different customers").hasMessageContaining("line 2");
        List<CustomerEvent> apart = read("2026-03-01,c1,order,p1,o1,1.00,USD,1\n2026-03-01,c1,view,p1,,,,\n"
                + "2026-03-02,c1,order,p2,o1,1.00,USD,1");
        assertThat(apart).hasSize(2);
        assertThat(((OrderPlaced) apart.get(0)).total()).isEqualTo(usd("2.00"));
        assertThat(apart.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefused() {
        assertThatThrownBy(() -> EventCsvReader.strict().read(new StringReader("occurred_at,customer_id,type\n")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("product_id")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> EventCsvReader.strict().read(new StringReader("")))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void lenientModeSkipsAndReportsBadRows() {
        String csv = HEADER
                + "2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "2026-03-01T10:00:00Z,c1,order,p1,o1,abc,USD,1\n"
                + "yesterday,c1,view,p2,,,,\n"
                + "2026-03-01T11:00:00Z,c1,view,p3,,,,\n";
        CsvImport result = EventCsvReader.lenient().read(new StringReader(csv));
        assertThat(result.events()).hasSize(2);
        assertThat(result.problems()).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "amount", "abc"),
                        org.assertj.core.groups.Tuple.tuple(4L, "occurred_at", "yesterday"));
    }

    @Test
    void anExplicitEventIdColumnIsUsedAndReimportingStoresNothingTwice() {
        String csv = "event_id,occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n"
                + "ev-1,2026-03-01T10:00:00Z,c1,view,p1,,,,\n"
                + "ev-2,2026-03-01T10:05:00Z,c1,view,p2,,,,\n";
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(EventCsvReader.strict().read(new StringReader(csv)).events());
        store.appendAll(EventCsvReader.strict().read(new StringReader(csv)).events());
        assertThat(store.eventCount()).isEqualTo(2);
        assertThat(store.history(CustomerId.of("c1")).events()).extracting(CustomerEvent::eventId)
                .containsExactly("ev-1", "ev-2");
    }

    private static List<CustomerEvent> read(String rows) {
        return EventCsvReader.strict().read(new StringReader(HEADER + rows)).events();
    }

    private static void assertProblem(String row, String column, String value) {
        assertThatThrownBy(() -> read(row)).as(row).isInstanceOfSatisfying(CsvFormatException.class, e -> {
            assertThat(e.problem().line()).isEqualTo(2);
            assertThat(e.problem().column()).isEqualTo(column);
            assertThat(e.problem().value()).isEqualTo(value);
        });
    }
}
