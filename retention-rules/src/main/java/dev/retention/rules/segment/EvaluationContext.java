package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;

/**
 * What a condition is evaluated against: one customer's history and profile, the instant
 * {@code now}, and the catalog for category conditions. Conditions see only events at or before
 * {@code now}. Immutable.
 */
public record EvaluationContext(CustomerHistory history, CustomerProfile profile, Instant now, Catalog catalog) {

    public EvaluationContext {
        requireNonNull(history, "history");
        requireNonNull(profile, "profile");
        requireNonNull(now, "now");
        requireNonNull(catalog, "catalog");
    }

    /** Without a catalog ({@link Catalog#empty()}): a category condition fails. */
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
