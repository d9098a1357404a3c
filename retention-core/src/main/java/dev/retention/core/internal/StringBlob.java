package dev.retention.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Append-only UTF-8 storage for a customer's event and order ids: a varint length then the bytes,
 * addressed by offset. About 12 bytes for a typical id instead of ~50 for a {@code String}.
 * Shares its array with snapshots like {@link Table}: bytes are written only past the end.
 */
final class StringBlob {
    private byte[] bytes;
    private int size;

    StringBlob() {
        this(new byte[0], 0);
    }

    private StringBlob(byte[] bytes, int size) {
        this.bytes = bytes;
        this.size = size;
    }

    StringBlob frozen() {
        return new StringBlob(bytes, size);
    }

    int add(byte[] utf8) {
        int needed = size + 5 + utf8.length;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(needed, 32), bytes.length + (bytes.length >> 1)));
        }
        int offset = size;
        int length = utf8.length;
        while ((length & ~0x7F) != 0) {
            bytes[size++] = (byte) ((length & 0x7F) | 0x80);
            length >>>= 7;
        }
        bytes[size++] = (byte) length;
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return offset;
    }

    String get(int offset) {
        int length = 0;
        int shift = 0;
        int p = offset;
        byte b;
        do {
            b = bytes[p++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return new String(bytes, p, length, StandardCharsets.UTF_8);
    }

    /** Compares the stored string with {@code utf8} by unsigned bytes, which is code point order. */
    int compare(int offset, byte[] utf8) {
        int length = 0;
        int shift = 0;
        int p = offset;
        byte b;
        do {
            b = bytes[p++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return Arrays.compareUnsigned(bytes, p, p + length, utf8, 0, utf8.length);
    }

    /** Compares two stored strings by unsigned bytes. */
    int compare(int offsetA, int offsetB) {
        return compare(offsetA, utf8(offsetB));
    }

    private byte[] utf8(int offset) {
        return get(offset).getBytes(StandardCharsets.UTF_8);
    }

    long footprintBytes() {
        return 16L + bytes.length;
    }
}
