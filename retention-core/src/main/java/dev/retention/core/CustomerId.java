package dev.retention.core;

import dev.retention.core.internal.Utf16;

/**
 * Identifies a customer of the shop, as the shop's own backend names it.
 *
 * <p>Any non-blank string; compared exactly (case and surrounding spaces matter, so normalise
 * before you create it if your system does not). It must be well-formed UTF-16: a lone surrogate
 * is refused, naming its index, since UTF-8 (as stores keep ids) has no form for it and two
 * different ids would be stored alike.
 *
 * <p>Immutable and thread-safe. Ids sort by {@link String#compareTo} of their values (UTF-16 code
 * units), and {@link #toString()} is the bare value.
 *
 * @param value the shop's customer id, e.g. {@code "c-1042"}; non-blank, well-formed UTF-16, kept
 *     as given (not trimmed). Prefer an internal number to an e-mail address: ids appear in
 *     exception messages and {@code toString()}.
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

    /**
     * Checks the id.
     *
     * @param value the id; not blank and well-formed UTF-16
     * @throws IllegalArgumentException if {@code value} is null, blank or holds a lone surrogate
     *     (the message names {@code customerId} and the value or the index)
     */
    public CustomerId {
        if (value == null || value.isBlank()) {
            // the message is made only for a bad id: ids are made for every event read
            throw new IllegalArgumentException("customerId must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        Utf16.checkWellFormed("customerId", value);
    }

    /**
     * The id with this value; the same as the constructor, shorter to read in a chain.
     *
     * @param value the id; not blank and well-formed UTF-16
     * @return the id
     * @throws IllegalArgumentException if {@code value} is null, blank or holds a lone surrogate
     */
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
