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

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
