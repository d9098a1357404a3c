package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows of orders, refunds and carts keep their time as seconds and nanos and their amount as
 * minor units and currency while the file is read (see {@link CsvRow} and {@link RowGroup.Key}):
 * what they make must not lose a nanosecond, a minor unit or a currency on the way.
 */
class EventCsvGroupedRowsTest {
    private static final String HEADER = "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity,event_id\n";

    @Test
    void refundsAndCartsOneNanosecondApartAreTwoEvents() {
        String csv = HEADER
                + "2026-03-01T10:00:00.000000001Z,c1,order,p1,o1,10.00,EUR,1,\n"
                + "2026-03-02T10:00:00.000000001Z,c1,refund,,o1,1.00,EUR,,\n"
                + "2026-03-02T10:00:00.000000002Z,c1,refund,,o1,1.00,EUR,,\n"
                + "2026-03-02T10:00:00.000000002Z,c1,refund,,o1,1.00,EUR,,\n"
                + "2026-03-03T10:00:00.000000001Z,c1,cart,p1,,5.00,EUR,1,\n"
                + "2026-03-03T10:00:00.000000002Z,c1,cart,p2,,6.00,EUR,1,\n";

        CsvImport read = EventCsvReader.strict().read(new StringReader(csv));

        List<Instant> refunds = read.events().stream().filter(OrderRefunded.class::isInstance)
                .map(CustomerEvent::occurredAt).toList();
        List<Instant> carts = read.events().stream().filter(CartUpdated.class::isInstance)
                .map(CustomerEvent::occurredAt).toList();
        assertThat(refunds).containsExactly(Instant.parse("2026-03-02T10:00:00.000000001Z"),
                Instant.parse("2026-03-02T10:00:00.000000002Z"));
        assertThat(carts).containsExactly(Instant.parse("2026-03-03T10:00:00.000000001Z"),
                Instant.parse("2026-03-03T10:00:00.000000002Z"));
        // the two rows at the same nanosecond are the lines of one refund
        assertThat(read.events().stream().filter(OrderRefunded.class::isInstance)
                .map(e -> ((OrderRefunded) e).amount())).containsExactly(Money.parse("1.00", "EUR"),
                        Money.parse("2.00", "EUR"));
    }

    @Test
    void anOrdersTimeIsItsEarliestLineToTheNanosecondAndItsLinesKeepTheirAmounts() {
        String csv = HEADER
                + "2026-03-01T10:00:00.000000002Z,c1,order,p2,o1,0.07,BHD,1,\n"
                + "2026-03-01T10:00:00.000000001Z,c1,order,p2,o1,0.05,BHD,1,\n"
                + "2026-03-01T10:00:00.000000003Z,c1,order,p1,o1,123456789012.34,BHD,2,\n";
        // three fraction digits and an amount beyond an int of minor units
        CsvImport read = EventCsvReader.strict().read(new StringReader(csv));

        OrderPlaced order = (OrderPlaced) read.events().get(0);
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.000000001Z"));
        assertThat(order.items()).extracting(l -> l.productId().value() + " " + l.amount())
                .containsExactly("p1 " + Money.parse("123456789012.340", "BHD"),
                        "p2 " + Money.parse("0.050", "BHD"), "p2 " + Money.parse("0.070", "BHD"));
        assertThat(order.total()).isEqualTo(Money.parse("123456789012.460", "BHD"));
        assertThat(read.ordersSpreadInTime()).isEqualTo(1);
    }

    @Test
    void anOrdersLinesAtTheSameInstantAreNotSpreadInTime() {
        String csv = HEADER
                + "2026-03-01T10:00:00.5Z,c1,order,p1,o1,1.00,EUR,1,\n"
                + "2026-03-01T10:00:00.500Z,c1,order,p2,o1,2.00,EUR,1,\n";

        CsvImport read = EventCsvReader.strict().read(new StringReader(csv));

        assertThat(read.ordersSpreadInTime()).isZero();
        assertThat(((OrderPlaced) read.events().get(0)).total()).isEqualTo(Money.parse("3.00", "EUR"));
    }
}
