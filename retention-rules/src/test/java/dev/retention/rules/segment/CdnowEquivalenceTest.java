package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.spendEver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Playbook segments 2 and 4 evaluated by the DSL over the real CDNOW log equal the same definitions
 * computed here with plain loops over the CSV rows.
 */
class CdnowEquivalenceTest {
    private static final LocalDate TODAY = LocalDate.parse("1998-01-01");
    private static final Instant NOW = Instant.parse("1998-01-01T00:00:00Z");

    private static final InMemoryEventStore STORE = new InMemoryEventStore();
    /** Per customer, the dates and cents of the orders placed on or before TODAY (midnight UTC = NOW). */
    private static final Map<String, List<LocalDate>> DATES = new TreeMap<>();
    private static final Map<String, Long> CENTS = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path orders = Path.of(System.getProperty("retention.data", "../data"), "cdnow", "orders.csv");
        assertTrue(Files.exists(orders), "the CDNOW data set is not at " + orders.toAbsolutePath());
        EventCsvReader.strict().importInto(STORE, orders);
        List<String> lines = Files.readAllLines(orders);
        assertThat(lines.get(0)).isEqualTo("occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LocalDate date = LocalDate.parse(cells[0]);
            String customer = cells[1];
            DATES.computeIfAbsent(customer, c -> new ArrayList<>());
            CENTS.putIfAbsent(customer, 0L);
            // an order dated TODAY happened at midnight, i.e. exactly at NOW, which "ever" includes
            if (!date.isAfter(TODAY)) {
                DATES.get(customer).add(date);
                CENTS.merge(customer, new BigDecimal(cells[5]).movePointRight(2).longValueExact(), Long::sum);
            }
        }
        assertThat(DATES).hasSize(23_570);
    }

    private static List<CustomerId> dsl(Segment segment) {
        return SegmentEvaluator.builder(segment).parallel(true).build()
                .members(STORE, new InMemoryProfileStore(), NOW).members();
    }

    @Test
    void loyaltyThresholdEqualsPlainLoop() {
        int minOrders = 5;
        long moreThanCents = 200_00;
        Segment loyal = Segment.named("loyalty-threshold")
                .where(ordersEver().atLeast(minOrders))
                .and(spendEver().above(Money.of(200, "USD")));

        List<CustomerId> expected = new ArrayList<>();
        for (String customer : DATES.keySet()) {
            if (DATES.get(customer).size() >= minOrders && CENTS.get(customer) > moreThanCents) {
                expected.add(CustomerId.of(customer));
            }
        }
        List<CustomerId> actual = dsl(loyal);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(actual).hasSameSizeAs(expected).isEqualTo(expected);
    }

    @Test
    void winBackEqualsPlainLoop() {
        int minOrders = 3;
        int quietDays = 90;
        Segment winBack = Segment.named("win-back")
                .where(ordersEver().atLeast(minOrders))
                .and(noOrderWithin(days(quietDays)));

        // "no order within 90 days" of midnight 1 January: none dated 3 October 1997 or later
        LocalDate firstQuietDay = TODAY.minusDays(quietDays);
        List<CustomerId> expected = new ArrayList<>();
        for (Map.Entry<String, List<LocalDate>> customer : DATES.entrySet()) {
            List<LocalDate> dates = customer.getValue();
            boolean quiet = true;
            for (LocalDate d : dates) {
                if (!d.isBefore(firstQuietDay)) {
                    quiet = false;
                }
            }
            if (dates.size() >= minOrders && quiet) {
                expected.add(CustomerId.of(customer.getKey()));
            }
        }
        List<CustomerId> actual = dsl(winBack);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(actual).hasSameSizeAs(expected).isEqualTo(expected);
    }
}
