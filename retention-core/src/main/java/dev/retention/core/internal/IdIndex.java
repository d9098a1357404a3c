package dev.retention.core.internal;

/**
 * An open-addressing hash set of one customer's event ids, as offsets into the customer's
 * {@link StringBlob}, for customers with many events: without it, checking an appended event's id
 * walks every row of the customer, so appending a customer's whole history costs quadratic time.
 *
 * <p>The index is a plain {@code int[]} (no object around it, as {@link CustomerLog} keeps one per
 * heavy customer): element 0 is the number of ids, then a power of two of slots, each 0 (empty) or
 * {@code fingerprint << 24 | (offset + 1)}, with a 7-bit fingerprint of the id's hash so that a
 * probe compares bytes only when the fingerprints agree. Offsets must be below
 * {@link #MAX_OFFSET}. Not thread-safe: the owning log's lock guards it.
 */
final class IdIndex {
    /** The largest blob offset a slot can hold (offset + 1 must fit in 24 bits). */
    static final int MAX_OFFSET = 0xFF_FFFE;

    private IdIndex() {}

    /** An empty index with room for {@code expected} ids at a load of at most a half. */
    static int[] create(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        return new int[1 + capacity];
    }

    /** Whether the index holds an entry that stores {@code eventId} for {@code customer}. */
    static boolean contains(int[] index, byte[] ids, String customer, String eventId) {
        int h = mix(StringBlob.hash(customer, eventId));
        int fingerprint = h & 0x7F;
        int mask = index.length - 2;
        for (int slot = h >>> 7 & mask; ; slot = slot + 1 & mask) {
            int value = index[1 + slot];
            if (value == 0) {
                return false;
            }
            if (value >>> 24 == fingerprint && StringBlob.matches(ids, (value & 0xFF_FFFF) - 1, customer, eventId)) {
                return true;
            }
        }
    }

    /**
     * Adds the entry at {@code offset} (not yet in the index); returns the index to keep, a larger
     * one past a load of three quarters.
     */
    static int[] add(int[] index, byte[] ids, int offset) {
        int count = index[0] + 1;
        if (count * 4L > (index.length - 1) * 3L) {
            int[] larger = create(count);
            for (int i = 1; i < index.length; i++) {
                if (index[i] != 0) {
                    put(larger, ids, (index[i] & 0xFF_FFFF) - 1);
                }
            }
            index = larger;
        }
        put(index, ids, offset);
        index[0] = count;
        return index;
    }

    private static void put(int[] index, byte[] ids, int offset) {
        if (offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset " + offset + " is past " + MAX_OFFSET);
        }
        int h = mix(StringBlob.hash(ids, offset));
        int mask = index.length - 2;
        int slot = h >>> 7 & mask;
        while (index[1 + slot] != 0) {
            slot = slot + 1 & mask;
        }
        index[1 + slot] = (h & 0x7F) << 24 | offset + 1;
    }

    /** Bytes the index holds (0 for none). */
    static long footprintBytes(int[] index) {
        return index == null || index.length == 0 ? 0 : 16L + 4L * index.length;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E37_79B9;
        return h ^ h >>> 16;
    }
}
