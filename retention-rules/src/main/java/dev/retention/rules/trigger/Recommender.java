package dev.retention.rules.trigger;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import java.time.Instant;
import java.util.List;

/**
 * Suggests products for a customer, given some products they showed interest in. Pluggable into
 * {@link AbandonedViewTrigger} and {@link RisingFrequencyTrigger}; {@link CoPurchaseRecommender}
 * is the built-in one. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Recommender {

    /**
     * Up to {@code limit} products, best first, never one of the {@code seeds}.
     *
     * @param history the customer's events, e.g. to leave out what they already bought
     * @param seeds the products the customer showed interest in, most relevant first
     * @param limit the most products to answer, not negative
     * @return the recommendations, possibly fewer than {@code limit} or none
     */
    List<ProductId> recommend(CustomerHistory history, List<ProductId> seeds, int limit);

    /**
     * Up to {@code limit} products, best first, never one of the {@code seeds}, for a customer as of
     * {@code now}: what the customer does after {@code now} must not count, so that a backtest (or
     * a trigger evaluated late) recommends what it would have recommended then. The built-in
     * triggers call this one. The default ignores {@code now} and answers
     * {@link #recommend(CustomerHistory, List, int)}: a recommender that reads the history should
     * override it.
     *
     * @param history the customer's events; it may hold events after {@code now}
     * @param seeds the products the customer showed interest in, most relevant first
     * @param limit the most products to answer, not negative
     * @param now the instant the recommendation is for
     * @return the recommendations, possibly fewer than {@code limit} or none
     */
    default List<ProductId> recommend(CustomerHistory history, List<ProductId> seeds, int limit, Instant now) {
        return recommend(history, seeds, limit);
    }

    /**
     * Recommends nothing.
     *
     * @return the recommender
     */
    static Recommender none() {
        return (history, seeds, limit) -> List.of();
    }
}
