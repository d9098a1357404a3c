package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The number of product views of the selected {@link Products} in a {@link Window} compares to a
 * threshold, e.g. "views of products in category shoes in the last 7 days >= 3". Window edges as
 * in {@link Window}; with {@link Window#sinceLastOrder()} a view at the same instant as the last
 * order does not count.
 *
 * @param products which products' views count
 * @param window when the views must have occurred
 * @param bound the count threshold
 */
public record ViewCount(Products products, Window window, CountBound bound) implements Condition {

    /**
     * Validates the components.
     *
     * @param products which products' views count
     * @param window when the views must have occurred
     * @param bound the count threshold
     * @throws NullPointerException if a component is null
     */
    public ViewCount {
        requireNonNull(products, "products");
        requireNonNull(window, "window");
        requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return bound.matches(observe(context));
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        int observed = observe(context);
        return Explanation.leaf(subject(), observed, bound.describe(), bound.matches(observed));
    }

    private int observe(EvaluationContext context) {
        NoCatalog.check(products, context.catalog());
        CustomerHistory history = context.history();
        Instant from = context.from(window);
        Instant to = context.end();
        if (products.isAny()) {
            return history.viewCount(from, to);
        }
        if (products.category().isEmpty()) {
            return history.viewCount(products.ids(), from, to);
        }
        // category views: find the distinct viewed products in the category, then count their views
        List<ProductId> inCategory = new ArrayList<>();
        for (ProductId viewed : history.productsViewed(from, to)) {
            if (products.contains(viewed, context.catalog())) {
                inCategory.add(viewed);
            }
        }
        return inCategory.isEmpty() ? 0 : history.viewCount(inCategory, from, to);
    }

    private String subject() {
        return "views of " + products.describe() + " " + window.describe();
    }

    @Override
    public String describe() {
        return subject() + " " + bound.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
