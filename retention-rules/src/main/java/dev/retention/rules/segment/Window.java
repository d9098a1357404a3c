package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import java.time.Duration;
import java.time.Instant;

/**
 * The stretch of a customer's history, relative to the evaluation instant {@code now}, that a
 * condition looks at. Events after {@code now} never count, whatever the window.
 *
 * <ul>
 *   <li>{@link #ever()}: every event at or before {@code now}.
 *   <li>{@link #last(Duration) last(d)}: the closed interval {@code [now - d, now]}: an event exactly
 *       {@code d} before {@code now} counts, and so does an event at {@code now}.
 *   <li>{@link #sinceLastOrder()}: events strictly after the customer's last order placed at or
 *       before {@code now}, up to and including {@code now} (the whole history if there is no order).
 * </ul>
 *
 * @param length the window's length for {@link Kind#LAST}, {@link Duration#ZERO} otherwise
 */
public record Window(Kind kind, Duration length) {
    /** The longest window accepted: about a thousand years. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366_000);

    /** The three shapes of window. */
    public enum Kind { EVER, LAST, SINCE_LAST_ORDER }

    public Window {
        requireNonNull(kind, "kind");
        requireNonNull(length, "length");
        checkArgument(!length.isNegative(), "window length must not be negative, got %s", length);
        checkArgument(length.compareTo(MAX_LENGTH) <= 0, "window length must be at most %s, got %s", MAX_LENGTH,
                length);
        checkArgument(kind == Kind.LAST || length.isZero(), "only a LAST window has a length, got %s for %s",
                length, kind);
    }

    public static Window ever() {
        return new Window(Kind.EVER, Duration.ZERO);
    }

    /** The closed interval {@code [now - length, now]}. */
    public static Window last(Duration length) {
        return new Window(Kind.LAST, length);
    }

    public static Window sinceLastOrder() {
        return new Window(Kind.SINCE_LAST_ORDER, Duration.ZERO);
    }

    /** The first instant in the window (inclusive). */
    Instant from(CustomerHistory history, Instant now) {
        if (kind == Kind.LAST) {
            return now.minus(length);
        }
        if (kind == Kind.SINCE_LAST_ORDER) {
            return history.lastOrderAt(now).map(t -> t.plusNanos(1)).orElse(Instant.MIN);
        }
        return Instant.MIN;
    }

    /** The exclusive end to pass to {@link CustomerHistory}'s half-open queries, so {@code now} counts. */
    static Instant end(Instant now) {
        return now.plusNanos(1);
    }

    /** As a marketer says it: "ever", "in the last 30 days", "since the last order". */
    public String describe() {
        if (kind == Kind.LAST) {
            return "in the last " + Durations.describe(length);
        }
        return kind == Kind.EVER ? "ever" : "since the last order";
    }

    @Override
    public String toString() {
        return describe();
    }
}
