package dev.retention.core.internal;

import java.time.Instant;

/** Instants as nanoseconds since the epoch in a long, the time column's unit. */
public final class Nanos {
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    private Nanos() {}

    /** Exact conversion for an instant the event checks admitted. */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Conversion for query bounds: instants beyond the column's range clamp to its ends. */
    public static long clamped(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_SECONDS) {
            return Long.MAX_VALUE;
        }
        if (seconds < -MAX_SECONDS) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }

    /** The exclusive upper bound that makes {@code asOf} itself part of a window. */
    public static long justAfter(Instant asOf) {
        long n = clamped(asOf);
        return n == Long.MAX_VALUE ? n : n + 1;
    }

    /**
     * {@code nanos - duration} in nanoseconds, saturating: a result before the column's range (or a
     * duration too long for a long of nanoseconds) is {@link Long#MIN_VALUE}, one after it
     * {@link Long#MAX_VALUE}. For window starts compared on every event without an {@link Instant}.
     */
    public static long minus(long nanos, java.time.Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= MAX_SECONDS) {
            return Long.MIN_VALUE;
        }
        if (seconds <= -MAX_SECONDS) {
            return Long.MAX_VALUE;
        }
        long difference = nanos - (seconds * 1_000_000_000L + duration.getNano());
        // overflow only if the operands had different signs and the result has the sign of the subtrahend
        if (((nanos ^ difference) & (nanos ^ (seconds * 1_000_000_000L + duration.getNano()))) < 0) {
            return nanos < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return difference;
    }

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
