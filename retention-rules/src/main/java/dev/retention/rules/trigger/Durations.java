package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/** Short human forms of durations for reasons ("24h", "90d", "1h30m") and builder checks. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            out.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            out.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || out.length() == 0) {
            out.append(d.toSecondsPart()).append('s');
        }
        return out.toString();
    }

    static Duration positive(String setting, Duration value) {
        checkArgument(value != null && !value.isNegative() && !value.isZero(), "%s must be positive, got %s", setting,
                value);
        return value;
    }

    static Duration notNegative(String setting, Duration value) {
        checkArgument(value != null && !value.isNegative(), "%s must not be negative, got %s", setting, value);
        return value;
    }

    static String name(String value) {
        checkArgument(value != null && !value.isBlank(), "name must not be blank, got %s",
                value == null ? "null" : "'" + value + "'");
        return value;
    }
}
