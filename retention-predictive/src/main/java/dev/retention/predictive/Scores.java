package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.rules.segment.Comparison;
import java.time.Duration;
import java.util.Locale;

/** Comparisons and wording shared by the prediction conditions. */
final class Scores {
    private Scores() {}

    /** The comparisons a prediction takes: a score is never exactly a number worth asking for. */
    static Comparison checkComparison(Comparison comparison) {
        requireNonNull(comparison, "comparison");
        checkArgument(comparison != Comparison.EXACTLY,
                "comparison must be atLeast, atMost, moreThan or lessThan (a prediction is never exactly a number): %s",
                comparison);
        return comparison;
    }

    static boolean holds(Comparison comparison, double observed, double threshold) {
        return switch (comparison) {
            case AT_LEAST -> observed >= threshold;
            case AT_MOST -> observed <= threshold;
            case MORE_THAN -> observed > threshold;
            case LESS_THAN -> observed < threshold;
            case EXACTLY -> observed == threshold;
        };
    }

    static String expected(Comparison comparison, double threshold) {
        return comparison.symbol() + " " + plain(threshold);
    }

    /** The threshold as written, without a trailing ".0" for whole numbers. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** "90 days", "1 day", or "36h" for a horizon of no whole days. */
    static String horizon(Duration horizon) {
        if (horizon.toSeconds() % 86_400 == 0 && horizon.getNano() == 0) {
            long days = horizon.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        return horizon.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
