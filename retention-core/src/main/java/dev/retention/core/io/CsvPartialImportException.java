package dev.retention.core.io;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.RetentionException;

/**
 * A strict import stopped part way because the store refused one of the file's events: the file
 * itself was sound (an import checks it as the store would before storing anything), but the
 * event conflicts with events the store held before, e.g. a refund that together with refunds
 * already stored exceeds its order, or an order that overflows a customer's stored totals.
 *
 * <p>The events stored before the refusal stay stored: {@link #eventsStored()} says how many.
 * Importing the file again once the data is fixed stores the rest, since events already stored
 * are ignored as repeats.
 */
public final class CsvPartialImportException extends RetentionException {
    private static final long serialVersionUID = 1L;
    /** Not serialized: the message carries its text. */
    private final transient CsvProblem problem;
    /** How many of the file's events the store took before the refusal. */
    private final long eventsStored;
    /** How many events the file held. */
    private final long eventsRead;

    /**
     * An exception whose message says which event was refused and why, and how many were stored.
     *
     * @param problem the refused event: its first line, column {@code store}, its event id as the
     *     value, the store's reason as the message
     * @param eventsStored how many of the file's events the store took as new before it stopped
     * @param eventsRead how many events the file held
     * @param cause the store's refusal
     */
    public CsvPartialImportException(CsvProblem problem, long eventsStored, long eventsRead, Throwable cause) {
        super(message(problem, eventsStored, eventsRead), cause);
        this.problem = problem;
        this.eventsStored = eventsStored;
        this.eventsRead = eventsRead;
    }

    private static String message(CsvProblem problem, long eventsStored, long eventsRead) {
        requireNonNull(problem, "problem");
        checkArgument(eventsStored >= 0 && eventsStored <= eventsRead,
                "eventsStored must be between 0 and eventsRead (%s), got %s", eventsRead, eventsStored);
        return String.format("the store refused event %s on line %d (%s); the import stopped there, having stored"
                + " %,d of the file's %,d events (once the data is fixed, importing the file again stores the rest:"
                + " events already stored are ignored)", problem.value(), problem.line(), problem.message(),
                eventsStored, eventsRead);
    }

    /**
     * The refused event.
     *
     * @return the problem naming the refused event's line and id, and the store's reason
     */
    public CsvProblem problem() {
        return problem;
    }

    /**
     * How many of the file's events were stored before the import stopped.
     *
     * @return the count of events new to the store; repeats of events it already held do not count
     */
    public long eventsStored() {
        return eventsStored;
    }

    /**
     * How many events the file held.
     *
     * @return the count of events read, the refused one and those never appended included
     */
    public long eventsRead() {
        return eventsRead;
    }
}
