package dev.retention.core.internal;

import java.lang.reflect.Array;

/**
 * Rows of one event kind kept as parallel primitive arrays (one array a column), sorted by the
 * caller's key.
 *
 * <p>Snapshots share arrays with the live table: {@link #frozen()} copies only the array
 * references and the row count. That is safe because the live table writes in place only past its
 * current size (an append in order with room to spare); inserting before the end or growing makes
 * new arrays. So a snapshot's rows never change, without copying data per event.
 */
final class Table {
    private final Object[] columns;
    private int size;
    private final boolean frozen;

    /**
     * A shareable, read-only empty table; {@link #thawed()} gives the writable one. Customers who
     * never had an event of a kind share it, so an unused kind costs nothing.
     */
    static Table empty(Object... emptyColumns) {
        return new Table(emptyColumns, 0, true);
    }

    private Table(Object[] columns, int size, boolean frozen) {
        this.columns = columns;
        this.size = size;
        this.frozen = frozen;
    }

    int size() {
        return size;
    }

    Object column(int index) {
        return columns[index];
    }

    Table frozen() {
        return frozen ? this : new Table(columns.clone(), size, true);
    }

    boolean isFrozen() {
        return frozen;
    }

    /** A writable table with this one's (empty) columns, for the first row of a kind. */
    Table thawed() {
        if (size != 0) {
            throw new IllegalStateException("only empty tables thaw");
        }
        return new Table(columns.clone(), 0, false);
    }

    /** Opens a row at {@code position} (0..size), shifting later rows; returns the position. */
    int insert(int position) {
        if (frozen) {
            throw new IllegalStateException("snapshot tables are read-only");
        }
        int capacity = Array.getLength(columns[0]);
        if (position == size && size < capacity) {
            size++;
            return position;
        }
        int newCapacity = size < capacity ? capacity : Math.max(4, capacity + (capacity >> 1));
        for (int c = 0; c < columns.length; c++) {
            Object old = columns[c];
            Object grown = Array.newInstance(old.getClass().getComponentType(), newCapacity);
            System.arraycopy(old, 0, grown, 0, position);
            System.arraycopy(old, position, grown, position + 1, size - position);
            columns[c] = grown;
        }
        size++;
        return position;
    }

    /**
     * Shrinks the columns to the rows in use. Makes new arrays, so snapshots keep theirs; a frozen
     * table is left alone.
     */
    void trim() {
        if (frozen || size == Array.getLength(columns[0])) {
            return;
        }
        for (int c = 0; c < columns.length; c++) {
            Object trimmed = Array.newInstance(columns[c].getClass().getComponentType(), size);
            System.arraycopy(columns[c], 0, trimmed, 0, size);
            columns[c] = trimmed;
        }
    }

    /** Bytes held by the column arrays, spare capacity included. */
    long footprintBytes() {
        long bytes = 0;
        for (Object column : columns) {
            int length = Array.getLength(column);
            if (length == 0) {
                continue; // the shared empty arrays
            }
            Class<?> type = column.getClass().getComponentType();
            int width = type == long.class ? 8 : type == int.class ? 4 : type == short.class ? 2
                    : type == byte.class ? 1 : 4;
            bytes += 16 + (long) length * width;
        }
        return bytes;
    }
}
