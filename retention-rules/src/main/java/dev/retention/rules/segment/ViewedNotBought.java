package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abandoned view: the customer viewed at least one of the selected {@link Products} in the
 * {@link Window} and has not bought that product since. "Since" starts at the product's latest view
 * in the window and ends at {@code now}, both inclusive: an order of the product at the very instant
 * of the view counts as buying it. Orders before the latest view do not matter, so a customer who
 * bought a product and came back to look at it again is an abandoned viewer again.
 *
 * @param products which products' views count
 * @param window when the views must have occurred
 */
public record ViewedNotBought(Products products, Window window) implements Condition {

    /**
     * Validates the components.
     *
     * @param products which products' views count
     * @param window when the views must have occurred
     * @throws NullPointerException if a component is null
     */
    public ViewedNotBought {
        requireNonNull(products, "products");
        requireNonNull(window, "window");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return !observe(context, true).isEmpty();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Set<ProductId> abandoned = observe(context, false);
        return Explanation.leaf(subject(), abandoned.isEmpty() ? "none" : String.join(", ",
                abandoned.stream().map(ProductId::value).toList()), "at least one", !abandoned.isEmpty());
    }

    /** The products viewed in the window and not bought since; with {@code firstOnly}, at most one. */
    private Set<ProductId> observe(EvaluationContext context, boolean firstOnly) {
        NoCatalog.check(products, context.catalog());
        CustomerHistory history = context.history();
        Instant from = context.from(window);
        Instant to = context.end();
        // cheap counting queries first: most customers viewed nothing in the window, and most of the
        // rest none of the products (counting views of products looks each product up)
        if (history.viewCount(from, to) == 0
                || products.category().isEmpty() && !products.isAny() && history.viewCount(products.ids(), from, to) == 0) {
            return Set.of();
        }
        Set<ProductId> abandoned = new TreeSet<>();
        // per distinct viewed product, not per view: decoding every view would allocate per event
        for (ProductId product : history.productsViewed(from, to)) {
            if (products.contains(product, context.catalog())) {
                Instant lastView = history.lastViewAt(product, from, to).orElseThrow();
                if (!history.boughtAny(List.of(product), lastView, to)) {
                    abandoned.add(product);
                    if (firstOnly) {
                        return abandoned;
                    }
                }
            }
        }
        return abandoned;
    }

    private String subject() {
        return "viewed and not bought since, of " + products.describe() + " " + window.describe();
    }

    @Override
    public String describe() {
        return "viewed " + products.describe() + " " + window.describe() + " and did not buy since";
    }

    @Override
    public String toString() {
        return describe();
    }
}
