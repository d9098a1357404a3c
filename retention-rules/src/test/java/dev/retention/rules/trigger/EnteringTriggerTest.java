package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.segment.Catalog;
import dev.retention.rules.segment.Conditions;
import dev.retention.rules.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnteringTriggerTest {
    private static final CustomerId C = customer("c");
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void firesWithTheSameEpisodeWhileTheConditionHolds() {
        Trigger twoOrders = Trigger.onEntering("two-orders", (history, profile, now) -> history.orderCountAsOf(now) >= 2);
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "a"), order(C, T.plusSeconds(10), "b"));

        assertThat(twoOrders.evaluate(history, CustomerProfile.unknown(C), T.plusSeconds(9))).isEmpty();
        Firing firing = twoOrders.evaluate(history, CustomerProfile.unknown(C), T.plusSeconds(10)).orElseThrow();
        assertThat(firing.reason()).isEqualTo("entered two-orders");
        assertThat(twoOrders.evaluate(history, CustomerProfile.unknown(C), T.plusSeconds(99)).orElseThrow().episode())
                .isEqualTo(firing.episode());
    }

    @Test
    void aSegmentFromTheDslIsATriggerNamedAfterIt() {
        Segment winBack = Segment.named("win-back").where(Conditions.ordersEver().atLeast(2))
                .and(Conditions.noOrderWithin(Conditions.days(30)));
        Trigger trigger = Trigger.onEntering(winBack);
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "a"), order(C, T.plusSeconds(10), "b"));

        assertThat(trigger.name()).isEqualTo("win-back");
        assertThat(trigger.evaluate(history, CustomerProfile.unknown(C), T.plus(Duration.ofDays(29)))).isEmpty();
        assertThat(trigger.evaluate(history, CustomerProfile.unknown(C), T.plus(Duration.ofDays(31))))
                .hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo("entered win-back"));
    }

    @Test
    void aSegmentWithACategoryNeedsACatalog() {
        Segment shoes = Segment.named("shoes").where(Conditions.bought(Conditions.category("shoes")).ever());
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "boot"));

        assertThatThrownBy(() -> Trigger.onEntering(shoes).evaluate(history, CustomerProfile.unknown(C), T))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("category 'shoes'");
        Catalog catalog = Catalog.of(Map.of(ProductId.of("boot"), Set.of("shoes")));
        assertThat(Trigger.onEntering(shoes, catalog).evaluate(history, CustomerProfile.unknown(C), T)).isPresent();
    }
}
