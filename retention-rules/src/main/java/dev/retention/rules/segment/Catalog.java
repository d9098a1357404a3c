package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells category conditions which categories a product belongs to. Plug in your shop's catalogue;
 * it is called during evaluation, possibly from several threads at once, so it must be thread-safe
 * and fast (cache if your catalogue lives in a database).
 */
@FunctionalInterface
public interface Catalog {

    /**
     * The product's categories; empty for an unknown product. Never null.
     *
     * @param product the product
     * @return the product's category names (compared case-sensitively with {@link Conditions#category})
     */
    Set<String> categoriesOf(ProductId product);

    /**
     * No catalog: the default where none is given. Asking it for categories throws
     * {@link IllegalStateException}, and so does evaluating any category condition against it (even for a
     * customer with no events), so that a forgotten catalog is an error rather than a segment that
     * silently matches nobody. A shop without categories passes {@code Catalog.of(Map.of())}.
     *
     * @return the catalog that refuses every question
     */
    static Catalog empty() {
        return NoCatalog.INSTANCE;
    }

    /**
     * A fixed catalog, copied; a product it does not list is in no category.
     *
     * @param categories each product's categories
     * @return an immutable, thread-safe catalog
     */
    static Catalog of(Map<ProductId, Set<String>> categories) {
        Map<ProductId, Set<String>> copy = new HashMap<>();
        requireNonNull(categories, "categories").forEach((product, cats) -> copy.put(product, Set.copyOf(cats)));
        return product -> copy.getOrDefault(product, Set.of());
    }
}
