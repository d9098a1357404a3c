package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The condition does not hold. */
public record Not(Condition condition) implements Condition {

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
