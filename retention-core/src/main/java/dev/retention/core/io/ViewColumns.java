package dev.retention.core.io;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.ProductViewed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The product views of one piece of a file as primitive columns: time as seconds and nanos, the
 * customer and product as the piece's pooled id objects, the event id's UTF-8 bytes in one array.
 * A view (most rows of a shop's log) is thus no object of its own while the rest of the file is
 * read and the store takes the events: its {@link ProductViewed} is made again, equal to the one
 * checked when its row was read, each time it is asked for, and dies young.
 *
 * <p>Written by the one thread reading the piece; read by any thread once the piece is read.
 */
final class ViewColumns {
    private int size;
    private long[] lines;
    private long[] seconds;
    private int[] nanos;
    private CustomerId[] customers;
    private ProductId[] products;
    /** The hash {@link ImportRun} looks a repeated event id up by, taken while the piece is read. */
    private int[] idHashes;
    /** Where each view's id ends in {@link #idBytes}; it starts where the view before it ends. */
    private int[] idEnds;
    private byte[] idBytes;
    private int idLength;

    /**
     * Columns for about {@code expected} views: a piece's line count bounds its views, so its
     * columns are allocated once instead of grown (each growth copied, the old arrays garbage).
     */
    ViewColumns(int expected) {
        int capacity = Math.max(16, expected);
        lines = new long[capacity];
        seconds = new long[capacity];
        nanos = new int[capacity];
        customers = new CustomerId[capacity];
        products = new ProductId[capacity];
        idHashes = new int[capacity];
        idEnds = new int[capacity];
        idBytes = new byte[(int) Math.min(1 << 30, capacity * 16L)];
    }

    /**
     * Takes a view checked as an event, as columns.
     *
     * @return its index in this piece's views
     */
    int add(ProductViewed view, long line, int idHash) {
        if (size == lines.length) {
            int grown = size * 2;
            lines = Arrays.copyOf(lines, grown);
            seconds = Arrays.copyOf(seconds, grown);
            nanos = Arrays.copyOf(nanos, grown);
            customers = Arrays.copyOf(customers, grown);
            products = Arrays.copyOf(products, grown);
            idHashes = Arrays.copyOf(idHashes, grown);
            idEnds = Arrays.copyOf(idEnds, grown);
        }
        lines[size] = line;
        seconds[size] = view.occurredAt().getEpochSecond();
        nanos[size] = view.occurredAt().getNano();
        customers[size] = view.customerId();
        products[size] = view.productId();
        idHashes[size] = idHash;
        appendId(view.eventId());
        idEnds[size] = idLength;
        return size++;
    }

    /** The id's UTF-8 bytes; ASCII (nearly every id) without an intermediate array. */
    private void appendId(String id) {
        int n = id.length();
        ensureIdRoom(n);
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
                ensureIdRoom(utf8.length);
                System.arraycopy(utf8, 0, idBytes, idLength, utf8.length);
                idLength += utf8.length;
                return;
            }
            idBytes[idLength + i] = (byte) c;
        }
        idLength += n;
    }

    private void ensureIdRoom(int more) {
        if (idLength + more > idBytes.length) {
            long grown = Math.max((long) idBytes.length * 2, (long) idLength + more);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a piece's view ids exceed 2 GB");
            }
            idBytes = Arrays.copyOf(idBytes, (int) grown);
        }
    }

    /** The view at {@code index}, equal to the one {@link #add} took. */
    ProductViewed event(int index) {
        int start = index == 0 ? 0 : idEnds[index - 1];
        String id = new String(idBytes, start, idEnds[index] - start, StandardCharsets.UTF_8);
        return new ProductViewed(id, customers[index], Instant.ofEpochSecond(seconds[index], nanos[index]),
                products[index]);
    }

    long line(int index) {
        return lines[index];
    }

    int idHash(int index) {
        return idHashes[index];
    }
}
