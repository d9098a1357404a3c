package dev.retention.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticShopTest {

    @Test
    void theSameSeedGivesTheSameShopAndAnotherSeedAnother() {
        assertThat(SyntheticShop.of(200, 1).events()).isEqualTo(SyntheticShop.of(200, 1).events());
        assertThat(SyntheticShop.of(200, 2).events()).isNotEqualTo(SyntheticShop.of(200, 1).events());
    }

    @Test
    void customersAreHeterogeneousAndSomeLapse() {
        SyntheticShop shop = SyntheticShop.of(2_000, 42);
        InMemoryEventStore store = new InMemoryEventStore();
        shop.generate(store::append);
        List<CustomerHistory> histories = store.histories().toList();

        long oneOrder = histories.stream().filter(h -> h.orderCount() == 1).count();
        long loyal = histories.stream().filter(h -> h.orderCount() >= 5).count();
        long lapsed = histories.stream().filter(h -> h.orderCount() >= 2
                && h.lastOrderAt().orElseThrow().isBefore(shop.end().minus(Duration.ofDays(180)))).count();
        assertThat(histories).hasSize(2_000);
        assertThat(oneOrder).isBetween(200L, 1_400L);
        assertThat(loyal).isBetween(100L, 1_000L);
        assertThat(lapsed).isGreaterThan(100L);
        long views = store.histories().mapToLong(CustomerHistory::viewCount).sum();
        long orders = store.histories().mapToLong(CustomerHistory::orderCount).sum();
        assertThat(views).as("several views per order").isGreaterThan(2 * orders);
        assertThat(shop.events()).anyMatch(e -> e instanceof OrderRefunded).anyMatch(e -> e instanceof ProductViewed)
                .allMatch(e -> e.occurredAt().isBefore(shop.end()));
    }
}
