package dev.retention.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy stream read in pages by keyset pagination: each page is one short read transaction that
 * asks for the rows after the last key of the page before, so no cursor or connection stays open
 * between pages and a stream the caller never closes leaks nothing. Rows written while the stream
 * runs may or may not be in it, as the stores' contracts allow. Not thread-safe itself (a stream).
 */
final class Pages {
    static final int SIZE = 256;

    /**
     * One page of rows after a key.
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    interface Page<T> {
        List<T> read(Connection c, String after, int limit) throws SQLException;
    }

    private Pages() {}

    static <T> Stream<T> of(Database db, String what, Page<T> page, Function<T, String> key) {
        Iterator<T> rows = new Iterator<>() {
            private List<T> current = List.of();
            private int next;
            private String after;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next < current.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                String from = after;
                current = db.read(what, c -> page.read(c, from, SIZE));
                next = 0;
                done = current.size() < SIZE;
                if (!current.isEmpty()) {
                    after = key.apply(current.get(current.size() - 1));
                }
                return !current.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
