package dev.retention.rules.loyalty;

import dev.retention.core.ProductId;
import java.util.Optional;

/**
 * Finds a product's category for category multipliers, e.g. from the shop's catalogue. Must be
 * deterministic and thread-safe; it is called while points are computed.
 */
@FunctionalInterface
public interface CategoryLookup {

    /** A lookup that knows no categories. */
    CategoryLookup NONE = product -> Optional.empty();

    /**
     * The product's category for multipliers.
     *
     * @param product the product
     * @return its category, or empty if it has none or is unknown
     */
    Optional<String> categoryOf(ProductId product);
}
