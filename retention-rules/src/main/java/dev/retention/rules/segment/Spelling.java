package dev.retention.rules.segment;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name a misspelt one was meant to be, for "did you mean ...?" in error messages. */
final class Spelling {
    private Spelling() {}

    /**
     * The candidate nearest to {@code name} by edit distance (Levenshtein, ignoring case, so that
     * {@code atleast} finds {@code atLeast}); the first in iteration order on a tie; empty if there is
     * no candidate.
     */
    static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of single-character insertions, deletions and substitutions turning {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
