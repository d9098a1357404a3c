package dev.retention.rules.customer;

import static java.util.Objects.requireNonNull;

import dev.retention.rules.campaign.FireEntry;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Retention#onEvent} did with one event.
 *
 * @param stored whether the event was new to the event store (false for a repeat, which is
 *     harmless: nothing is counted twice)
 * @param ledgerChanged whether the points ledger got an entry (an order's points or a refund's
 *     clawback); false without a points program
 * @param tier for an order with a tier policy, the customer's tier just before the order (the one
 *     whose multiplier the order earned at); empty otherwise
 * @param fireEntries the fire-log entries recorded or changed for the customer, decisions first,
 *     then what sending changed
 */
public record EventOutcome(boolean stored, boolean ledgerChanged, Optional<String> tier, List<FireEntry> fireEntries) {

    /**
     * Copies {@code fireEntries}.
     *
     * @param stored whether the event was new to the event store
     * @param ledgerChanged whether the points ledger got an entry
     * @param tier the tier the order earned at, or empty
     * @param fireEntries the fire-log entries recorded or changed; copied
     * @throws NullPointerException if {@code tier} or {@code fireEntries} is null
     */
    public EventOutcome {
        requireNonNull(tier, "tier");
        fireEntries = List.copyOf(requireNonNull(fireEntries, "fireEntries"));
    }

    // the outcomes of most events, shared: an object per event would be garbage per event
    private static final EventOutcome[] WITHOUT_DETAILS = {
        new EventOutcome(false, false, Optional.empty(), List.of()),
        new EventOutcome(false, true, Optional.empty(), List.of()),
        new EventOutcome(true, false, Optional.empty(), List.of()),
        new EventOutcome(true, true, Optional.empty(), List.of())};

    /** An outcome without tier or fire-log entries, one shared instance per pair of flags. */
    static EventOutcome withoutDetails(boolean stored, boolean ledgerChanged) {
        return WITHOUT_DETAILS[(stored ? 2 : 0) + (ledgerChanged ? 1 : 0)];
    }
}
