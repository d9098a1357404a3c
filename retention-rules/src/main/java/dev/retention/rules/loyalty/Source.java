package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The origin of a ledger entry: a type and an id, e.g. {@code ORDER o-17} or {@code REFUND evt-9}.
 * A customer's ledger holds at most one entry per source, which makes every recording idempotent.
 *
 * @param type the kind of origin
 * @param id the origin's id, not blank
 */
public record Source(SourceType type, String id) implements Comparable<Source> {

    /**
     * Validates the components.
     *
     * @param type the kind of origin
     * @param id the origin's id, not blank
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code type} is null
     */
    public Source {
        requireNonNull(type, "type");
        checkArgument(id != null && !id.isBlank(), "source id must not be blank, got %s",
                id == null ? "null" : "'" + id + "'");
    }

    /**
     * A source: {@code Source.of(SourceType.ORDER, "o-17")}.
     *
     * @param type the kind of origin
     * @param id the origin's id, not blank
     * @return the source
     * @throws IllegalArgumentException if {@code id} is null or blank
     */
    public static Source of(SourceType type, String id) {
        return new Source(type, id);
    }

    /**
     * The idempotency key within one customer's ledger, e.g. {@code "ORDER:o-17"}.
     *
     * @return the type's name, a colon and the id
     */
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
