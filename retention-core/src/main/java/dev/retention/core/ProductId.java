package dev.retention.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Identifies a product (SKU or product card) of the shop's catalogue.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not).
 */
public record ProductId(String value) implements Comparable<ProductId> {

    public ProductId {
        checkArgument(value != null && !value.isBlank(), "productId must not be blank, got %s",
                value == null ? "null" : "'" + value + "'");
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    @Override
    public int compareTo(ProductId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
