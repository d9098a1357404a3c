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

    /**
     * Validates the components and copies {@code ids}; use the factories rather than this constructor.
     *
     * @param ids the products, empty for any product or a category
     * @param category the category, if the selection is by category
     * @throws IllegalArgumentException if the category is blank, or both ids and a category are given
     * @throws NullPointerException if a component or an id is null
     */
    public Products {
        ids = Set.copyOf(new TreeSet<>(requireNonNull(ids, "ids")));
        requireNonNull(category, "category");
        category.ifPresent(c -> checkArgument(!c.isBlank(), "category must not be blank"));
        checkArgument(ids.isEmpty() || category.isEmpty(), "select products by ids or by category, not both: %s and %s",
                ids, category.orElse(""));
    }

    /**
     * Every product.
     *
     * @return the selection of every product
     */
    public static Products any() {
        return new Products(Set.of(), Optional.empty());
    }

    /**
     * The products with these ids.
     *
     * @param ids the products, at least one
     * @return the selection
     * @throws IllegalArgumentException if {@code ids} is empty
     */
    public static Products of(Set<ProductId> ids) {
        checkArgument(!ids.isEmpty(), "a product selection needs at least one product");
        return new Products(ids, Optional.empty());
    }

    /**
     * The products the catalog puts in this category (case-sensitive).
     *
     * @param category the category, not blank
     * @return the selection
     * @throws IllegalArgumentException if {@code category} is blank
     */
    public static Products inCategory(String category) {
        return new Products(Set.of(), Optional.of(category));
    }

    /**
     * Whether every product is selected.
     *
     * @return true for {@link #any()}
     */
    public boolean isAny() {
        return ids.isEmpty() && category.isEmpty();
    }

    /**
     * Whether the product is selected; {@code catalog} answers for category selections.
     *
     * @param product the product
     * @param catalog the catalog, asked only for a category selection
     * @return true if the product is selected
     * @throws IllegalStateException if this is a category selection and {@code catalog} is {@link Catalog#empty()}
     */
    public boolean contains(ProductId product, Catalog catalog) {
        if (category.isPresent()) {
            return catalog.categoriesOf(product).contains(category.get());
        }
        return ids.isEmpty() || ids.contains(product);
    }

    /**
     * E.g. "any product", "products A, B", "products in category shoes".
     *
     * @return the selection in words, ids sorted
     */
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
