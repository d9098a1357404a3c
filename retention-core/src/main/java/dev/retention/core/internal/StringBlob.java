package dev.retention.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Append-only UTF-8 storage for one customer's event and order ids, addressed by offset.
 *
 * <p>Each entry is a varint header {@code length << 1 | elided} and the bytes. When an id starts
 * with the owning customer's id (a common scheme: {@code "c42-order-7"}), that prefix is left out
 * and {@code elided} set, so such ids cost a few bytes. A typical entry is 4 to 12 bytes instead of
 * the ~50 of a {@code String}. Shares its array with snapshots like {@link Table}: bytes are only
 * written past the end.
 */
final class StringBlob {
    private final String prefix;
    private byte[] bytes;
    private int size;

    StringBlob(String prefix) {
        this(prefix, new byte[0], 0);
    }

    private StringBlob(String prefix, byte[] bytes, int size) {
        this.prefix = prefix;
        this.bytes = bytes;
        this.size = size;
    }

    StringBlob frozen() {
        return new StringBlob(prefix, bytes, size);
    }

    /** The stored form of {@code value}: equal values give equal encodings. */
    Encoded encode(String value) {
        boolean elided = value.length() > prefix.length() && value.startsWith(prefix);
        byte[] utf8 = (elided ? value.substring(prefix.length()) : value).getBytes(StandardCharsets.UTF_8);
        return new Encoded(utf8, utf8.length << 1 | (elided ? 1 : 0));
    }

    record Encoded(byte[] utf8, int header) {}

    int add(Encoded value) {
        int needed = size + 5 + value.utf8.length;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(needed, 16), bytes.length + (bytes.length >> 1)));
        }
        int offset = size;
        int header = value.header;
        while ((header & ~0x7F) != 0) {
            bytes[size++] = (byte) ((header & 0x7F) | 0x80);
            header >>>= 7;
        }
        bytes[size++] = (byte) header;
        System.arraycopy(value.utf8, 0, bytes, size, value.utf8.length);
        size += value.utf8.length;
        return offset;
    }

    int add(String value) {
        return add(encode(value));
    }

    String get(int offset) {
        int header = 0;
        int shift = 0;
        int p = offset;
        byte b;
        do {
            b = bytes[p++];
            header |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        String stored = new String(bytes, p, header >>> 1, StandardCharsets.UTF_8);
        return (header & 1) == 1 ? prefix + stored : stored;
    }

    /** Whether the entry at {@code offset} is {@code value}, without decoding it. */
    boolean matches(int offset, Encoded value) {
        int header = 0;
        int shift = 0;
        int p = offset;
        byte b;
        do {
            b = bytes[p++];
            header |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return header == value.header
                && Arrays.equals(bytes, p, p + value.utf8.length, value.utf8, 0, value.utf8.length);
    }

    /** Shrinks the array to the bytes in use. */
    void trim() {
        if (bytes.length > size) {
            bytes = Arrays.copyOf(bytes, size);
        }
    }

    long footprintBytes() {
        return bytes.length == 0 ? 0 : 16L + bytes.length;
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
