package dev.retention.rules.segment;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** Renders durations the way people say them: "30 days", "24 hours", "90 minutes", "3 months". */
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

    /** "3 months", "1 year 2 months", "2 months 10 days". */
    static String describe(Period p) {
        if (p.isZero()) {
            return plural(0, "day");
        }
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(plural(p.getYears(), "year"));
        }
        if (p.getMonths() != 0) {
            parts.add(plural(p.getMonths(), "month"));
        }
        if (p.getDays() != 0) {
            parts.add(plural(p.getDays(), "day"));
        }
        return String.join(" ", parts);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
