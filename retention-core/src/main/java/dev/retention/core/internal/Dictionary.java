package dev.retention.core.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns values (product ids) as dense ints so per-event columns hold 4 bytes instead of a
 * reference to an object. Thread-safe: lookups are lock-free, additions are serialised.
 *
 * <p>A code handed out is never reassigned, and {@link #get(int)} of a code that a thread learned
 * through the store's per-customer lock (or any other happens-before edge) sees its value.
 */
public final class Dictionary<T> {
    private final ConcurrentHashMap<T, Integer> codes = new ConcurrentHashMap<>();
    private volatile Object[] values = new Object[64];
    private int size;

    /** The code of {@code value}, adding it if new. */
    public int intern(T value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        synchronized (this) {
            code = codes.get(value);
            if (code != null) {
                return code;
            }
            Object[] current = values;
            if (size == current.length) {
                current = Arrays.copyOf(current, size * 2);
            }
            current[size] = value;
            values = current;
            codes.put(value, size);
            return size++;
        }
    }

    /** The code of {@code value}, or -1 if it was never interned (so no event can refer to it). */
    public int find(T value) {
        Integer code = codes.get(value);
        return code == null ? -1 : code;
    }

    @SuppressWarnings("unchecked")
    public T get(int code) {
        return (T) values[code];
    }

    public int size() {
        return codes.size();
    }
}
