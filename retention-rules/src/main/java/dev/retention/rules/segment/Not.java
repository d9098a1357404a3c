package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The condition does not hold.
 *
 * @param condition the negated condition
 */
public record Not(Condition condition) implements Condition {

    /**
     * Validates the component.
     *
     * @param condition the negated condition
     * @throws IllegalArgumentException if the tree gets deeper than {@link Condition#MAX_DEPTH}
     * @throws NullPointerException if {@code condition} is null
     */
    public Not {
        requireNonNull(condition, "condition");
        Depth.check("not", List.of(condition));
    }

    @Override
    public boolean test(EvaluationContext context) {
        return !condition.test(context);
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Explanation inner = condition.explain(context);
        return Explanation.node("not", !inner.verdict(), List.of(inner));
    }

    @Override
    public String describe() {
        return "not (" + condition.describe() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
