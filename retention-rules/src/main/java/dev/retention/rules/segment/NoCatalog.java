package dev.retention.rules.segment;

import dev.retention.core.ProductId;
import java.util.Set;

/**
 * {@link Catalog#empty()}: the absence of a catalog, not a shop without categories. A category
 * condition evaluated against it fails instead of silently matching nothing, so a segment with a
 * category that was given no catalog is noticed on its first evaluation.
 */
enum NoCatalog implements Catalog {
    INSTANCE;

    @Override
    public Set<String> categoriesOf(ProductId product) {
        throw new IllegalStateException("no Catalog was given, so the categories of product '" + product.value()
                + "' are unknown; " + HOW);
    }

    private static final String HOW = "pass your shop's catalog with SegmentEvaluator.Builder.catalog(..), "
            + "Trigger.onEntering(segment, catalog), new EvaluationContext(.., catalog) or "
            + "SegmentAssert.withCatalog(..) (Catalog.of(Map.of()) if no product has a category)";

    /** Fails if {@code products} is a category and {@code catalog} is no catalog at all. */
    static void check(Products products, Catalog catalog) {
        if (catalog == INSTANCE && products.category().isPresent()) {
            throw new IllegalStateException("the condition on products in category '" + products.category().get()
                    + "' needs a Catalog to know which products are in it, but none was given; " + HOW);
        }
    }
}
