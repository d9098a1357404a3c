package dev.retention.testkit;

import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.segment.Conditions;
import dev.retention.rules.segment.Segment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentAssertTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Segment WIN_BACK = Segment.named("win-back").where(ordersEver().atLeast(3))
            .and(noOrderWithin(days(90)));

    private final CustomerHistory lapsed = aCustomer("anna").withOrders(3).lastOrderedDaysAgo(100).history(NOW);
    private final CustomerHistory active = aCustomer("ben").withOrders(3).lastOrderedDaysAgo(10).history(NOW);

    // guide:segment:begin
    @Test
    void passesWhenTheVerdictIsAsExpected() {
        assertThat(WIN_BACK).matches(lapsed).at(NOW).doesNotMatch(active).at(NOW);
    }

    @Test
    void aFailedMatchShowsTheExplanationTreeAndTheRecentEvents() {
        String tree = WIN_BACK.explain(active, CustomerProfile.unknown(active.customerId()), NOW).render();

        assertThatThrownBy(() -> assertThat(WIN_BACK).matches(active).at(NOW))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting customer ben to match segment")
                .hasMessageContaining(WIN_BACK.describe())
                .hasMessageContaining(tree)
                .hasMessageContaining("orders in the last 90 days: 3 = 0: no") // orders 10, 40 and 70 days ago
                .hasMessageContaining("Recent events of ben")
                .hasMessageContaining(NOW.minus(days(10)) + "  order ben-o3 [product-1 x1] total 50.00 USD");
    }
    // guide:segment:end

    @Test
    void aFailedNonMatchShowsWhyTheCustomerIsIn() {
        String tree = WIN_BACK.explain(lapsed, CustomerProfile.unknown(lapsed.customerId()), NOW).render();

        assertThatThrownBy(() -> assertThat(WIN_BACK).doesNotMatch(lapsed).at(NOW))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not to match")
                .hasMessageContaining(tree)
                .hasMessageContaining("order anna-o1");
    }

    @Test
    void eventsAfterTheInstantDoNotCountAndAreFlaggedInTheMessage() {
        CustomerHistory returning = aCustomer("carla").withOrders(3).lastOrderedDaysAgo(100)
                .orderedDaysAgo(0, "tent").history(NOW);
        Instant before = NOW.minus(days(1));

        assertThat(WIN_BACK).matches(returning).at(before).doesNotMatch(returning).at(NOW);
        assertThatThrownBy(() -> assertThat(WIN_BACK).doesNotMatch(returning).at(before))
                .hasMessageContaining("1 later events after " + before + " not counted");
    }

    @Test
    void theProfileIsUsedWhenGiven() {
        Segment subscribers = Segment.named("subscribers").where(Conditions.consentGiven(Channel.EMAIL));
        CustomerFixture anna = aCustomer("anna");

        assertThat(subscribers).matches(anna.history(NOW), anna.profile(NOW)).at(NOW)
                .doesNotMatch(anna.history(NOW)).at(NOW);
    }
}
