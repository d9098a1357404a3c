package dev.retention.core.io;

import dev.retention.core.event.CustomerEvent;
import java.util.List;

/**
 * What reading an event CSV produced: the events, and in lenient mode the rows that were skipped.
 *
 * @param events the events in file order (rows of one order merged into one event)
 * @param problems the skipped rows; always empty in strict mode, which throws instead
 */
public record CsvImport(List<CustomerEvent> events, List<CsvProblem> problems) {

    public CsvImport {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }
}
