package dev.retention.rules.internal;

import java.time.Duration;

/**
 * Short human forms of durations for reasons: "24h", "90d", "1h30m"; whole days from 48 hours on.
 * Internal to the rules module.
 */
public final class HumanDurations {
    private HumanDurations() {
    }

    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(d.isNegative() ? "-" : "");
        Duration abs = d.abs();
        long hours = abs.toHours();
        if (hours >= 48) {
            out.append(abs.toDays()).append('d');
            hours = abs.toHoursPart();
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (abs.toMinutesPart() > 0) {
            out.append(abs.toMinutesPart()).append('m');
        }
        if (abs.toSecondsPart() > 0 || out.length() == (d.isNegative() ? 1 : 0)) {
            out.append(abs.toSecondsPart()).append('s');
        }
        return out.toString();
    }
}
