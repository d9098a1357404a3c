package dev.retention.core.io;

import dev.retention.core.event.CustomerEvent;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The events of an import as {@link CsvImport#events()} hands them out: orders, refunds and carts
 * as the event objects built from their rows, views as their place in a piece's
 * {@link ViewColumns}, made into an event on each {@link #get}. So the views of a whole file cost
 * no object each between the reading and the store's append (the events a store takes are
 * garbage as soon as it has copied them), which is what kept the collector copying gigabytes.
 *
 * <p>Unmodifiable once built (the list operations that change it throw); thread-safe to read
 * once handed out. {@link #get} returns an equal, not the same, object on each call for a view.
 */
final class ImportedEvents extends AbstractList<CustomerEvent> implements RandomAccess {
    /** A {@link CustomerEvent}, or the {@link ViewColumns} holding the view. */
    private Object[] entries;
    /** For a view, its index in its columns; unused for the other events. */
    private int[] viewIndices;
    private int size;

    ImportedEvents(int expected) {
        entries = new Object[Math.max(8, expected)];
        viewIndices = new int[entries.length];
    }

    void append(CustomerEvent event) {
        grow();
        entries[size++] = event;
    }

    void appendView(ViewColumns columns, int index) {
        grow();
        entries[size] = columns;
        viewIndices[size++] = index;
    }

    /** Appends the event at {@code index} of {@code other}, as it is held there. */
    void appendFrom(ImportedEvents other, int index) {
        grow();
        entries[size] = other.entries[index];
        viewIndices[size++] = other.viewIndices[index];
    }

    private void grow() {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
            viewIndices = Arrays.copyOf(viewIndices, size * 2);
        }
    }

    /** Whether the event at {@code index} is a view (which the money check passes over). */
    boolean isView(int index) {
        return entries[index] instanceof ViewColumns;
    }

    @Override
    public CustomerEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " events");
        }
        Object entry = entries[index];
        return entry instanceof ViewColumns columns ? columns.event(viewIndices[index]) : (CustomerEvent) entry;
    }

    @Override
    public int size() {
        return size;
    }
}
