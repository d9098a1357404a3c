package dev.retention.rules.segment;

/** How an observed value is compared with a condition's threshold. */
public enum Comparison {
    /** {@code >=}: at least the threshold. */
    AT_LEAST(">=", "atLeast"),
    /** {@code <=}: at most the threshold. */
    AT_MOST("<=", "atMost"),
    /** {@code >}: strictly more than the threshold. */
    MORE_THAN(">", "moreThan"),
    /** {@code <}: strictly less than the threshold. */
    LESS_THAN("<", "lessThan"),
    /** {@code =}: exactly the threshold. */
    EXACTLY("=", "exactly");

    private final String symbol;
    private final String jsonName;

    Comparison(String symbol, String jsonName) {
        this.symbol = symbol;
        this.jsonName = jsonName;
    }

    /**
     * Whether {@code observed} stands in this relation to {@code threshold}.
     *
     * @param observed the value found
     * @param threshold the condition's threshold
     * @return true if {@code observed <op> threshold}
     */
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

    /**
     * The mathematical symbol, e.g. {@code ">="}.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The key in the JSON format, e.g. {@code "atLeast"}.
     *
     * @return the key
     */
    public String jsonName() {
        return jsonName;
    }
}
