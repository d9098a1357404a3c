package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Why a condition holds or not for one customer: a tree mirroring the condition, each node with its
 * verdict and, for leaves, the observed value against the threshold. Its {@link #verdict()} always
 * equals what {@link Condition#test} answers for the same input.
 *
 * @param subject what was looked at, e.g. "orders in the last 30 days"
 * @param observed the value found, e.g. "6"; empty for combinators
 * @param expected the threshold, e.g. ">= 5"; empty for combinators
 * @param verdict whether the node's condition holds
 * @param children the explanations of a combinator's parts, in order
 */
public record Explanation(String subject, String observed, String expected, boolean verdict,
        List<Explanation> children) {

    /**
     * Validates the components and copies {@code children}.
     *
     * @param subject what was looked at, e.g. "orders in the last 30 days"
     * @param observed the value found, e.g. "6"; empty for combinators
     * @param expected the threshold, e.g. ">= 5"; empty for combinators
     * @param verdict whether the node's condition holds
     * @param children the explanations of a combinator's parts, in order
     * @throws NullPointerException if a component is null
     */
    public Explanation {
        requireNonNull(subject, "subject");
        requireNonNull(observed, "observed");
        requireNonNull(expected, "expected");
        children = List.copyOf(requireNonNull(children, "children"));
    }

    static Explanation leaf(String subject, Object observed, String expected, boolean verdict) {
        return new Explanation(subject, String.valueOf(observed), expected, verdict, List.of());
    }

    static Explanation node(String subject, boolean verdict, List<Explanation> children) {
        return new Explanation(subject, "", "", verdict, children);
    }

    /**
     * This node as one line, e.g. {@code "orders in the last 30 days: 6 >= 5: yes"}.
     *
     * @return the line, without a line break
     */
    public String line() {
        String answer = verdict ? "yes" : "no";
        if (observed.isEmpty() && expected.isEmpty()) {
            return subject + ": " + answer;
        }
        String value = expected.isEmpty() ? observed : observed.isEmpty() ? expected : observed + " " + expected;
        return subject + ": " + value + ": " + answer;
    }

    /**
     * The whole tree, one {@link #line()} per node, children indented by two spaces.
     *
     * @return the lines, each ending with a line break; also {@code toString()}
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append(line()).append('\n');
        for (Explanation child : children) {
            child.render(out, depth + 1);
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
