package dev.retention.core.internal;

/**
 * Refuses strings with lone surrogates. UTF-8 has no form for them: stored, they become {@code ?},
 * so two different ids would come back equal (and the second be dropped as a duplicate).
 */
public final class Utf16 {
    private Utf16() {}

    /**
     * @throws IllegalArgumentException naming {@code field} and the index of the first lone
     *     surrogate, if {@code value} has one
     */
    public static void checkWellFormed(String field, String value) {
        int bad = firstLoneSurrogate(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "%s must be well-formed UTF-16, but the char at index %d is a lone surrogate U+%04X",
                    field, bad, (int) value.charAt(bad)));
        }
    }

    /** The index of the first high surrogate not followed by a low one, or low one not preceded by a high one; -1 if none. */
    static int firstLoneSurrogate(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
