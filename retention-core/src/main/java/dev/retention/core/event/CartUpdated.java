package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * The customer's cart now holds exactly {@code items}: each event replaces the previous cart
 * contents, and an empty list means the cart was emptied.
 */
public record CartUpdated(String eventId, CustomerId customerId, Instant occurredAt, List<LineItem> items)
        implements CustomerEvent {

    public CartUpdated {
        EventChecks.common(eventId, customerId, occurredAt);
        items = List.copyOf(requireNonNull(items, "items"));
        for (LineItem item : items) {
            checkArgument(item.amount().currency().equals(items.get(0).amount().currency()),
                    "cart lines must share one currency, got %s and %s (event %s)",
                    items.get(0).amount().currency(), item.amount().currency(), eventId);
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
