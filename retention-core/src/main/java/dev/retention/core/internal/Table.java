package dev.retention.core.internal;

import java.util.Arrays;

/**
 * Rows of one event kind, packed row after row into one {@code long[]} and one {@code int[]},
 * sorted by the caller's key. Two arrays a table instead of one a column, and a 24-byte table
 * object, keep the per-customer overhead low: most customers have a few dozen events, where array
 * and object headers would cost as much as the data. Each row shape is a subclass that knows its
 * widths, so the object holds only the arrays and the row count.
 *
 * <p>For kinds with a time, long column 0 is the time in epoch nanoseconds.
 *
 * <p>Snapshots share table objects with the live log: a snapshot {@link #freeze() freezes} the
 * live tables in place, and the live log writes to a {@link #thawed()} copy of a frozen table,
 * which shares the arrays. That is safe because a table writes in place only past its current size
 * (an append in order with room to spare); inserting before the end, growing or trimming makes
 * new arrays. So a snapshot's rows never change, without copying data per event, and a snapshot
 * allocates no table: the next append copies only the one table it writes to.
 */
abstract class Table {
    private long[] longs;
    private int[] ints;
    /** The row count; negative (-1 - count) in a frozen table. */
    private int state;

    Table(long[] longs, int[] ints, int state) {
        this.longs = longs;
        this.ints = ints;
        this.state = state;
    }

    abstract int longWidth();

    abstract int intWidth();

    abstract Table create(long[] longs, int[] ints, int state);

    static Table views() {
        return new OneTwo(new long[0], new int[0], -1);
    }

    static Table carts() {
        return new OneFour(new long[0], new int[0], -1);
    }

    static Table orders() {
        return new TwoFive(new long[0], new int[0], -1);
    }

    static Table refunds() {
        return new TwoThree(new long[0], new int[0], -1);
    }

    static Table custom() {
        return new OneTwo(new long[0], new int[0], -1);
    }

    static Table lines() {
        return new OneTwo(new long[0], new int[0], -1);
    }

    // One class per row shape, so that the widths cost no field: a table object stays at 24 bytes.

    /** One long and two ints a row: views (time; id, product), custom events, lines. */
    private static final class OneTwo extends Table {
        OneTwo(long[] longs, int[] ints, int state) {
            super(longs, ints, state);
        }

        @Override
        int longWidth() {
            return 1;
        }

        @Override
        int intWidth() {
            return 2;
        }

        @Override
        Table create(long[] longs, int[] ints, int state) {
            return new OneTwo(longs, ints, state);
        }
    }

    /** Carts: time; id, currency, first line, line count. */
    private static final class OneFour extends Table {
        OneFour(long[] longs, int[] ints, int state) {
            super(longs, ints, state);
        }

        @Override
        int longWidth() {
            return 1;
        }

        @Override
        int intWidth() {
            return 4;
        }

        @Override
        Table create(long[] longs, int[] ints, int state) {
            return new OneFour(longs, ints, state);
        }
    }

    /** Orders: time, total; id, currency, order id, first line, line count. */
    private static final class TwoFive extends Table {
        TwoFive(long[] longs, int[] ints, int state) {
            super(longs, ints, state);
        }

        @Override
        int longWidth() {
            return 2;
        }

        @Override
        int intWidth() {
            return 5;
        }

        @Override
        Table create(long[] longs, int[] ints, int state) {
            return new TwoFive(longs, ints, state);
        }
    }

    /** Refunds: time, amount; id, currency, order id. */
    private static final class TwoThree extends Table {
        TwoThree(long[] longs, int[] ints, int state) {
            super(longs, ints, state);
        }

        @Override
        int longWidth() {
            return 2;
        }

        @Override
        int intWidth() {
            return 3;
        }

        @Override
        Table create(long[] longs, int[] ints, int state) {
            return new TwoThree(longs, ints, state);
        }
    }

    /**
     * Freezes this table in place and returns it, for a snapshot that shares it: its rows never
     * change again. The live log that owns it writes to a {@link #thawed()} copy from then on.
     */
    Table freeze() {
        if (!isFrozen()) {
            state = -1 - state;
        }
        return this;
    }

    boolean isFrozen() {
        return state < 0;
    }

    /**
     * A writable table with this frozen table's rows, sharing its arrays: the copy writes in place
     * only past those rows, so this table's rows stay as they are.
     */
    Table thawed() {
        return create(longs, ints, size());
    }

    int size() {
        return state < 0 ? -1 - state : state;
    }

    long getLong(int row, int column) {
        return longs[row * longWidth() + column];
    }

    int getInt(int row, int column) {
        return ints[row * intWidth() + column];
    }

    void setLong(int row, int column, long value) {
        longs[row * longWidth() + column] = value;
    }

    void setInt(int row, int column, int value) {
        ints[row * intWidth() + column] = value;
    }

    /**
     * The first row at or after {@code from} whose int column 0 (an event id column, see
     * {@code CustomerLog}) may hold an id with this fingerprint, or -1.
     */
    int nextIdCandidate(int from, int fingerprint) {
        int width = intWidth();
        for (int row = from, n = size(); row < n; row++) {
            int value = ints[row * width];
            if (value < 0 || value >>> 24 == fingerprint) {
                return row;
            }
        }
        return -1;
    }

    /** The time (long column 0) of a row. */
    long time(int row) {
        return longs[row * longWidth()];
    }

    /** The first row whose time is at or after {@code nanos}; rows must be sorted by time. */
    int lowerBound(long nanos) {
        int width = longWidth();
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (longs[mid * width] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Opens a row at {@code position} (0..size), shifting later rows; returns the position. */
    int insert(int position) {
        if (isFrozen()) {
            throw new IllegalStateException("snapshot tables are read-only");
        }
        int size = state;
        int capacity = ints.length / intWidth();
        if (position == size && size < capacity) {
            state++;
            return position;
        }
        int newCapacity = size < capacity ? capacity : Math.max(2, capacity + (capacity >> 1) + 1);
        longs = shifted(longs, longWidth(), position, size, newCapacity);
        ints = shifted(ints, intWidth(), position, size, newCapacity);
        state++;
        return position;
    }

    private static long[] shifted(long[] old, int width, int position, int size, int newCapacity) {
        long[] grown = new long[newCapacity * width];
        System.arraycopy(old, 0, grown, 0, position * width);
        System.arraycopy(old, position * width, grown, (position + 1) * width, (size - position) * width);
        return grown;
    }

    private static int[] shifted(int[] old, int width, int position, int size, int newCapacity) {
        int[] grown = new int[newCapacity * width];
        System.arraycopy(old, 0, grown, 0, position * width);
        System.arraycopy(old, position * width, grown, (position + 1) * width, (size - position) * width);
        return grown;
    }

    /** Shrinks the arrays to the rows in use; new arrays, so snapshots keep theirs. */
    void trim() {
        int size = size();
        if (isFrozen() || longs.length == size * longWidth() && ints.length == size * intWidth()) {
            return;
        }
        longs = Arrays.copyOf(longs, size * longWidth());
        ints = Arrays.copyOf(ints, size * intWidth());
    }

    /** Bytes held by this table's arrays, spare capacity included; the shared empty ones count nothing. */
    long footprintBytes() {
        return arrayBytes(longs.length, 8) + arrayBytes(ints.length, 4);
    }

    private static long arrayBytes(int length, int width) {
        return length == 0 ? 0 : 16L + (long) length * width;
    }
}
