package dev.retention.core.event;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import java.time.Instant;

/** The customer opened a product card. */
public record ProductViewed(String eventId, CustomerId customerId, Instant occurredAt, ProductId productId)
        implements CustomerEvent {

    public ProductViewed {
        EventChecks.common(eventId, customerId, occurredAt);
        requireNonNull(productId, "productId");
    }
}
