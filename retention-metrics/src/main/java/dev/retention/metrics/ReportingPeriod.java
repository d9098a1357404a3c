package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A half-open stretch of time {@code [from, to)}: an order at {@code from} is in the period, an
 * order at {@code to} is not. (Not "Period": that is {@code java.time.Period}, which segment windows use
 * beside metrics in the same files.)
 *
 * @param from the first instant in the period
 * @param to the first instant after the period, later than {@code from}
 */
public record ReportingPeriod(Instant from, Instant to) {

    /**
     * Checks the bounds.
     *
     * @param from the first instant in the period
     * @param to the first instant after the period
     * @throws IllegalArgumentException if {@code from} is not before {@code to}: an empty or reversed
     *     period is refused rather than silently measuring nothing
     */
    public ReportingPeriod {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        checkArgument(from.isBefore(to), "period must have from before to, got [%s, %s)", from, to);
    }

    /**
     * The period {@code [from, to)} between two exact instants, e.g. a shop's local days converted by
     * the caller with its own time zone.
     *
     * @param from the first instant in the period (included)
     * @param to the first instant after the period (excluded)
     * @return the period
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public static ReportingPeriod of(Instant from, Instant to) {
        return new ReportingPeriod(from, to);
    }

    /**
     * From the start of day {@code from} (UTC) to the start of day {@code to} (UTC), {@code to} excluded:
     * {@code of(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"))} is the second quarter of
     * 2026, and a single day is {@code of(d, d.plusDays(1))}. The days are UTC days; for the days of a
     * shop in another time zone use {@link #of(Instant, Instant)}.
     *
     * @param from the first day in the period
     * @param to the first day after the period
     * @return the period
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public static ReportingPeriod of(LocalDate from, LocalDate to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        return new ReportingPeriod(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Whether an instant lies in the period, as the metrics decide it for an order's time.
     *
     * @param instant the instant to test
     * @return true for {@code from} and anything after it up to, but not including, {@code to}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
