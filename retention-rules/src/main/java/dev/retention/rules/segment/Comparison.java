package dev.retention.rules.segment;

/** How an observed value is compared with a condition's threshold. */
public enum Comparison {
    AT_LEAST(">=", "atLeast"),
    AT_MOST("<=", "atMost"),
    MORE_THAN(">", "moreThan"),
    LESS_THAN("<", "lessThan"),
    EXACTLY("=", "exactly");

    private final String symbol;
    private final String jsonName;

    Comparison(String symbol, String jsonName) {
        this.symbol = symbol;
        this.jsonName = jsonName;
    }

    /** Whether {@code observed} stands in this relation to {@code threshold}. */
    public boolean holds(long observed, long threshold) {
        if (this == AT_LEAST) {
            return observed >= threshold;
        }
        if (this == AT_MOST) {
            return observed <= threshold;
        }
        if (this == MORE_THAN) {
            return observed > threshold;
        }
        if (this == LESS_THAN) {
            return observed < threshold;
        }
        return observed == threshold;
    }

    /** The mathematical symbol, e.g. {@code ">="}. */
    public String symbol() {
        return symbol;
    }

    /** The key in the JSON format, e.g. {@code "atLeast"}. */
    public String jsonName() {
        return jsonName;
    }
}
