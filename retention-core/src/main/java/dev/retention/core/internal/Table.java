package dev.retention.core.internal;

import java.util.Arrays;

/**
 * Rows of one event kind, packed row after row into one {@code long[]} and one {@code int[]}
 * (plus an {@code Object[]} for kinds that keep objects), sorted by the caller's key. Two arrays a
 * table instead of one a column keeps the per-customer overhead low: most customers have a few
 * dozen events, where array headers would cost as much as the data.
 *
 * <p>For kinds with a time, long column 0 is the time in epoch nanoseconds.
 *
 * <p>Snapshots share arrays with the live table: {@link #frozen()} copies only the references and
 * the row count. That is safe because the live table writes in place only past its current size
 * (an append in order with room to spare); inserting before the end, growing or trimming makes
 * new arrays. So a snapshot's rows never change, without copying data per event.
 */
final class Table {
    // bytes, not ints: there are millions of tables, and this keeps each at 32 bytes
    private final byte longWidth;
    private final byte intWidth;
    private long[] longs;
    private int[] ints;
    private Object[] objects;
    private int size;
    private final boolean frozen;

    private Table(int longWidth, int intWidth, long[] longs, int[] ints, Object[] objects, int size, boolean frozen) {
        this.longWidth = (byte) longWidth;
        this.intWidth = (byte) intWidth;
        this.longs = longs;
        this.ints = ints;
        this.objects = objects;
        this.size = size;
        this.frozen = frozen;
    }

    /**
     * A shareable, read-only empty table; {@link #thawed()} gives a writable one. Customers who
     * never had an event of a kind share it, so an unused kind costs nothing.
     */
    static Table empty(int longWidth, int intWidth, boolean withObjects) {
        return new Table(longWidth, intWidth, new long[0], new int[0], withObjects ? new Object[0] : null, 0, true);
    }

    Table frozen() {
        return frozen ? this : new Table(longWidth, intWidth, longs, ints, objects, size, true);
    }

    boolean isFrozen() {
        return frozen;
    }

    /** A writable copy of this empty table, for the first row of a kind. */
    Table thawed() {
        if (size != 0) {
            throw new IllegalStateException("only empty tables thaw");
        }
        return new Table(longWidth, intWidth, longs, ints, objects, 0, false);
    }

    int size() {
        return size;
    }

    long getLong(int row, int column) {
        return longs[row * longWidth + column];
    }

    int getInt(int row, int column) {
        return ints[row * intWidth + column];
    }

    Object getObject(int row) {
        return objects[row];
    }

    void setLong(int row, int column, long value) {
        longs[row * longWidth + column] = value;
    }

    void setInt(int row, int column, int value) {
        ints[row * intWidth + column] = value;
    }

    void setObject(int row, Object value) {
        objects[row] = value;
    }

    /** The time (long column 0) of a row. */
    long time(int row) {
        return longs[row * longWidth];
    }

    /** The first row whose time is at or after {@code nanos}; rows must be sorted by time. */
    int lowerBound(long nanos) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (longs[mid * longWidth] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Opens a row at {@code position} (0..size), shifting later rows; returns the position. */
    int insert(int position) {
        if (frozen) {
            throw new IllegalStateException("snapshot tables are read-only");
        }
        int capacity = longWidth > 0 ? longs.length / longWidth : ints.length / intWidth;
        if (position == size && size < capacity) {
            size++;
            return position;
        }
        int newCapacity = size < capacity ? capacity : Math.max(2, capacity + (capacity >> 1) + 1);
        longs = shifted(longs, longWidth, position, newCapacity);
        ints = shifted(ints, intWidth, position, newCapacity);
        if (objects != null) {
            Object[] grown = new Object[newCapacity];
            System.arraycopy(objects, 0, grown, 0, position);
            System.arraycopy(objects, position, grown, position + 1, size - position);
            objects = grown;
        }
        size++;
        return position;
    }

    private long[] shifted(long[] old, int width, int position, int newCapacity) {
        long[] grown = new long[newCapacity * width];
        System.arraycopy(old, 0, grown, 0, position * width);
        System.arraycopy(old, position * width, grown, (position + 1) * width, (size - position) * width);
        return grown;
    }

    private int[] shifted(int[] old, int width, int position, int newCapacity) {
        int[] grown = new int[newCapacity * width];
        System.arraycopy(old, 0, grown, 0, position * width);
        System.arraycopy(old, position * width, grown, (position + 1) * width, (size - position) * width);
        return grown;
    }

    /** Shrinks the arrays to the rows in use; new arrays, so snapshots keep theirs. */
    void trim() {
        if (frozen || longs.length == size * longWidth && ints.length == size * intWidth) {
            return;
        }
        longs = Arrays.copyOf(longs, size * longWidth);
        ints = Arrays.copyOf(ints, size * intWidth);
        if (objects != null) {
            objects = Arrays.copyOf(objects, size);
        }
    }

    /** Bytes held by this table's arrays, spare capacity included; the shared empty ones count nothing. */
    long footprintBytes() {
        return arrayBytes(longs.length, 8) + arrayBytes(ints.length, 4)
                + (objects == null ? 0 : arrayBytes(objects.length, 4));
    }

    private static long arrayBytes(int length, int width) {
        return length == 0 ? 0 : 16L + (long) length * width;
    }
}
