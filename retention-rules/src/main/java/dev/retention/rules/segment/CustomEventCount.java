package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * The number of custom events named {@code name} in the {@link Window} whose attributes include every
 * entry of {@code attributes} (equal values, case-sensitive) compares to a threshold, e.g.
 * "events review_written {rating=5} in the last 30 days >= 1". Window edges as in {@link Window}.
 *
 * @param name the custom event's name
 * @param attributes the attributes an event must have, with their values; empty for any
 * @param window when the events must have occurred
 * @param bound the count threshold
 */
public record CustomEventCount(String name, Map<String, String> attributes, Window window, CountBound bound)
        implements Condition {

    /**
     * Validates the components and copies {@code attributes}.
     *
     * @param name the custom event's name
     * @param attributes the attributes an event must have, with their values; empty for any
     * @param window when the events must have occurred
     * @param bound the count threshold
     * @throws IllegalArgumentException if {@code name} is null or blank
     * @throws NullPointerException if another component is null
     */
    public CustomEventCount {
        checkArgument(name != null && !name.isBlank(), "custom event name must not be blank");
        attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
        requireNonNull(window, "window");
        requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return bound.matches(observe(context));
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        int observed = observe(context);
        return Explanation.leaf(subject(), observed, bound.describe(), bound.matches(observed));
    }

    private int observe(EvaluationContext context) {
        return context.history().customEventCount(name, attributes, context.from(window), context.end());
    }

    private String subject() {
        return "events " + name + (attributes.isEmpty() ? "" : " " + new TreeMap<>(attributes)) + " "
                + window.describe();
    }

    @Override
    public String describe() {
        return subject() + " " + bound.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
