package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * At least one of the conditions holds; evaluation stops at the first that does. Its explanation evaluates every part.
 *
 * @param conditions the parts, at least one, in evaluation order
 */
public record AnyOf(List<Condition> conditions) implements Condition {

    /**
     * Validates and copies the parts; {@link Conditions#anyOf} and {@link Condition#or} build it.
     *
     * @param conditions the parts, at least one, in evaluation order
     * @throws IllegalArgumentException if {@code conditions} is empty or the tree gets deeper than
     *     {@link Condition#MAX_DEPTH}
     * @throws NullPointerException if {@code conditions} or a part is null
     */
    public AnyOf {
        conditions = List.copyOf(requireNonNull(conditions, "conditions"));
        checkArgument(!conditions.isEmpty(), "any of needs at least one condition");
        Depth.check("any of", conditions);
    }

    /** The conditions, with the parts of nested {@code AnyOf}s pulled up into this one. */
    static AnyOf of(List<Condition> conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            if (c instanceof AnyOf nested) {
                flat.addAll(nested.conditions());
            } else {
                flat.add(requireNonNull(c, "condition"));
            }
        }
        return new AnyOf(flat);
    }

    @Override
    public boolean test(EvaluationContext context) {
        for (Condition c : conditions) {
            if (c.test(context)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        List<Explanation> parts = new ArrayList<>(conditions.size());
        boolean verdict = false;
        for (Condition c : conditions) {
            Explanation part = c.explain(context);
            parts.add(part);
            if (part.verdict()) {
                verdict = true;
            }
        }
        return Explanation.node("any of", verdict, parts);
    }

    @Override
    public String describe() {
        return conditions.stream().map(c -> c instanceof AllOf || c instanceof AnyOf || c instanceof AtLeastOf
                ? "(" + c.describe() + ")" : c.describe()).collect(Collectors.joining(" or "));
    }

    @Override
    public String toString() {
        return describe();
    }
}
