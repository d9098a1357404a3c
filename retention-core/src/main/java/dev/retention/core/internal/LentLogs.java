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
    /** How many logs {@link #forEachRemaining} touches before it lends them: enough misses to overlap, few enough to stay cached. */
    private static final int GROUP = 16;
    /** What {@link #lend} returns for a log that is not read. */
    private static final Object SKIPPED = new Object();

    private final Spliterator<L> source;
    private final Predicate<? super L> readable;
    private final Function<? super CustomerHistory, ? extends T> reader;
    /** The history {@link #tryAdvance} lends, made on first use. */
    private CustomerHistory lentOneByOne;
    /** The sum of what {@link CustomerLog#touch} read, kept so that the reads are not left out; means nothing. */
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

    /**
     * Lends the log under its lock through {@code lent}: the reader's result, or {@link #SKIPPED}.
     * Writes no field of this object: splits made by one thread may share a cache line, and each
     * is read by another thread.
     */
    @SuppressWarnings("unchecked")
    private T lend(L log, CustomerHistory lent) {
        synchronized (log) {
            if (!readable.test(log)) {
                return (T) SKIPPED;
            }
            CustomerHistory.relend(lent, log);
            try {
                return reader.apply(lent);
            } finally {
                CustomerHistory.relend(lent, null);
            }
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (lentOneByOne == null) {
            lentOneByOne = CustomerHistory.lendInTurn();
        }
        Object[] out = {SKIPPED};
        do {
            if (!source.tryAdvance(log -> out[0] = lend(log, lentOneByOne))) {
                return false;
            }
        } while (out[0] == SKIPPED);
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        action.accept(result);
        return true;
    }

    @Override
    public void forEachRemaining(Consumer<? super T> action) {
        // made here, on the reading thread, as the group: the history is written twice per
        // customer, and what one thread allocates lies apart from what another writes
        CustomerHistory lent = CustomerHistory.lendInTurn();
        // logs in groups: each group's first cache misses are started together (CustomerLog.touch),
        // then its logs are lent one by one, mostly from the cache
        Object[] group = new Object[GROUP];
        int[] state = new int[2]; // logs in the group, sum of the touches
        source.forEachRemaining(log -> {
            group[state[0]++] = log;
            if (state[0] == GROUP) {
                state[1] += lendAll(group, GROUP, action, lent);
                state[0] = 0;
            }
        });
        state[1] += lendAll(group, state[0], action, lent);
        warmth += state[1];
    }

    /** Touches the group's logs, then lends them one by one; returns the sum of the touches. */
    @SuppressWarnings("unchecked")
    private int lendAll(Object[] group, int size, Consumer<? super T> action, CustomerHistory lent) {
        int touched = 0;
        for (int i = 0; i < size; i++) {
            touched += ((CustomerLog) group[i]).touch();
        }
        for (int i = 0; i < size; i++) {
            L log = (L) group[i];
            group[i] = null;
            T out = lend(log, lent);
            if (out != SKIPPED) {
                action.accept(out); // after the lock: what the caller does downstream holds no customer
            }
        }
        return touched;
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
