package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which products a view or purchase condition looks at: any product, a set of products, or the
 * products of a category (as the evaluation's {@link Catalog} says).
 *
 * @param ids the products, empty for any product or a category
 * @param category the category, if the selection is by category
 */
public record Products(Set<ProductId> ids, Optional<String> category) {

    public Products {
        ids = Set.copyOf(new TreeSet<>(requireNonNull(ids, "ids")));
        requireNonNull(category, "category");
        category.ifPresent(c -> checkArgument(!c.isBlank(), "category must not be blank"));
        checkArgument(ids.isEmpty() || category.isEmpty(), "select products by ids or by category, not both: %s and %s",
                ids, category.orElse(""));
    }

    public static Products any() {
        return new Products(Set.of(), Optional.empty());
    }

    public static Products of(Set<ProductId> ids) {
        checkArgument(!ids.isEmpty(), "a product selection needs at least one product");
        return new Products(ids, Optional.empty());
    }

    public static Products inCategory(String category) {
        return new Products(Set.of(), Optional.of(category));
    }

    public boolean isAny() {
        return ids.isEmpty() && category.isEmpty();
    }

    /** Whether the product is selected; {@code catalog} answers for category selections. */
    public boolean contains(ProductId product, Catalog catalog) {
        if (category.isPresent()) {
            return catalog.categoriesOf(product).contains(category.get());
        }
        return ids.isEmpty() || ids.contains(product);
    }

    /** E.g. "any product", "products A, B", "products in category shoes". */
    public String describe() {
        if (category.isPresent()) {
            return "products in category " + category.get();
        }
        if (ids.isEmpty()) {
            return "any product";
        }
        return (ids.size() == 1 ? "product " : "products ") + String.join(", ", new TreeSet<>(ids.stream()
                .map(ProductId::value).toList()));
    }

    @Override
    public String toString() {
        return describe();
    }
}
