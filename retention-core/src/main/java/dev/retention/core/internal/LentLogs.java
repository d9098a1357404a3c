package dev.retention.core.internal;

import dev.retention.core.event.CustomerHistory;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A bulk read over live logs ({@code EventStore.readHistories}): each log is lent to the reader
 * under its lock, through one history per split of the stream that is pointed at one log after
 * another ({@link CustomerHistory#lendInTurn}), so the read allocates nothing per customer. The
 * loan ends before each lock is released. Splits as the source does; a split is read by one thread
 * at a time, as every spliterator is. Not part of the API.
 *
 * @param <L> the kind of log (the native seam's record is one)
 * @param <T> the reader's results; null results are passed on as they are
 */
public final class LentLogs<L extends CustomerLog, T> implements Spliterator<T> {
    private final Spliterator<L> source;
    private final Predicate<? super L> readable;
    private final Function<? super CustomerHistory, ? extends T> reader;
    private final CustomerHistory lent = CustomerHistory.lendInTurn();
    /** What {@link #tryAdvance} read: whether the log was readable, and the reader's result. */
    private boolean read;
    private T result;
    /** How many logs {@link #forEachRemaining} touches before it lends them: enough misses to overlap, few enough to stay cached. */
    private static final int GROUP = 16;
    /** The sum of what {@link CustomerLog#touch} read; means nothing. */
    private int warmth;

    private LentLogs(Spliterator<L> source, Predicate<? super L> readable,
            Function<? super CustomerHistory, ? extends T> reader) {
        this.source = source;
        this.readable = readable;
        this.reader = reader;
    }

    /**
     * The reader's results over the source's logs, one per log that {@code readable} accepts (asked
     * under the log's lock).
     *
     * @param source the logs, e.g. a concurrent map's values
     * @param readable whether a log is read, asked under its lock (an erased or empty record is not)
     * @param reader computes one result from one lent history; must not keep it
     * @return a sequential stream, which the caller may make parallel
     */
    public static <L extends CustomerLog, T> Stream<T> read(Spliterator<L> source, Predicate<? super L> readable,
            Function<? super CustomerHistory, ? extends T> reader) {
        return StreamSupport.stream(new LentLogs<>(source, readable, reader), false);
    }

    /** Lends the log under its lock; false if it is not readable. */
    private boolean lend(L log) {
        synchronized (log) {
            if (!readable.test(log)) {
                return false;
            }
            CustomerHistory.relend(lent, log);
            try {
                result = reader.apply(lent);
            } finally {
                CustomerHistory.relend(lent, null);
            }
            return true;
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        do {
            read = false;
            if (!source.tryAdvance(log -> read = lend(log))) {
                return false;
            }
        } while (!read);
        T out = result;
        result = null;
        action.accept(out);
        return true;
    }

    @Override
    public void forEachRemaining(Consumer<? super T> action) {
        // logs in groups: each group's first cache misses are started together (CustomerLog.touch),
        // then its logs are lent one by one, mostly from the cache
        Object[] group = new Object[GROUP];
        int[] size = {0};
        source.forEachRemaining(log -> {
            group[size[0]++] = log;
            if (size[0] == GROUP) {
                lendAll(group, GROUP, action);
                size[0] = 0;
            }
        });
        lendAll(group, size[0], action);
    }

    @SuppressWarnings("unchecked")
    private void lendAll(Object[] group, int size, Consumer<? super T> action) {
        int touched = 0;
        for (int i = 0; i < size; i++) {
            touched += ((CustomerLog) group[i]).touch();
        }
        warmth += touched; // kept, so that the reads are not left out
        for (int i = 0; i < size; i++) {
            L log = (L) group[i];
            group[i] = null;
            if (lend(log)) {
                T out = result;
                result = null;
                action.accept(out);
            }
        }
    }

    @Override
    public Spliterator<T> trySplit() {
        Spliterator<L> split = source.trySplit();
        return split == null ? null : new LentLogs<>(split, readable, reader);
    }

    @Override
    public long estimateSize() {
        return source.estimateSize();
    }

    @Override
    public int characteristics() {
        // results may be null, and logs that are not readable drop out: neither NONNULL nor SIZED
        return source.characteristics() & (CONCURRENT | IMMUTABLE);
    }
}
