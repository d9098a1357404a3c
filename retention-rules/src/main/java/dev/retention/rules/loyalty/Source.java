package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The origin of a ledger entry: a type and an id, e.g. {@code ORDER o-17} or {@code REFUND evt-9}.
 * A customer's ledger holds at most one entry per source, which makes every recording idempotent.
 */
public record Source(SourceType type, String id) implements Comparable<Source> {

    public Source {
        requireNonNull(type, "type");
        checkArgument(id != null && !id.isBlank(), "source id must not be blank, got %s",
                id == null ? "null" : "'" + id + "'");
    }

    public static Source of(SourceType type, String id) {
        return new Source(type, id);
    }

    /** The idempotency key within one customer's ledger, e.g. {@code "ORDER:o-17"}. */
    public String key() {
        return type.name() + ":" + id;
    }

    @Override
    public int compareTo(Source other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return key();
    }
}
