package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recommends the products most often bought together with the seeds: for every order of every
 * customer, each pair of distinct products on it counts once. A candidate's score is the sum of
 * its pair counts with the seeds; ties go to the smaller product id, so answers are stable.
 * Products the customer already bought are left out.
 *
 * <p>A snapshot: built once from the orders of a store ({@link #from(EventStore)}) and immutable
 * afterwards, hence thread-safe. Rebuild it (e.g. nightly) to take new orders into account.
 */
public final class CoPurchaseRecommender implements Recommender {
    private final Map<ProductId, Map<ProductId, Integer>> together;

    private CoPurchaseRecommender(Map<ProductId, Map<ProductId, Integer>> together) {
        this.together = together;
    }

    /**
     * Counts co-purchases over every order in the store, reading every history once (so build it once,
     * not per evaluation).
     *
     * @param store the event store
     * @return the snapshot recommender
     */
    public static CoPurchaseRecommender from(EventStore store) {
        requireNonNull(store, "store");
        try (Stream<CustomerHistory> histories = store.histories()) {
            return fromOrders(histories.sequential().flatMap(h -> h.orders().stream()).toList());
        }
    }

    /**
     * Counts co-purchases over the given orders.
     *
     * @param orders the orders, of any customers
     * @return the snapshot recommender
     */
    public static CoPurchaseRecommender fromOrders(List<OrderPlaced> orders) {
        Map<ProductId, Map<ProductId, Integer>> together = new HashMap<>();
        for (OrderPlaced order : requireNonNull(orders, "orders")) {
            Set<ProductId> products = new LinkedHashSet<>();
            for (LineItem item : order.items()) {
                products.add(item.productId());
            }
            for (ProductId a : products) {
                for (ProductId b : products) {
                    if (!a.equals(b)) {
                        together.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
        Map<ProductId, Map<ProductId, Integer>> frozen = new HashMap<>();
        together.forEach((product, counts) -> frozen.put(product, Map.copyOf(counts)));
        return new CoPurchaseRecommender(Map.copyOf(frozen));
    }

    /**
     * How many orders held both products.
     *
     * @param a one product
     * @param b another product
     * @return the count; 0 if {@code a} equals {@code b} or they were never bought together
     */
    public int timesBoughtTogether(ProductId a, ProductId b) {
        return together.getOrDefault(requireNonNull(a, "a"), Map.of()).getOrDefault(requireNonNull(b, "b"), 0);
    }

    @Override
    public List<ProductId> recommend(CustomerHistory history, List<ProductId> seeds, int limit) {
        return recommend(history, seeds, limit, Instant.MAX);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Leaves out what the customer bought at or before {@code now}; a purchase after it does not
     * count (the co-purchase table itself is the snapshot it was built from).
     */
    @Override
    public List<ProductId> recommend(CustomerHistory history, List<ProductId> seeds, int limit, Instant now) {
        requireNonNull(history, "history");
        requireNonNull(seeds, "seeds");
        requireNonNull(now, "now");
        checkArgument(limit >= 0, "limit must not be negative, got %s", limit);
        Set<ProductId> excluded = new HashSet<>(seeds);
        excluded.addAll(history.productsBought(Instant.MIN, now.equals(Instant.MAX) ? now : now.plusNanos(1)));
        Map<ProductId, Integer> scores = new HashMap<>();
        for (ProductId seed : seeds) {
            together.getOrDefault(seed, Map.of()).forEach((candidate, count) -> {
                if (!excluded.contains(candidate)) {
                    scores.merge(candidate, count, Integer::sum);
                }
            });
        }
        List<Map.Entry<ProductId, Integer>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<ProductId, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }
}
