package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * At least {@code k} of the conditions hold, {@code 1 <= k <= conditions.size()}. Evaluation stops as
 * soon as the answer is known; the explanation evaluates every part.
 *
 * @param k how many of the parts must hold
 * @param conditions the parts, in evaluation order
 */
public record AtLeastOf(int k, List<Condition> conditions) implements Condition {

    /**
     * Validates and copies the parts.
     *
     * @param k how many of the parts must hold
     * @param conditions the parts, in evaluation order
     * @throws IllegalArgumentException if {@code k} is not in {@code [1, conditions.size()]} or the tree gets
     *     deeper than {@link Condition#MAX_DEPTH}
     * @throws NullPointerException if {@code conditions} or a part is null
     */
    public AtLeastOf {
        conditions = List.copyOf(requireNonNull(conditions, "conditions"));
        checkArgument(k >= 1 && k <= conditions.size(), "at least k of %s conditions needs 1 <= k <= %s, got k = %s",
                conditions.size(), conditions.size(), k);
        Depth.check("at least " + k + " of", conditions);
    }

    @Override
    public boolean test(EvaluationContext context) {
        int met = 0;
        int left = conditions.size();
        for (Condition c : conditions) {
            left--;
            if (c.test(context) && ++met >= k) {
                return true;
            }
            if (met + left < k) {
                return false;
            }
        }
        return false;
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        List<Explanation> parts = new ArrayList<>(conditions.size());
        int met = 0;
        for (Condition c : conditions) {
            Explanation part = c.explain(context);
            parts.add(part);
            met += part.verdict() ? 1 : 0;
        }
        return new Explanation("conditions met", String.valueOf(met), ">= " + k, met >= k, parts);
    }

    @Override
    public String describe() {
        return "at least " + k + " of (" + conditions.stream().map(Condition::describe)
                .collect(Collectors.joining("; ")) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
