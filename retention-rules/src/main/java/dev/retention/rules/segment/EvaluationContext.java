package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;

/**
 * What a condition is evaluated against: one customer's history and profile, the instant
 * {@code now}, and the catalog for category conditions. Conditions see only events at or before
 * {@code now}. Immutable.
 *
 * @param history the customer's events (the conditions look only at those at or before {@code now})
 * @param profile the customer's profile
 * @param now the instant of evaluation
 * @param catalog the categories of products, for category conditions; {@link Catalog#empty()} refuses them
 */
public record EvaluationContext(CustomerHistory history, CustomerProfile profile, Instant now, Catalog catalog) {

    /**
     * Validates the components.
     *
     * @param history the customer's events (the conditions look only at those at or before {@code now})
     * @param profile the customer's profile
     * @param now the instant of evaluation
     * @param catalog the categories of products, for category conditions; {@link Catalog#empty()} refuses them
     * @throws NullPointerException if a component is null
     */
    public EvaluationContext {
        requireNonNull(history, "history");
        requireNonNull(profile, "profile");
        requireNonNull(now, "now");
        requireNonNull(catalog, "catalog");
    }

    /**
     * Without a catalog ({@link Catalog#empty()}): a category condition throws.
     *
     * @param history the customer's events
     * @param profile the customer's profile
     * @param now the instant of evaluation
     * @return the context
     */
    public static EvaluationContext of(CustomerHistory history, CustomerProfile profile, Instant now) {
        return new EvaluationContext(history, profile, now, Catalog.empty());
    }

    /** The inclusive start of the window at {@code now}. */
    Instant from(Window window) {
        return window.from(history, now);
    }

    /** The exclusive end for {@link CustomerHistory}'s half-open queries, so that {@code now} counts. */
    Instant end() {
        return Window.end(now);
    }
}
