package dev.retention.rules.segment;

import java.time.Duration;

/** Renders durations the way people say them: "30 days", "24 hours", "90 minutes". */
final class Durations {
    private Durations() {}

    static String describe(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            return plural(d.toDays(), "day");
        }
        if (!d.isZero() && d.toSeconds() % 3_600 == 0 && d.getNano() == 0) {
            return plural(d.toHours(), "hour");
        }
        if (d.toSeconds() % 60 == 0 && d.getNano() == 0) {
            return plural(d.toMinutes(), "minute");
        }
        return d.toString();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
