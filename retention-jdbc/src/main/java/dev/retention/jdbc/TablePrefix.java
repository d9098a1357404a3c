package dev.retention.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.regex.Pattern;

/** Checks a table prefix, which is spliced into SQL and so must be a plain identifier. Stateless. */
final class TablePrefix {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,29}");

    private TablePrefix() {}

    static String check(String prefix) {
        checkArgument(prefix != null && IDENTIFIER.matcher(prefix).matches(),
                "tablePrefix must be 1 to 30 lower-case letters, digits or '_', not starting with a digit, got %s",
                prefix == null ? "null" : "'" + prefix + "'");
        return prefix;
    }
}
