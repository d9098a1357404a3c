package dev.retention.rules.segment;

/**
 * The extension point for conditions the built-ins do not cover; implement it with a class or a
 * lambda, and combine it freely with the built-ins:
 *
 * <pre>{@code
 * UserCondition vip = context -> context.profile().attribute("vip").isPresent();
 * Segment segment = Segment.named("vip-lapsed").where(vip).and(noOrderWithin(days(90)));
 * }</pre>
 *
 * <p>Must be pure and thread-safe, like the built-ins. To store it as JSON, register a
 * {@link UserConditionCodec} with {@link SegmentJson.Builder#register}.
 */
@FunctionalInterface
public non-sealed interface UserCondition extends Condition {

    /**
     * Whether the customer meets the condition. Must be pure and thread-safe, and should look only at
     * events at or before {@code context.now()}, like the built-ins.
     *
     * @param context the customer's history and profile, the instant {@code now} and the catalog
     * @return true if the condition holds
     */
    boolean matches(EvaluationContext context);

    @Override
    default boolean test(EvaluationContext context) {
        return matches(context);
    }

    @Override
    default Explanation explain(EvaluationContext context) {
        boolean verdict = matches(context);
        return Explanation.leaf(describe(), verdict ? "met" : "not met", "", verdict);
    }

    /** Override to name your condition in explanations; the default names its class. */
    @Override
    default String describe() {
        return "user condition " + getClass().getSimpleName();
    }
}
