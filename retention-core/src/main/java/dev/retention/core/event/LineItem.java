package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.ProductId;

/**
 * One line of an order or a cart: a product, how many units, and what the line costs in all.
 *
 * <p>The line's {@code amount} is its total, not a unit price, because shops round per line and
 * exports (like the CSV format) carry line totals; {@link #of(ProductId, int, Money)} computes it
 * from a unit price.
 *
 * <p>Immutable and thread-safe.
 *
 * @param productId the product on the line
 * @param quantity units on the line, at least 1; informational (sums use {@code amount})
 * @param amount what the line costs in all, not negative
 */
public record LineItem(ProductId productId, int quantity, Money amount) {

    /**
     * Checks the line.
     *
     * @param productId the product
     * @param quantity units, at least 1
     * @param amount the line's total, not negative (zero for a free gift)
     * @throws IllegalArgumentException if {@code quantity} is below 1 or {@code amount} is negative
     *     (the message names the value and the product)
     * @throws NullPointerException if {@code productId} or {@code amount} is null
     */
    public LineItem {
        requireNonNull(productId, "productId");
        requireNonNull(amount, "amount");
        checkArgument(quantity >= 1, "quantity must be at least 1, got %s (product %s)", quantity, productId);
        checkArgument(!amount.isNegative(), "amount must not be negative, got %s (product %s)", amount, productId);
    }

    /**
     * A line of {@code quantity} units at {@code unitPrice} each.
     *
     * @param productId the product
     * @param quantity units, at least 1
     * @param unitPrice the price of one unit, not negative
     * @return a line whose amount is {@code unitPrice * quantity}, exact
     * @throws IllegalArgumentException if {@code quantity} is below 1 or {@code unitPrice} is
     *     negative
     * @throws ArithmeticException if the line's total overflows a {@code long} of minor units
     * @throws NullPointerException if {@code productId} or {@code unitPrice} is null
     */
    public static LineItem of(ProductId productId, int quantity, Money unitPrice) {
        requireNonNull(unitPrice, "unitPrice");
        return new LineItem(productId, quantity, unitPrice.times(quantity));
    }
}
