package dev.retention.core.io;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import java.util.Currency;

/**
 * The customer and product ids (and the currency) of one piece of a file, one object per id seen recently instead
 * of one per row: a shop's log names the same customers and products over and over, and the
 * events hold these objects until the whole file is read. Not thread-safe: one per piece.
 */
final class IdCache {
    private final CustomerId[] customers = new CustomerId[1 << 12];
    private final ProductId[] products = new ProductId[1 << 14];
    /** The last currency code read and its currency: a shop's file rarely has a second one. */
    private String currencyCode;
    private Currency currency;

    /** The id of {@code value}; throws as {@link CustomerId#of} does. */
    CustomerId customer(String value) {
        int slot = spread(value.hashCode()) & (customers.length - 1);
        CustomerId id = customers[slot];
        if (id == null || !id.value().equals(value)) {
            id = CustomerId.of(value);
            customers[slot] = id;
        }
        return id;
    }

    /** The id of {@code value}, or null if it is no valid product id (the caller reports that). */
    ProductId productOrNull(String value) {
        if (value.isEmpty()) {
            return null;
        }
        int slot = spread(value.hashCode()) & (products.length - 1);
        ProductId id = products[slot];
        if (id == null || !id.value().equals(value)) {
            try {
                id = ProductId.of(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
            products[slot] = id;
        }
        return id;
    }

    /** The currency of {@code code}; throws as {@link Currency#getInstance(String)} does. */
    Currency currency(String code) {
        if (!code.equals(currencyCode)) {
            currency = Currency.getInstance(code);
            currencyCode = code;
        }
        return currency;
    }

    private static int spread(int h) {
        return h ^ (h >>> 12);
    }
}
