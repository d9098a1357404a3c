package dev.retention.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.event.CustomerEvent;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What reading an event CSV produced: the events, the rows that were skipped (lenient mode), and
 * the counts a user checks an import by.
 *
 * @param events the events, each at the place of its first row in the file (the lines of an order
 *     merged into one event); after {@link EventCsvReader#importInto} in lenient mode, without the
 *     events the store refused. Unmodifiable; the reader's list keeps product views as columns and
 *     makes a view's event on each {@code get}, so two calls give equal, not identical, objects
 * @param problems the rejected rows in file order; always empty in strict mode, which throws
 *     instead. Besides the columns of bad rows, the causes are {@code amount} and
 *     {@code currency} for events a store would refuse (a customer's sums too large, refunds beyond
 *     or in another currency than their order), and {@code store} for an event the store refused
 *     because of events it held before
 * @param rowsRead data rows read (the header and blank lines not counted)
 * @param duplicateRows rows dropped because an identical row with the same {@code event_id} came
 *     earlier (the same line or event exported twice)
 * @param ordersMerged orders made from more than one row
 * @param ordersSpreadInTime orders whose lines have different times (the order takes the earliest)
 * @param eventsStored how many events were new to the store, when the import stored them
 */
public record CsvImport(List<CustomerEvent> events, List<CsvProblem> problems, long rowsRead, long duplicateRows,
        long ordersMerged, long ordersSpreadInTime, OptionalLong eventsStored) {

    /**
     * Checks the counts and copies the lists.
     *
     * @param events the events read
     * @param problems the rejected rows
     * @param rowsRead data rows read
     * @param duplicateRows rows dropped as repeats
     * @param ordersMerged orders made from more than one row
     * @param ordersSpreadInTime orders whose lines have different times
     * @param eventsStored events new to the store, or empty when nothing was stored
     * @throws IllegalArgumentException naming a negative count
     */
    public CsvImport {
        // an import's own list is unmodifiable and holds its views as columns: copying it would
        // make every view an object again
        events = events instanceof ImportedEvents ? events : List.copyOf(events);
        problems = List.copyOf(problems);
        checkArgument(rowsRead >= 0, "rowsRead must not be negative, got %s", rowsRead);
        checkArgument(duplicateRows >= 0, "duplicateRows must not be negative, got %s", duplicateRows);
        checkArgument(ordersMerged >= 0, "ordersMerged must not be negative, got %s", ordersMerged);
        checkArgument(ordersSpreadInTime >= 0, "ordersSpreadInTime must not be negative, got %s", ordersSpreadInTime);
        java.util.Objects.requireNonNull(eventsStored, "eventsStored");
    }

    /**
     * Events and problems only, the counts zero: for callers that build an import themselves.
     *
     * @param events the events
     * @param problems the rejected rows
     */
    public CsvImport(List<CustomerEvent> events, List<CsvProblem> problems) {
        this(events, problems, 0, 0, 0, 0, OptionalLong.empty());
    }

    /**
     * The lines rejected, each counted once, whatever the number of problems naming it.
     *
     * @return the number of distinct lines in the problems' {@link CsvProblem#rejectedLines()}
     */
    public long linesRejected() {
        TreeSet<Long> lines = new TreeSet<>();
        problems.forEach(p -> lines.addAll(p.rejectedLines()));
        return lines.size();
    }

    /**
     * Rejected lines by cause: the column of the problem that rejected them ({@code amount},
     * {@code encoding}, ...), counting the lines rejected with their order under the same cause.
     *
     * @return an immutable map of cause to the number of distinct lines it rejected
     */
    public Map<String, Long> linesRejectedByCause() {
        Map<String, TreeSet<Long>> lines = new TreeMap<>();
        for (CsvProblem p : problems) {
            lines.computeIfAbsent(p.column(), c -> new TreeSet<>()).addAll(p.rejectedLines());
        }
        Map<String, Long> counts = new TreeMap<>();
        lines.forEach((cause, set) -> counts.put(cause, (long) set.size()));
        return Map.copyOf(counts);
    }

    /**
     * This import with the number of events the store took as new.
     *
     * @param stored how many events were new to the store, at most {@code events().size()}
     * @return a copy of this import with {@link #eventsStored()} set
     * @throws IllegalArgumentException naming {@code stored}, if it is negative or above the events
     */
    public CsvImport withEventsStored(long stored) {
        checkArgument(stored >= 0 && stored <= events.size(), "stored must be between 0 and %s, got %s",
                events.size(), stored);
        return new CsvImport(events, problems, rowsRead, duplicateRows, ordersMerged, ordersSpreadInTime,
                OptionalLong.of(stored));
    }

    /**
     * The import report in one line, for a command line:
     * {@code 12 rows read, 9 events (5 stored), 1 duplicate row, 2 orders merged from several rows
     * (1 spread in time), 3 lines rejected {amount=3}}.
     *
     * @return the report, with the stored count only when the import stored its events
     */
    public String report() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%,d rows read, %,d events", rowsRead, events.size()));
        eventsStored.ifPresent(stored -> text.append(String.format(" (%,d stored)", stored)));
        text.append(String.format(", %,d duplicate rows, %,d orders merged from several rows (%,d spread in time)",
                duplicateRows, ordersMerged, ordersSpreadInTime));
        text.append(String.format(", %,d lines rejected", linesRejected()));
        if (!problems.isEmpty()) {
            text.append(" ").append(linesRejectedByCause());
        }
        return text.toString();
    }
}
