package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * When a customer may enter a campaign again. Whatever the policy, a customer with a pending
 * message of the campaign (a running sequence, a deferred or retried message) does not re-enter.
 * Every decision counts as an entry, also a suppressed or held-out one.
 */
public final class ReEntry {
    private enum Kind { ONCE, ONCE_PER, EVERY_NEW_FIRING }

    private final Kind kind;
    private final Duration period;

    private ReEntry(Kind kind, Duration period) {
        this.kind = kind;
        this.period = period;
    }

    /**
     * At most one entry per customer, ever (the loyalty "thank you" letter).
     *
     * @return the policy
     */
    public static ReEntry once() {
        return new ReEntry(Kind.ONCE, null);
    }

    /**
     * Again whenever the trigger fires (anew or still) and at least {@code period} has passed since
     * the last entry.
     *
     * @param period the least time between two entries, positive
     * @return the policy
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    public static ReEntry oncePer(Duration period) {
        requireNonNull(period, "period");
        checkArgument(!period.isNegative() && !period.isZero(), "re-entry period must be positive, got %s", period);
        return new ReEntry(Kind.ONCE_PER, period);
    }

    /**
     * Again each time the trigger fires anew: a new episode (a new abandoned view, a new birthday,
     * a new lapse), or the same one after the engine saw the trigger stop firing in between (a
     * customer who left a segment and came back). The default.
     *
     * @return the policy
     */
    public static ReEntry everyNewFiring() {
        return new ReEntry(Kind.EVERY_NEW_FIRING, null);
    }

    boolean isOnce() {
        return kind == Kind.ONCE;
    }

    boolean isEveryNewFiring() {
        return kind == Kind.EVERY_NEW_FIRING;
    }

    Optional<Duration> period() {
        return Optional.ofNullable(period);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReEntry other && kind == other.kind && java.util.Objects.equals(period, other.period);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, period);
    }

    @Override
    public String toString() {
        return kind == Kind.ONCE_PER ? "oncePer(" + period + ")" : kind == Kind.ONCE ? "once" : "everyNewFiring";
    }
}
