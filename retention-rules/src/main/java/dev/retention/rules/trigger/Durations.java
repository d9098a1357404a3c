package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.rules.internal.HumanDurations;
import java.time.Duration;

/** Builder checks of durations and names, and short human forms of durations for reasons. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        return HumanDurations.format(d);
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
