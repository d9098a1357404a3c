package dev.retention.rules.campaign;

import dev.retention.core.CustomerId;
import java.util.function.Supplier;

/**
 * Runs work while one customer is held exclusively: what the campaign engine uses to serialise
 * its decisions and claims per customer. By default the engine holds a lock of its own per
 * customer; a caller that already holds customers elsewhere (the per-customer seam, whose
 * {@code CustomerStateStore::update} fits this interface) gives the engine that hold instead, so
 * that there is one lock per customer and no two locks can be taken in opposite orders.
 *
 * <p>Implementations are re-entrant (work may hold the same customer again) and thread-safe.
 */
@FunctionalInterface
public interface CustomerHold {

    /**
     * Runs {@code work} while the calling thread holds {@code customer}.
     *
     * @param <T> what the work returns
     * @param customer the customer to hold
     * @param work what to do while holding them
     * @return what {@code work} returned
     */
    <T> T hold(CustomerId customer, Supplier<T> work);
}
