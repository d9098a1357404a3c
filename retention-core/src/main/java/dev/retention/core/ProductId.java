package dev.retention.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.internal.Utf16;

/**
 * Identifies a product (SKU or product card) of the shop's catalogue.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not). It must be well-formed UTF-16: a lone surrogate
 * is refused, naming its index, since UTF-8 (as stores keep ids) has no form for it and two
 * different ids would be stored alike.
 */
public record ProductId(String value) implements Comparable<ProductId> {

    public ProductId {
        checkArgument(value != null && !value.isBlank(), "productId must not be blank, got %s",
                value == null ? "null" : "'" + value + "'");
        Utf16.checkWellFormed("productId", value);
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
