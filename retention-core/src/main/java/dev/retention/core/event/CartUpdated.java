package dev.retention.core.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * The customer's cart now holds exactly {@code items}: each event replaces the previous cart
 * contents, and an empty list means the cart was emptied. Send the whole cart on every change,
 * not the line that changed. An order placed later does not empty the cart in the history
 * ({@link CustomerHistory#cartAsOf} still answers this update); the abandoned-cart trigger looks
 * for an order since the update itself.
 *
 * @param eventId the event's unique id per customer, the idempotency key (see
 *     {@link CustomerEvent#eventId()}); not blank, well-formed UTF-16
 * @param customerId the customer who did it
 * @param occurredAt when it happened, between 1677-09-21T00:12:45Z and 2262-04-11T23:47:15Z (the
 *     nanoseconds since the epoch a {@code long} holds)
 * @param items the lines now in the cart, all in one currency; an immutable copy, empty for an
 *     emptied cart
 */
public record CartUpdated(String eventId, CustomerId customerId, Instant occurredAt, List<LineItem> items)
        implements CustomerEvent {

    /**
     * Checks the event and copies the lines.
     *
     * @param eventId the idempotency key; not blank, well-formed UTF-16
     * @param customerId the customer
     * @param occurredAt when it happened
     * @param items the lines now in the cart, all in one currency; may be empty
     * @throws IllegalArgumentException if {@code eventId} is null, blank or holds a lone surrogate,, the lines are
     *     in more than one currency, or {@code occurredAt} is outside the years the store can hold (the message names the field and
     *     the value)
     * @throws NullPointerException if {@code customerId}, {@code occurredAt}, {@code items} or a line is null
     */
    public CartUpdated {
        EventChecks.common(eventId, customerId, occurredAt);
        items = List.copyOf(requireNonNull(items, "items"));
        for (LineItem item : items) {
            checkArgument(item.amount().currency().equals(items.get(0).amount().currency()),
                    "cart lines must share one currency, got %s and %s (event %s)",
                    items.get(0).amount().currency(), item.amount().currency(), eventId);
        }
    }

    /**
     * Whether this update emptied the cart.
     *
     * @return true if the cart holds no line
     */
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
