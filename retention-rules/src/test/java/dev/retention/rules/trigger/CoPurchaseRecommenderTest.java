package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoPurchaseRecommenderTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final CustomerId A = customer("a");
    private static final CustomerId B = customer("b");

    @Test
    void ranksByOrdersBoughtTogetherAcrossAllCustomersOfTheStore() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(List.of(order(A, T, "tent", "stove"), order(B, T, "tent", "stove", "mat"),
                order(B, T.plusSeconds(1), "tent", "mat"), order(A, T.plusSeconds(2), "tent", "lamp"),
                order(B, T.plusSeconds(3), "tent", "mat")));

        CoPurchaseRecommender recommender = CoPurchaseRecommender.from(store);

        assertThat(recommender.timesBoughtTogether(product("tent"), product("mat"))).isEqualTo(3);
        assertThat(recommender.recommend(CustomerHistory.empty(customer("c")), List.of(product("tent")), 10))
                .containsExactly(product("mat"), product("stove"), product("lamp"));
    }

    @Test
    void sumsScoresOverSeedsAndBreaksTiesByProductId() {
        CoPurchaseRecommender recommender = CoPurchaseRecommender.fromOrders(List.of(
                order(A, T, "x", "b"), order(A, T, "y", "a"), order(A, T, "x", "c"), order(A, T, "y", "c")));

        assertThat(recommender.recommend(CustomerHistory.empty(B), List.of(product("x"), product("y")), 3))
                .containsExactly(product("c"), product("a"), product("b"));
    }

    @Test
    void leavesOutSeedsAndProductsTheCustomerAlreadyBought() {
        CoPurchaseRecommender recommender = CoPurchaseRecommender.fromOrders(List.of(
                order(A, T, "x", "y", "z")));
        CustomerHistory history = CustomerHistory.of(B, order(B, T, "z"));

        assertThat(recommender.recommend(history, List.of(product("x")), 5)).containsExactly(product("y"));
    }

    @Test
    void aPurchaseAfterNowDoesNotTakeAProductOutOfTheRecommendations() {
        CoPurchaseRecommender recommender = CoPurchaseRecommender.fromOrders(List.of(
                order(A, T, "x", "y", "z")));
        CustomerHistory history = CustomerHistory.of(B, order(B, T.plusSeconds(3600), "z"));

        assertThat(recommender.recommend(history, List.of(product("x")), 5, T))
                .as("as of T the customer had not bought z yet").containsExactly(product("y"), product("z"));
        assertThat(recommender.recommend(history, List.of(product("x")), 5, T.plusSeconds(3600)))
                .as("bought at that very instant").containsExactly(product("y"));
    }
}
