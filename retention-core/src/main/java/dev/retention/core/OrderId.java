package dev.retention.core;

import dev.retention.core.internal.Utf16;

/**
 * Identifies an order, as the shop's order system numbers it.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not). It must be well-formed UTF-16: a lone surrogate
 * is refused, naming its index, since UTF-8 (as stores keep ids) has no form for it and two
 * different ids would be stored alike.
 *
 * <p>Immutable and thread-safe. Ids sort by {@link String#compareTo} of their values (UTF-16 code
 * units), and {@link #toString()} is the bare value.
 *
 * @param value the order number, e.g. {@code "o-1001"}; non-blank, well-formed UTF-16, kept as given (not trimmed)
 */
public record OrderId(String value) implements Comparable<OrderId> {

    /**
     * Checks the id.
     *
     * @param value the id; not blank and well-formed UTF-16
     * @throws IllegalArgumentException if {@code value} is null, blank or holds a lone surrogate
     *     (the message names {@code orderId} and the value or the index)
     */
    public OrderId {
        if (value == null || value.isBlank()) {
            // the message is made only for a bad id: ids are made for every event read
            throw new IllegalArgumentException("orderId must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        Utf16.checkWellFormed("orderId", value);
    }

    /**
     * The id with this value; the same as the constructor, shorter to read in a chain.
     *
     * @param value the id; not blank and well-formed UTF-16
     * @return the id
     * @throws IllegalArgumentException if {@code value} is null, blank or holds a lone surrogate
     */
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
