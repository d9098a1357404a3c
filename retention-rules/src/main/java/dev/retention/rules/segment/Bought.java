package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer bought at least one of the selected {@link Products} in the {@link Window} (an order
 * placed in the window has a line of it). For {@link Products#any()} any order counts, even one
 * without lines. Window edges as in {@link Window}; the window cannot be
 * {@link Window#sinceLastOrder()} (no order falls in it).
 *
 * @param products which products count
 * @param window when the order must have been placed
 */
public record Bought(Products products, Window window) implements Condition {

    /**
     * Validates the components.
     *
     * @param products which products count
     * @param window when the order must have been placed
     * @throws IllegalArgumentException if {@code window} is {@link Window#sinceLastOrder()}
     * @throws NullPointerException if a component is null
     */
    public Bought {
        requireNonNull(products, "products");
        requireNonNull(window, "window");
        Window.checkOrdersCanFallIn(window, "a bought condition");
    }

    @Override
    public boolean test(EvaluationContext context) {
        NoCatalog.check(products, context.catalog());
        CustomerHistory history = context.history();
        Instant from = context.from(window);
        if (products.isAny()) {
            return history.orderCount(from, context.end()) > 0;
        }
        if (products.category().isEmpty()) {
            return history.boughtAny(products.ids(), from, context.end());
        }
        return !matching(context).isEmpty();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        NoCatalog.check(products, context.catalog());
        if (products.isAny()) {
            int orders = context.history().orderCount(context.from(window), context.end());
            return Explanation.leaf(subject(), orders + " orders", ">= 1", orders > 0);
        }
        Set<ProductId> bought = matching(context);
        return Explanation.leaf(subject(), bought.isEmpty() ? "none" : String.join(", ",
                bought.stream().map(ProductId::value).toList()), "at least one", !bought.isEmpty());
    }

    private Set<ProductId> matching(EvaluationContext context) {
        Set<ProductId> out = new TreeSet<>();
        for (ProductId product : context.history().productsBought(context.from(window), context.end())) {
            if (products.contains(product, context.catalog())) {
                out.add(product);
            }
        }
        return out;
    }

    private String subject() {
        return "bought " + products.describe() + " " + window.describe();
    }

    @Override
    public String describe() {
        return subject();
    }

    @Override
    public String toString() {
        return describe();
    }
}
