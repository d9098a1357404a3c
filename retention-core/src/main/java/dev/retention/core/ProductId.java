package dev.retention.core;

import dev.retention.core.internal.Utf16;

/**
 * Identifies a product (SKU or product card) of the shop's catalogue.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not). It must be well-formed UTF-16: a lone surrogate
 * is refused, naming its index, since UTF-8 (as stores keep ids) has no form for it and two
 * different ids would be stored alike.
 *
 * <p>Immutable and thread-safe. Ids sort by {@link String#compareTo} of their values (UTF-16 code
 * units), and {@link #toString()} is the bare value.
 *
 * @param value the product's id, e.g. a SKU like {@code "sneaker-42"}; non-blank, well-formed UTF-16, kept as given (not trimmed)
 */
public record ProductId(String value) implements Comparable<ProductId> {

    /**
     * Checks the id.
     *
     * @param value the id; not blank and well-formed UTF-16
     * @throws IllegalArgumentException if {@code value} is null, blank or holds a lone surrogate
     *     (the message names {@code productId} and the value or the index)
     */
    public ProductId {
        if (value == null || value.isBlank()) {
            // the message is made only for a bad id: ids are made for every event read
            throw new IllegalArgumentException("productId must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        Utf16.checkWellFormed("productId", value);
    }

    /**
     * The id with this value; the same as the constructor, shorter to read in a chain.
     *
     * @param value the id; not blank and well-formed UTF-16
     * @return the id
     * @throws IllegalArgumentException if {@code value} is null, blank or holds a lone surrogate
     */
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
