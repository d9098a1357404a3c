package dev.retention.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.internal.Utf16;

/**
 * Identifies an order, as the shop's order system numbers it.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not). It must be well-formed UTF-16: a lone surrogate
 * is refused, naming its index, since UTF-8 (as stores keep ids) has no form for it and two
 * different ids would be stored alike.
 */
public record OrderId(String value) implements Comparable<OrderId> {

    public OrderId {
        checkArgument(value != null && !value.isBlank(), "orderId must not be blank, got %s",
                value == null ? "null" : "'" + value + "'");
        Utf16.checkWellFormed("orderId", value);
    }

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
