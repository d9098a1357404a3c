package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The stretch of a customer's history, relative to the evaluation instant {@code now}, that a
 * condition looks at. Events after {@code now} never count, whatever the window.
 *
 * <ul>
 *   <li>{@link #ever()}: every event at or before {@code now}.
 *   <li>{@link #last(Duration) last(d)}: the closed interval {@code [now - d, now]}: an event exactly
 *       {@code d} before {@code now} counts, and so does an event at {@code now}.
 *   <li>{@link #last(Period) last(p)} with months or years ("in the last 3 months"): the closed interval
 *       {@code [now - p, now]} where {@code now - p} is counted back in calendar months and years in UTC,
 *       at the same time of day, the day clamped to the end of a shorter month (3 months before 31 May
 *       12:00 is 28 February 12:00). A period of days only is the same as {@code last(Duration)}.
 *   <li>{@link #sinceLastOrder()}: events strictly after the customer's last order placed at or
 *       before {@code now}, up to and including {@code now} (the whole history if there is no order).
 * </ul>
 *
 * @param kind the shape of the window
 * @param length the window's length for {@link Kind#LAST}, {@link Duration#ZERO} otherwise
 * @param calendarLength the window's length for {@link Kind#LAST_CALENDAR} (with months or years),
 *     {@link Period#ZERO} otherwise
 */
public record Window(Kind kind, Duration length, Period calendarLength) {
    /** The longest window accepted: about a thousand years. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366_000);

    /**
     * The shapes of window: {@code LAST} is a fixed duration, {@code LAST_CALENDAR} a period of calendar
     * months and years (and days) counted back in UTC; {@code EVER} and {@code SINCE_LAST_ORDER} as
     * {@link Window#ever()} and {@link Window#sinceLastOrder()}.
     */
    public enum Kind {
        /** Every event at or before {@code now}: {@link Window#ever()}. */
        EVER,
        /** {@code [now - length, now]} for a fixed duration: {@link Window#last(Duration)}. */
        LAST,
        /** {@code [now - calendarLength, now]} counted back in UTC: {@link Window#last(Period)}. */
        LAST_CALENDAR,
        /** After the last order up to {@code now}: {@link Window#sinceLastOrder()}. */
        SINCE_LAST_ORDER
    }

    /**
     * Validates the components; use the factories rather than this constructor.
     *
     * @param kind the shape of the window
     * @param length the window's length for {@link Kind#LAST}, {@link Duration#ZERO} otherwise
     * @param calendarLength the window's length for {@link Kind#LAST_CALENDAR} (with months or years),
     *     {@link Period#ZERO} otherwise
     * @throws IllegalArgumentException if a length is negative or longer than {@link #MAX_LENGTH}, or the
     *     lengths do not fit the kind (only {@code LAST} has a duration, only {@code LAST_CALENDAR} a period,
     *     with months or years)
     * @throws NullPointerException if a component is null
     */
    public Window {
        requireNonNull(kind, "kind");
        requireNonNull(length, "length");
        requireNonNull(calendarLength, "calendarLength");
        checkArgument(!length.isNegative(), "window length must not be negative, got %s", length);
        checkArgument(length.compareTo(MAX_LENGTH) <= 0, "window length must be at most %s, got %s", MAX_LENGTH,
                length);
        checkArgument(kind == Kind.LAST || length.isZero(), "only a LAST window has a length, got %s for %s",
                length, kind);
        checkArgument(!calendarLength.isNegative(), "window length must not be negative, got %s", calendarLength);
        // months counted as 31 days: a period within the bound cannot reach further back than MAX_LENGTH
        checkArgument(calendarLength.toTotalMonths() * 31 + calendarLength.getDays() <= MAX_LENGTH.toDays(),
                "window length must be at most %s, got %s", MAX_LENGTH, calendarLength);
        checkArgument(kind == Kind.LAST_CALENDAR ? calendarLength.toTotalMonths() != 0 : calendarLength.isZero(),
                "a LAST_CALENDAR window, and only it, has a period with months or years, got %s for %s",
                calendarLength, kind);
    }

    Window(Kind kind, Duration length) {
        this(kind, length, Period.ZERO);
    }

    /**
     * Every event at or before {@code now}.
     *
     * @return the window
     */
    public static Window ever() {
        return new Window(Kind.EVER, Duration.ZERO);
    }

    /**
     * The closed interval {@code [now - length, now]}.
     *
     * @param length how far back from {@code now}; zero means events at {@code now} only
     * @return the window
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link #MAX_LENGTH}
     */
    public static Window last(Duration length) {
        return new Window(Kind.LAST, length);
    }

    /**
     * The closed interval {@code [now - length, now]} with {@code now - length} counted back in calendar
     * units in UTC ("in the last 3 months"); a period of days only is {@link #last(Duration)} of as many
     * 24-hour days.
     *
     * @param length how far back from {@code now}
     * @return the window
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link #MAX_LENGTH}
     */
    public static Window last(Period length) {
        requireNonNull(length, "length");
        checkArgument(!length.isNegative(), "window length must not be negative, got %s", length);
        if (length.toTotalMonths() == 0) {
            return last(Duration.ofDays(length.getDays()));
        }
        return new Window(Kind.LAST_CALENDAR, Duration.ZERO, length);
    }

    /**
     * Events strictly after the customer's last order placed at or before {@code now}, up to and including
     * {@code now}; the whole history if there is no order. Order conditions refuse it.
     *
     * @return the window
     */
    public static Window sinceLastOrder() {
        return new Window(Kind.SINCE_LAST_ORDER, Duration.ZERO);
    }

    /**
     * Refuses {@link #sinceLastOrder()} for a condition over orders: no order is placed after the last
     * order, so the condition would always see none.
     */
    static void checkOrdersCanFallIn(Window window, String condition) {
        checkArgument(window.kind() != Kind.SINCE_LAST_ORDER, "%s cannot use the window since-last-order: no orders "
                + "are placed after the last order, so it would always see none", condition);
    }

    /** The first instant in the window (inclusive). */
    Instant from(CustomerHistory history, Instant now) {
        if (kind == Kind.LAST) {
            return now.minus(length);
        }
        if (kind == Kind.LAST_CALENDAR) {
            return now.atOffset(ZoneOffset.UTC).minus(calendarLength).toInstant();
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

    /**
     * As a marketer says it: "ever", "in the last 30 days", "in the last 3 months", "since the last order".
     *
     * @return the description
     */
    public String describe() {
        if (kind == Kind.LAST) {
            return "in the last " + Durations.describe(length);
        }
        if (kind == Kind.LAST_CALENDAR) {
            return "in the last " + Durations.describe(calendarLength);
        }
        return kind == Kind.EVER ? "ever" : "since the last order";
    }

    @Override
    public String toString() {
        return describe();
    }
}
