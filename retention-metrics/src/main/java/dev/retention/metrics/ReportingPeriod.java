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

    public ReportingPeriod {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        checkArgument(from.isBefore(to), "period must have from before to, got [%s, %s)", from, to);
    }

    public static ReportingPeriod of(Instant from, Instant to) {
        return new ReportingPeriod(from, to);
    }

    /** From the start of day {@code from} (UTC) to the start of day {@code to} (UTC), {@code to} excluded. */
    public static ReportingPeriod of(LocalDate from, LocalDate to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        return new ReportingPeriod(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
