package dev.retention.metrics;

import static dev.retention.metrics.Orders.day;
import static dev.retention.metrics.Orders.period;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.ProductId;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.InMemoryProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class OrderLogTest {

    @Test
    void keepsOrdersAndRefundsAndIgnoresOtherEventsAndRepeatedIds() {
        List<CustomerEvent> events = new ArrayList<>(new Orders()
                .order("a", "2026-01-02", "10.00")
                .order("b", "2026-01-01", "5.00")
                .refund("a", "2026-01-05", "1.00", "USD")
                .events());
        events.add(new ProductViewed("v1", CustomerId.of("viewer"), day("2026-01-01"), ProductId.of("p")));
        events.add(new OrderPlaced("o1", CustomerId.of("a"), day("2026-01-02"), OrderId.of("T1"), List.of(),
                Money.parse("10.00", "USD"))); // a repeat of the first order's event id

        OrderLog log = OrderLog.of(events);

        assertThat(log.customers()).containsExactly(CustomerId.of("a"), CustomerId.of("b"));
        assertThat(log.orderCount()).isEqualTo(2);
        assertThat(log.refundCount()).isEqualTo(1);
        assertThat(log.firstOrderAt()).hasValue(day("2026-01-01"));
        assertThat(log.lastOrderAt()).hasValue(day("2026-01-02"));
        assertThat(log.firstOrderAt(CustomerId.of("a"))).hasValue(day("2026-01-02"));
        assertThat(log.firstOrderAt(CustomerId.of("viewer"))).isEmpty();
    }

    @Test
    void groupByAcquisitionChannelSplitsCustomersAndTheirOrders() {
        InMemoryProfileStore profiles = new InMemoryProfileStore();
        profiles.put(CustomerProfile.builder(CustomerId.of("a"))
                .acquisitionSource(AcquisitionSource.campaign("email", "spring")).build());
        profiles.put(CustomerProfile.builder(CustomerId.of("b"))
                .acquisitionSource(AcquisitionSource.channel("organic")).build());
        profiles.put(CustomerProfile.builder(CustomerId.of("c"))
                .acquisitionSource(AcquisitionSource.channel("email")).build());
        OrderLog log = new Orders()
                .order("a", "2025-12-01", "1.00").order("a", "2026-01-05", "1.00")
                .order("b", "2025-12-01", "1.00")
                .order("c", "2025-12-03", "1.00").order("c", "2026-01-07", "1.00")
                .order("d", "2026-01-09", "1.00")
                .log();

        SortedMap<String, OrderLog> byChannel = log.groupBy(AcquisitionGrouping.byChannel(profiles));
        SortedMap<String, OrderLog> byCampaign = log.groupBy(AcquisitionGrouping.byCampaign(profiles));

        assertThat(byChannel).containsOnlyKeys("(unknown)", "email", "organic");
        assertThat(byCampaign).containsOnlyKeys("(unknown)", "email", "email/spring", "organic");
        ReportingPeriod january = period("2026-01-01", "2026-02-01");
        assertThat(RetentionRate.of(byChannel.get("email"), january)).isEqualTo(new RetentionRate(2, 0, 2, 2));
        assertThat(RetentionRate.of(byChannel.get("organic"), january)).isEqualTo(new RetentionRate(1, 0, 0, 0));
        assertThat(RetentionRate.of(byChannel.get("(unknown)"), january)).isEqualTo(new RetentionRate(0, 1, 1, 0));
        assertThat(byChannel.get("email").customers()).containsExactly(CustomerId.of("a"), CustomerId.of("c"));
        assertThat(byChannel.get("email").orderCount()).isEqualTo(4);
    }

    @Test
    void filterKeepsOnlyTheAcceptedCustomers() {
        OrderLog log = new Orders().order("a", "2026-01-01", "1.00").order("b", "2026-01-02", "2.00").log();

        OrderLog onlyB = log.filter(id -> id.value().equals("b"));

        assertThat(onlyB.customers()).containsExactly(CustomerId.of("b"));
        assertThat(AverageOrderValue.of(onlyB, period("2026-01-01", "2026-02-01")).get(0).revenue())
                .isEqualTo(Money.parse("2.00", "USD"));
    }
}
