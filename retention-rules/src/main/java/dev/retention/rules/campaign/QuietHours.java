package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours of the customer's local day (in {@code CustomerProfile#zone()}) when nothing is sent:
 * messages due then are deferred to the end of the quiet hours, not dropped. The range is
 * half-open, {@code [start, end)}, and wraps past midnight when {@code start > end}
 * (21:00 to 08:00).
 *
 * @param start the local time quiet begins (inclusive)
 * @param end the local time quiet ends (exclusive)
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /**
     * Validates the components.
     *
     * @param start the local time quiet begins (inclusive)
     * @param end the local time quiet ends (exclusive)
     * @throws IllegalArgumentException if {@code start} equals {@code end}
     * @throws NullPointerException if a component is null
     */
    public QuietHours {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        checkArgument(!start.equals(end), "quiet hours start and end must differ, got %s", start);
    }

    /**
     * Quiet from {@code start} (inclusive) to {@code end} (exclusive), wrapping past midnight if
     * {@code start > end}: {@code between(LocalTime.of(21, 0), LocalTime.of(8, 0))}.
     *
     * @param start the local time quiet begins
     * @param end the local time quiet ends
     * @return the quiet hours
     * @throws IllegalArgumentException if {@code start} equals {@code end}
     */
    public static QuietHours between(LocalTime start, LocalTime end) {
        return new QuietHours(start, end);
    }

    /**
     * Whether {@code at} falls within the quiet hours in {@code zone}.
     *
     * @param at the instant
     * @param zone the customer's time zone
     * @return true if {@code at}'s local time is in {@code [start, end)} (wrapping past midnight)
     */
    public boolean isQuiet(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /**
     * When the quiet hours around {@code at} end, if {@code at} is quiet: the next {@code end} local time
     * after {@code at} in {@code zone}.
     *
     * @param at the instant
     * @param zone the customer's time zone
     * @return the end of the quiet hours, after {@code at}; empty if {@code at} is not quiet
     */
    public Optional<Instant> endOfQuiet(Instant at, ZoneId zone) {
        if (!isQuiet(at, zone)) {
            return Optional.empty();
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        Instant end = ZonedDateTime.of(day, this.end, zone).toInstant();
        return Optional.of(end.isAfter(at) ? end : ZonedDateTime.of(day.plusDays(1), this.end, zone).toInstant());
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
