package dev.retention.rules.segment;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps condition trees within {@link Condition#MAX_DEPTH} levels, checked as each combinator is
 * built: test, explain, describe, JSON and {@code hashCode} all recurse over the tree, and a tree
 * tens of thousands of levels deep overflowed the stack in each of them.
 */
final class Depth {
    private Depth() {}

    /** @throws IllegalArgumentException if a combinator over {@code parts} would be too deep */
    static void check(String combinator, List<Condition> parts) {
        Map<Condition, Integer> known = new IdentityHashMap<>();
        int deepest = 0;
        for (Condition part : parts) {
            deepest = Math.max(deepest, of(part, known));
        }
        if (deepest + 1 > Condition.MAX_DEPTH) {
            throw new IllegalArgumentException(combinator + " would nest conditions " + (deepest + 1)
                    + " levels deep; a condition tree may be at most " + Condition.MAX_DEPTH + " levels deep");
        }
    }

    /**
     * The levels of the tree, a leaf being one. The parts were checked when built, so the recursion
     * stays within the limit; shared subtrees are measured once, so a tree that reuses a part at
     * every level costs its distinct nodes, not its paths.
     */
    private static int of(Condition condition, Map<Condition, Integer> known) {
        List<Condition> parts = parts(condition);
        if (parts.isEmpty()) {
            return 1;
        }
        Integer depth = known.get(condition);
        if (depth == null) {
            int deepest = 0;
            for (Condition part : parts) {
                deepest = Math.max(deepest, of(part, known));
            }
            depth = deepest + 1;
            known.put(condition, depth);
        }
        return depth;
    }

    private static List<Condition> parts(Condition condition) {
        if (condition instanceof Not not) {
            return List.of(not.condition());
        } else if (condition instanceof AllOf all) {
            return all.conditions();
        } else if (condition instanceof AnyOf any) {
            return any.conditions();
        } else if (condition instanceof AtLeastOf atLeast) {
            return atLeast.conditions();
        }
        return List.of();
    }
}
