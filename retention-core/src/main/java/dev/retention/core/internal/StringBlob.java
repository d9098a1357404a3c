package dev.retention.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The encoding of one customer's event and order ids in an append-only byte array, addressed by
 * offset. The array lives in {@link CustomerLog} itself (no object per customer for it).
 *
 * <p>Each entry is a varint header {@code length << 1 | elided} and the UTF-8 bytes. When an id
 * starts with the owning customer's id (a common scheme: {@code "c42-order-7"}), that prefix is
 * left out and {@code elided} set, so such ids cost a few bytes. A typical entry is 4 to 12 bytes
 * instead of the ~50 of a {@code String}. Bytes are only ever written past the end, so snapshots
 * can share the array.
 */
final class StringBlob {
    private StringBlob() {}

    /** The stored form of a value: equal values (for one prefix) give equal encodings. */
    record Encoded(byte[] utf8, int header) {
        int length() {
            return headerBytes(header) + utf8.length;
        }
    }

    static Encoded encode(String prefix, String value) {
        // ids are checked when created; this keeps a lone surrogate from being written as '?'
        Utf16.checkWellFormed("id", value);
        int skip = elided(prefix, value);
        byte[] utf8 = value.substring(skip).getBytes(StandardCharsets.UTF_8);
        return new Encoded(utf8, utf8.length << 1 | (skip > 0 ? 1 : 0));
    }

    /** How many leading chars of {@code value} the entry leaves out: the prefix's, or none. */
    private static int elided(String prefix, String value) {
        return value.length() > prefix.length() && value.startsWith(prefix) ? prefix.length() : 0;
    }

    /**
     * Writes the entry of {@code value} for {@code prefix} at {@code size}, growing the array if
     * needed; returns the array to keep ({@link #end} gives the new size). ASCII values are written
     * straight from the string.
     */
    static byte[] append(byte[] bytes, int size, String prefix, String value) {
        int skip = elided(prefix, value);
        if (!isAscii(value, skip)) {
            return append(bytes, size, encode(prefix, value));
        }
        int length = value.length() - skip;
        int header = length << 1 | (skip > 0 ? 1 : 0);
        bytes = room(bytes, size, headerBytes(header) + length);
        int p = writeHeader(bytes, size, header);
        for (int i = 0; i < length; i++) {
            bytes[p + i] = (byte) value.charAt(skip + i);
        }
        return bytes;
    }

    /** The offset just past the entry at {@code offset}. */
    static int end(byte[] bytes, int offset) {
        long read = readHeader(bytes, offset);
        return (int) (read >>> 32) + ((int) read >>> 1);
    }

    private static int headerBytes(int header) {
        int n = 1;
        for (int h = header >>> 7; h != 0; h >>>= 7) {
            n++;
        }
        return n;
    }

    private static byte[] room(byte[] bytes, int size, int entry) {
        int needed = size + entry;
        return needed <= bytes.length ? bytes
                : Arrays.copyOf(bytes, Math.max(Math.max(needed, 16), bytes.length + (bytes.length >> 1)));
    }

    /** Writes the varint header at {@code p}; returns the position after it. */
    private static int writeHeader(byte[] bytes, int p, int header) {
        while ((header & ~0x7F) != 0) {
            bytes[p++] = (byte) ((header & 0x7F) | 0x80);
            header >>>= 7;
        }
        bytes[p++] = (byte) header;
        return p;
    }

    /** Writes {@code value} at {@code size}, growing the array if needed; returns the array to keep. */
    static byte[] append(byte[] bytes, int size, Encoded value) {
        bytes = room(bytes, size, value.length());
        int p = writeHeader(bytes, size, value.header);
        System.arraycopy(value.utf8, 0, bytes, p, value.utf8.length);
        return bytes;
    }

    static String get(byte[] bytes, int offset, String prefix) {
        long read = readHeader(bytes, offset);
        int header = (int) read;
        int p = (int) (read >>> 32);
        String stored = new String(bytes, p, header >>> 1, StandardCharsets.UTF_8);
        return (header & 1) == 1 ? prefix + stored : stored;
    }

    /** Whether the entry at {@code offset} is {@code value}, without decoding it. */
    static boolean matches(byte[] bytes, int offset, Encoded value) {
        long read = readHeader(bytes, offset);
        int header = (int) read;
        int p = (int) (read >>> 32);
        return header == value.header
                && Arrays.equals(bytes, p, p + value.utf8.length, value.utf8, 0, value.utf8.length);
    }

    /** Whether the entry at {@code offset} stores {@code value} for {@code prefix}; no allocation for ASCII values. */
    static boolean matches(byte[] bytes, int offset, String prefix, String value) {
        int skip = elided(prefix, value);
        if (!isAscii(value, skip)) {
            return matches(bytes, offset, encode(prefix, value));
        }
        long read = readHeader(bytes, offset);
        int length = value.length() - skip;
        return (int) read == (length << 1 | (skip > 0 ? 1 : 0)) && sameAscii(bytes, (int) (read >>> 32), value, skip, length);
    }

    private static boolean isAscii(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAscii(byte[] bytes, int at, String value, int from, int length) {
        // ids of one customer tend to share their start ("-v61", "-v62"): the last byte rejects fastest
        if (length > 0 && bytes[at + length - 1] != (byte) value.charAt(from + length - 1)) {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            if (bytes[at + i] != (byte) value.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** The varint header at {@code offset} in the low 32 bits, the position after it in the high 32. */
    private static long readHeader(byte[] bytes, int offset) {
        int header = 0;
        int shift = 0;
        int p = offset;
        byte b;
        do {
            b = bytes[p++];
            header |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return (long) p << 32 | (header & 0xFFFFFFFFL);
    }

    /**
     * A hash of the entry at {@code offset}, equal to {@link #hash(String, String)} of the value it
     * stores for the same prefix: computed from the stored form, so an index can be rebuilt without
     * decoding entries.
     */
    static int hash(byte[] bytes, int offset) {
        long read = readHeader(bytes, offset);
        int header = (int) read;
        return hash(header, bytes, (int) (read >>> 32));
    }

    /** The hash of the entry {@code value} would get for {@code prefix}; no allocation for ASCII values. */
    static int hash(String prefix, String value) {
        int skip = elided(prefix, value);
        if (!isAscii(value, skip)) {
            Encoded encoded = encode(prefix, value);
            return hash(encoded.header, encoded.utf8, 0);
        }
        int length = value.length() - skip;
        int h = length << 1 | (skip > 0 ? 1 : 0);
        for (int i = 0; i < length; i++) {
            h = 31 * h + (byte) value.charAt(skip + i); // an ASCII char is its UTF-8 byte
        }
        return h;
    }

    /** The hash of an entry with this header whose UTF-8 bytes start at {@code from}. */
    private static int hash(int header, byte[] utf8, int from) {
        int h = header;
        for (int i = 0, n = header >>> 1; i < n; i++) {
            h = 31 * h + utf8[from + i];
        }
        return h;
    }

    /** Orders ids by code point, the order of their UTF-8 bytes. */
    static int compareIds(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
