package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CartUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The abandoned cart: the cart as last updated at or before {@code now} is not empty, that update
 * is at least {@code idleFor} old (at or before {@code now - idleFor}: exactly {@code idleFor} counts),
 * and no order was placed from that update up to {@code now} (both inclusive).
 *
 * @param idleFor the minimum time since the cart's last update
 */
public record AbandonedCart(Duration idleFor) implements Condition {

    /**
     * Validates the component.
     *
     * @param idleFor the minimum time since the cart's last update
     * @throws IllegalArgumentException if {@code idleFor} is negative or longer than {@link Window#MAX_LENGTH}
     * @throws NullPointerException if {@code idleFor} is null
     */
    public AbandonedCart {
        requireNonNull(idleFor, "idleFor");
        checkArgument(!idleFor.isNegative() && idleFor.compareTo(Window.MAX_LENGTH) <= 0,
                "idleFor must be between zero and %s, got %s", Window.MAX_LENGTH, idleFor);
    }

    @Override
    public boolean test(EvaluationContext context) {
        Optional<CartUpdated> cart = context.history().cartAsOf(context.now());
        return cart.isPresent() && abandoned(cart.get(), context);
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<CartUpdated> cart = context.history().cartAsOf(context.now());
        String observed;
        if (cart.isEmpty() || cart.get().isEmpty()) {
            observed = "no cart";
        } else if (ordered(cart.get(), context)) {
            observed = "ordered since the cart was updated";
        } else {
            observed = "idle for " + Durations.describe(Duration.between(cart.get().occurredAt(), context.now()));
        }
        return Explanation.leaf(subject(), observed, "at least " + Durations.describe(idleFor),
                cart.isPresent() && abandoned(cart.get(), context));
    }

    private boolean abandoned(CartUpdated cart, EvaluationContext context) {
        return !cart.isEmpty() && !cart.occurredAt().isAfter(context.now().minus(idleFor)) && !ordered(cart, context);
    }

    private static boolean ordered(CartUpdated cart, EvaluationContext context) {
        return context.history().orderCount(cart.occurredAt(), context.end()) > 0;
    }

    private static String subject() {
        return "abandoned cart";
    }

    @Override
    public String describe() {
        return "cart not empty and not ordered for at least " + Durations.describe(idleFor);
    }

    @Override
    public String toString() {
        return describe();
    }
}
