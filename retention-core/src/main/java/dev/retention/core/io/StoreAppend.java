package dev.retention.core.io;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The append phase of an import: every event handed to the store on its own, so that a refusal
 * is caught with the exact count of events stored before it. Strict mode stops at the first
 * refusal, lenient mode rejects the refused event and goes on (see
 * {@link EventCsvReader#importInto}).
 */
final class StoreAppend {
    private final EventStore store;
    private final boolean lenient;

    StoreAppend(EventStore store, boolean lenient) {
        this.store = store;
        this.lenient = lenient;
    }

    CsvImport append(ImportRun.Result read) {
        CsvImport imported = read.imported();
        List<CustomerEvent> events = imported.events();
        LongAdder stored = new LongAdder();
        AtomicBoolean stopped = new AtomicBoolean();
        ConcurrentLinkedQueue<Refused> refused = new ConcurrentLinkedQueue<>();
        IntStream range = IntStream.range(0, events.size());
        // the in-memory store is thread-safe per customer; the file's accepted events pass its checks
        // in any order (each check is a running sum under a bound the whole file keeps), so the order
        // of the appends does not change what is stored
        boolean parallel = store instanceof InMemoryEventStore && events.size() > 10_000;
        (parallel ? range.parallel() : range).forEach(i -> {
            if (stopped.get()) {
                return;
            }
            try {
                if (store.append(events.get(i))) {
                    stored.increment();
                }
            } catch (IllegalArgumentException e) {
                refused.add(new Refused(i, e));
                if (!lenient) {
                    stopped.set(true);
                }
            }
        });
        if (refused.isEmpty()) {
            return imported.withEventsStored(stored.sum());
        }
        List<Refused> byIndex = new ArrayList<>(refused);
        byIndex.sort(Comparator.comparingInt(Refused::index));
        if (!lenient) {
            Refused first = byIndex.get(0);
            throw new CsvPartialImportException(problem(first, events, read.lines()), stored.sum(), events.size(),
                    first.cause());
        }
        List<CsvProblem> problems = new ArrayList<>(imported.problems());
        boolean[] skip = new boolean[events.size()];
        for (Refused r : byIndex) {
            problems.add(problem(r, events, read.lines()));
            skip[r.index()] = true;
        }
        problems.sort(Comparator.comparingLong(CsvProblem::line));
        List<CustomerEvent> kept = new ArrayList<>(events.size() - byIndex.size());
        for (int i = 0; i < events.size(); i++) {
            if (!skip[i]) {
                kept.add(events.get(i));
            }
        }
        return new CsvImport(kept, problems, imported.rowsRead(), imported.duplicateRows(), imported.ordersMerged(),
                imported.ordersSpreadInTime(), imported.eventsStored()).withEventsStored(stored.sum());
    }

    private static CsvProblem problem(Refused r, List<CustomerEvent> events, ImportRun.EventLines lines) {
        CustomerEvent event = events.get(r.index());
        List<Long> at = lines.of(r.index());
        String reason = r.cause().getMessage() == null ? r.cause().getClass().getSimpleName() : r.cause().getMessage();
        String customer = "customer " + event.customerId().value() + ": ";
        return new CsvProblem(at.get(0), "store", event.eventId(),
                reason.startsWith(customer) ? reason : customer + reason, at);
    }

    private record Refused(int index, IllegalArgumentException cause) {}
}
