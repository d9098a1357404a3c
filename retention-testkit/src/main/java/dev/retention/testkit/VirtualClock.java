package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until told to move, for tests and replays: hand it to the
 * engine and {@link #advance} it to make time pass. Time never goes backwards.
 *
 * <p>Thread-safe; clocks derived with {@link #withZone} share the same instant.
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the clock's first instant
     * @return the clock
     */
    public static VirtualClock at(Instant start) {
        return new VirtualClock(new AtomicReference<>(requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * A clock standing at the ISO-8601 instant, in UTC.
     *
     * @param isoInstant the clock's first instant, e.g. {@code 2026-03-02T09:00:00Z}
     * @return the clock
     * @throws java.time.format.DateTimeParseException if {@code isoInstant} is not an ISO instant
     */
    public static VirtualClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Moves the clock forward by {@code duration} (zero allowed) and returns the new instant.
     *
     * @param duration how far, not negative
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        requireNonNull(duration, "duration");
        checkArgument(!duration.isNegative(), "duration must not be negative, got %s", duration);
        return now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Moves the clock to {@code instant}, which must not be before the current one.
     *
     * @param instant the new instant, not before the current one
     * @return {@code instant}
     */
    public Instant advanceTo(Instant instant) {
        requireNonNull(instant, "instant");
        // a compare-and-set loop, not updateAndGet: a benchmark advances the clock on every event, and
        // the capturing lambda would be garbage counted against the code it measures
        while (true) {
            Instant current = now.get();
            checkArgument(!instant.isBefore(current), "time never goes backwards: clock at %s, asked for %s", current,
                    instant);
            if (now.compareAndSet(current, instant)) {
                return instant;
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public VirtualClock withZone(ZoneId zone) {
        return new VirtualClock(now, requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now.get() + ", " + zone + "]";
    }
}
