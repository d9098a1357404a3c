package dev.retention.rules.trigger;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
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
     * @param seeds the products the customer showed interest in, most relevant first
     */
    List<ProductId> recommend(CustomerHistory history, List<ProductId> seeds, int limit);

    /** Recommends nothing. */
    static Recommender none() {
        return (history, seeds, limit) -> List.of();
    }
}
