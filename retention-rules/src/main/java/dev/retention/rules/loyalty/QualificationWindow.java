package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The period a {@link TierPolicy} counts activity over: the rolling last N months, or the calendar
 * year so far. Months and years are counted in the policy's zone.
 *
 * @param rollingMonths the months of a rolling window, or 0 for the calendar year
 */
public record QualificationWindow(int rollingMonths) {

    /**
     * Validates the component; use the factories.
     *
     * @param rollingMonths the months of a rolling window, or 0 for the calendar year
     * @throws IllegalArgumentException if {@code rollingMonths} is negative
     */
    public QualificationWindow {
        checkArgument(rollingMonths >= 0, "rollingMonths must not be negative, got %s", rollingMonths);
    }

    /**
     * The last {@code months} months up to and including the instant asked.
     *
     * @param months the months, at least 1
     * @return the window
     * @throws IllegalArgumentException if {@code months} is below 1
     */
    public static QualificationWindow rollingMonths(int months) {
        checkArgument(months >= 1, "rolling window months must be at least 1, got %s", months);
        return new QualificationWindow(months);
    }

    /**
     * From 1 January of the instant's year up to and including the instant.
     *
     * @return the window
     */
    public static QualificationWindow calendarYear() {
        return new QualificationWindow(0);
    }

    /**
     * Whether this is the calendar year rather than a rolling window.
     *
     * @return true for {@link #calendarYear()}
     */
    public boolean isCalendarYear() {
        return rollingMonths == 0;
    }

    /**
     * Where the window that ends at {@code at} (inclusive) starts (inclusive).
     *
     * @param at the end of the window
     * @param zone the policy's zone, in which months and years are counted
     * @return the start: 1 January 00:00 of {@code at}'s year, or {@code at} minus the months
     */
    public Instant startFor(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        if (isCalendarYear()) {
            return z.toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant();
        }
        return z.minusMonths(rollingMonths).toInstant();
    }

    /**
     * Where the window judged at a review on {@code review} starts: the window that ends just
     * before the review (for the calendar year, the year that just ended).
     *
     * @param review the review instant
     * @param zone the policy's zone
     * @return the start of the judged window
     */
    public Instant reviewStartFor(Instant review, ZoneId zone) {
        return isCalendarYear() ? startFor(review.minusNanos(1), zone) : startFor(review, zone);
    }

    /**
     * "the 12 months to" or "the calendar year to", for explanations.
     *
     * @return the words, to be followed by an instant
     */
    public String describe() {
        return isCalendarYear() ? "the calendar year to" : "the " + rollingMonths + " months to";
    }
}
