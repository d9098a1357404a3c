package dev.retention.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.internal.Utf16;

/**
 * Identifies a customer of the shop, as the shop's own backend names it.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not). It must be well-formed UTF-16: a lone surrogate
 * is refused, naming its index, since UTF-8 (as stores keep ids) has no form for it and two
 * different ids would be stored alike.
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

    public CustomerId {
        checkArgument(value != null && !value.isBlank(), "customerId must not be blank, got %s",
                value == null ? "null" : "'" + value + "'");
        Utf16.checkWellFormed("customerId", value);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
