package dev.retention.rules.trigger;

import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The customer's past preferences: the products on most of their orders. */
final class Preferences {
    private Preferences() {
    }

    /**
     * Products bought at or before {@code asOf}, by the number of orders holding them (most first),
     * ties to the most recently bought, then to the smaller id.
     */
    static List<ProductId> favourites(CustomerHistory history, Instant asOf, int limit) {
        Map<ProductId, Integer> orders = new HashMap<>();
        Map<ProductId, Integer> lastSeen = new HashMap<>();
        int index = 0;
        for (OrderPlaced order : history.orders(Instant.MIN, asOf.plusNanos(1))) {
            Set<ProductId> onOrder = new HashSet<>();
            for (LineItem item : order.items()) {
                onOrder.add(item.productId());
            }
            for (ProductId product : onOrder) {
                orders.merge(product, 1, Integer::sum);
                lastSeen.put(product, index);
            }
            index++;
        }
        List<ProductId> ranked = new ArrayList<>(orders.keySet());
        ranked.sort((a, b) -> {
            int byOrders = Integer.compare(orders.get(b), orders.get(a));
            if (byOrders != 0) {
                return byOrders;
            }
            int byRecency = Integer.compare(lastSeen.get(b), lastSeen.get(a));
            return byRecency != 0 ? byRecency : a.compareTo(b);
        });
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }
}
