package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every one of the conditions holds; evaluation stops at the first that does not. Its explanation evaluates every part.
 *
 * @param conditions the parts, at least one, in evaluation order
 */
public record AllOf(List<Condition> conditions) implements Condition {

    /**
     * Validates and copies the parts; {@link Conditions#allOf} and {@link Condition#and} build it.
     *
     * @param conditions the parts, at least one, in evaluation order
     * @throws IllegalArgumentException if {@code conditions} is empty or the tree gets deeper than
     *     {@link Condition#MAX_DEPTH}
     * @throws NullPointerException if {@code conditions} or a part is null
     */
    public AllOf {
        conditions = List.copyOf(requireNonNull(conditions, "conditions"));
        checkArgument(!conditions.isEmpty(), "all of needs at least one condition");
        Depth.check("all of", conditions);
    }

    /** The conditions, with the parts of nested {@code AllOf}s pulled up into this one. */
    static AllOf of(List<Condition> conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            if (c instanceof AllOf nested) {
                flat.addAll(nested.conditions());
            } else {
                flat.add(requireNonNull(c, "condition"));
            }
        }
        return new AllOf(flat);
    }

    @Override
    public boolean test(EvaluationContext context) {
        for (Condition c : conditions) {
            if (!c.test(context)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        List<Explanation> parts = new ArrayList<>(conditions.size());
        boolean verdict = true;
        for (Condition c : conditions) {
            Explanation part = c.explain(context);
            parts.add(part);
            if (!part.verdict()) {
                verdict = false;
            }
        }
        return Explanation.node("all of", verdict, parts);
    }

    @Override
    public String describe() {
        return conditions.stream().map(c -> c instanceof AllOf || c instanceof AnyOf || c instanceof AtLeastOf
                ? "(" + c.describe() + ")" : c.describe()).collect(Collectors.joining(" and "));
    }

    @Override
    public String toString() {
        return describe();
    }
}
