package dev.retention.core.io;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/** One import: rows into groups (an order, a refund, a cart, a view), groups into events. */
final class ImportRun {
    private final CsvMapping mapping;
    private final boolean lenient;
    private final CsvRecords records;
    private final CheckedDecoder decoder;
    /**
     * Every group in the order of its first row; only groups that can take more rows have a key.
     * A row that is an event on its own (a view) is held as columns: its entry is the
     * {@link ViewColumns} of the piece that read it, its index there in {@link #viewIndices}, so
     * no object stands for most rows of a shop's log while the file is read and stored.
     */
    private final ArrayList<Object> groups = new ArrayList<>();
    /** The index in its {@link ViewColumns} of each entry of {@link #groups} that is a view. */
    private int[] viewIndices = new int[64];
    /** The views this run reads. */
    private final ViewColumns views;
    private Map<RowGroup.Key, RowGroup> byKey = new HashMap<>();
    private final List<CsvProblem> problems = new ArrayList<>();
    private final IdCache ids = new IdCache();
    private long rows;
    private long duplicates;
    private long merged;
    private long spread;
    /**
     * Whether this run reads a piece after the file's first: its groups only collect their rows,
     * and the rows are checked against each other when the pieces are joined (see
     * {@link #absorbAll}).
     */
    private boolean laterPiece;

    /**
     * This run as the reader of a piece after the file's first. Whether an order's line is
     * rejected (another customer or currency, a line id used for other content) or a repeat
     * depends on the order's lines before it in the file, and some of those may stand in earlier
     * pieces: checked within the piece, a line that is the file's odd one would be taken for the
     * order's first and its good lines rejected against it.
     */
    ImportRun asLaterPiece() {
        laterPiece = true;
        return this;
    }

    ImportRun(Reader reader, long firstLine, CsvMapping mapping, boolean lenient) {
        this(reader, firstLine, mapping, lenient, 256);
    }

    /** @param expectedRows about how many rows the run will read (a piece's line count) */
    ImportRun(Reader reader, long firstLine, CsvMapping mapping, boolean lenient, int expectedRows) {
        this.views = new ViewColumns(expectedRows);
        this.mapping = mapping;
        this.lenient = lenient;
        this.records = new CsvRecords(reader, mapping.separator(), firstLine);
        this.decoder = reader instanceof CheckedDecoder d ? d : null;
    }

    Result read() throws IOException {
        rows(header());
        return build();
    }

    CsvHeader header() throws IOException {
        String[] names = records.next();
        if (names == null) {
            throw new CsvFormatException(new CsvProblem(1, "header", "", "the file is empty; expected a header"));
        }
        return CsvHeader.parse(names, mapping, badBytes());
    }

    /**
     * Takes in the groups of the later pieces of the file in order, merging those of one order;
     * the tables sized once for all of them rather than grown (and copied) piece by piece.
     *
     * @param stops in strict mode, the problem each piece stopped at, if any: thrown once the
     *     pieces before it are taken in, unless taking in the rows it read finds an earlier one
     */
    void absorbAll(ImportRun[] pieces, CsvFormatException[] stops) {
        int entries = groups.size();
        int keys = byKey.size();
        for (int i = 1; i < pieces.length; i++) {
            entries += pieces[i].groups.size();
            keys += pieces[i].byKey.size();
        }
        groups.ensureCapacity(entries);
        viewIndices = Arrays.copyOf(viewIndices, Math.max(viewIndices.length, entries));
        Map<RowGroup.Key, RowGroup> sized = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, keys * 4L / 3 + 1)));
        sized.putAll(byKey);
        byKey = sized;
        for (int i = 1; i < pieces.length; i++) {
            CsvFormatException first = absorb(pieces[i]);
            if (first == null) {
                first = stops[i];
            }
            if (first != null) {
                throw first;
            }
            pieces[i] = null;
        }
    }

    /**
     * Takes in the groups of the next piece of the file, merging those of one order and checking
     * each order's lines in file order. In strict mode, the problem of the earliest line found, as
     * the sequential reader would stop there; null if none.
     */
    private CsvFormatException absorb(ImportRun piece) {
        rows += piece.rows;
        CsvFormatException first = null;
        for (int i = 0; i < piece.groups.size(); i++) {
            if (!(piece.groups.get(i) instanceof RowGroup group)) {
                addView((ViewColumns) piece.groups.get(i), piece.viewIndices[i]);
                continue;
            }
            RowGroup earlier = group.key == null ? null : byKey.get(group.key);
            try {
                if (earlier == null) {
                    group.check(this);
                    groups.add(group);
                    if (group.key != null) {
                        byKey.put(group.key, group);
                    }
                } else {
                    earlier.absorb(group, this);
                }
            } catch (CsvFormatException e) { // strict mode only: lenient runs record problems
                if (first == null || e.problem().line() < first.problem().line()) {
                    first = e;
                }
            }
        }
        return first;
    }

    void rows(CsvHeader header) throws IOException {
        for (String[] cells = next(); cells != null; cells = next()) {
            rows++;
            long line = records.recordLine();
            CsvProblem encoding = badBytes();
            RowGroup.Key key = header.groupKey(cells);
            if (key == null && encoding == null) {
                // an event on its own is built at once: its row need not live until the end
                try {
                    CsvRow row = header.row(cells, line, ids);
                    CustomerEvent event = RowGroup.eventOf(row);
                    if (event instanceof ProductViewed view) {
                        addView(views, views.add(view, line, EventIds.hash(view)));
                    } else { // no such row today: only views stand alone
                        RowGroup alone = new RowGroup(null);
                        alone.addLine(line);
                        alone.add(row);
                        groups.add(alone);
                    }
                } catch (CsvFormatException e) {
                    RowGroup alone = new RowGroup(null);
                    alone.addLine(line);
                    groups.add(alone);
                    fail(alone, e.problem());
                }
                continue;
            }
            RowGroup group = group(key);
            group.addLine(line);
            if (encoding != null) {
                fail(group, encoding);
                continue;
            }
            try {
                CsvRow row = header.row(cells, line, ids);
                if (laterPiece) {
                    group.addUnchecked(row);
                } else {
                    group.add(row);
                }
            } catch (CsvFormatException e) {
                fail(group, e.problem());
            }
        }
    }

    private String[] next() throws IOException {
        try {
            return records.next();
        } catch (CsvFormatException e) {
            // an unclosed quote swallowed the rest of the file: nothing after it can be read
            if (!lenient) {
                throw e;
            }
            RowGroup group = group(null);
            group.addLine(e.problem().line());
            fail(group, e.problem());
            return null;
        }
    }

    private void addView(ViewColumns columns, int index) {
        int entry = groups.size();
        if (entry >= viewIndices.length) {
            // groups added since the last view took indices too
            viewIndices = Arrays.copyOf(viewIndices, Math.max(entry + 1, viewIndices.length * 2));
        }
        viewIndices[entry] = index;
        groups.add(columns);
    }

    /** The group at {@code index} of {@link #groups}, or null for a view. */
    private RowGroup groupAt(int index) {
        return groups.get(index) instanceof RowGroup group ? group : null;
    }

    private ViewColumns viewsAt(int index) {
        return (ViewColumns) groups.get(index);
    }

    /** The line of the view at {@code index} of {@link #groups}. */
    private long viewLine(int index) {
        return viewsAt(index).line(viewIndices[index]);
    }

    private long firstLine(int index) {
        RowGroup group = groupAt(index);
        return group == null ? viewLine(index) : group.firstLine();
    }

    private List<Long> sortedLineList(int index) {
        RowGroup group = groupAt(index);
        return group == null ? List.of(viewLine(index)) : group.sortedLineList();
    }

    private RowGroup group(RowGroup.Key key) {
        RowGroup group = key == null ? null : byKey.get(key);
        if (group == null) {
            group = new RowGroup(key);
            groups.add(group);
            if (key != null) {
                byKey.put(key, group);
            }
        }
        return group;
    }

    /** The first bad byte sequence within the last record, if any (lenient mode queues them). */
    private CsvProblem badBytes() {
        if (decoder == null) {
            return null;
        }
        CsvProblem first = null;
        while (!decoder.bad().isEmpty() && decoder.bad().peek().line() <= records.lastLine()) {
            CsvProblem p = decoder.bad().poll().problem();
            if (first == null) {
                first = new CsvProblem(records.recordLine(), p.column(), p.value(), p.message());
            }
        }
        return first;
    }

    void fail(RowGroup group, CsvProblem problem) {
        if (!lenient) {
            throw new CsvFormatException(problem);
        }
        group.addProblem(problem);
    }

    /**
     * The events of the groups read, checked as a store would check them (see {@link MoneyCheck}):
     * in strict mode the first problem throws, in lenient mode each rejects its group.
     */
    Result build() {
        ImportedEvents events = new ImportedEvents(groups.size());
        int[] eventEntries = new int[groups.size()];
        EventIds byId = new EventIds(groups.size());
        Object[] built = new Object[groups.size()];
        // each event's id hash is taken here, on all cores (a view's when its row was read): the
        // loop below that finds repeated ids runs on one, and reading every event's id and
        // customer there was a tenth of an import
        int[] idHashes = new int[built.length];
        // and whether an order's lines have different times, which reads every line's time
        boolean[] spreadAt = new boolean[built.length];
        IntStream range = IntStream.range(0, built.length);
        (built.length > 10_000 ? range.parallel() : range).forEach(i -> {
            RowGroup group = groupAt(i);
            if (group == null) {
                idHashes[i] = viewsAt(i).idHash(viewIndices[i]);
                return;
            }
            if (group.problems.isEmpty()) {
                try {
                    built[i] = group.toEvent();
                } catch (CsvFormatException e) {
                    built[i] = e;
                }
            }
            if (built[i] instanceof CustomerEvent event) {
                idHashes[i] = EventIds.hash(event);
                spreadAt[i] = event instanceof OrderPlaced && group.spreadInTime();
            }
        });
        for (int i = 0; i < built.length; i++) {
            RowGroup group = groupAt(i);
            if (group == null || group.problems.isEmpty()) {
                try {
                    if (built[i] instanceof CsvFormatException e) {
                        throw e;
                    }
                    CustomerEvent event = (CustomerEvent) built[i]; // null for a view: made only if needed
                    built[i] = null;
                    ViewColumns columns = group == null ? viewsAt(i) : null;
                    int view = group == null ? viewIndices[i] : -1;
                    int earlier = byId.putIfAbsent(events, event, columns, view, idHashes[i]);
                    if (earlier < 0) {
                        eventEntries[events.size()] = i;
                        if (group == null) {
                            events.appendView(columns, view);
                        } else {
                            events.append(event);
                        }
                        continue;
                    }
                    if (event == null) {
                        event = columns.event(view);
                    }
                    if (events.get(earlier).equals(event)) {
                        duplicates += group == null ? 1 : group.lineCount() - group.duplicateLines;
                        continue;
                    }
                    if (group == null) {
                        group = new RowGroup(null);
                        group.addLine(columns.line(view));
                        groups.set(i, group);
                    }
                    fail(group, new CsvProblem(group.firstLine(), "event_id", event.eventId(), "event id "
                            + event.eventId() + " of customer " + event.customerId().value() + " is used on line "
                            + firstLine(eventEntries[earlier]) + " for another event"));
                } catch (CsvFormatException e) {
                    fail(group, e.problem());
                }
            }
            if (!group.problems.isEmpty()) {
                List<Long> lines = group.sortedLineList();
                group.problems.forEach(p -> problems.add(p.rejecting(lines)));
            }
        }
        boolean[] refused = new boolean[events.size()];
        for (MoneyCheck.Refusal r : MoneyCheck.refusals(events)) {
            List<Long> lines = sortedLineList(eventEntries[r.index()]);
            CsvProblem problem = new CsvProblem(lines.get(0), r.column(), r.value(), r.message(), lines);
            if (!lenient) {
                throw new CsvFormatException(problem, r.cause());
            }
            problems.add(problem);
            refused[r.index()] = true;
        }
        ImportedEvents kept = new ImportedEvents(events.size());
        EventLines lines = new EventLines(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (!refused[i]) {
                RowGroup group = groupAt(eventEntries[i]);
                if (group == null) {
                    lines.add(kept.size(), viewLine(eventEntries[i]));
                } else {
                    if (events.get(i) instanceof OrderPlaced) {
                        merged += group.rows.size() > 1 ? 1 : 0;
                        spread += spreadAt[eventEntries[i]] ? 1 : 0;
                    }
                    lines.add(kept.size(), group);
                }
                kept.appendFrom(events, i);
            }
        }
        problems.sort(Comparator.comparingLong(CsvProblem::line));
        long duplicateLines = 0;
        for (Object entry : groups) {
            duplicateLines += entry instanceof RowGroup group ? group.duplicateLines : 0;
        }
        return new Result(new CsvImport(kept, problems, rows, duplicates + duplicateLines, merged, spread,
                OptionalLong.empty()), lines);
    }

    /**
     * The events' ids per customer, as indices into the list of events in an open-addressing
     * table: a file's worth of ids with no object per id.
     */
    private static final class EventIds {
        /**
         * Each slot holds an event's hash in its high half and its index + 1 in its low half: one
         * memory read per probe of a table much larger than the caches.
         */
        private final long[] slots;

        EventIds(int expected) {
            slots = new long[Math.max(16, Integer.highestOneBit(Math.min(1 << 28, Math.max(1, expected))) << 2)];
        }

        /** The hash {@link #putIfAbsent} takes for {@code event}. */
        static int hash(CustomerEvent event) {
            return mix(event.customerId().value().hashCode() * 31 + event.eventId().hashCode());
        }

        /**
         * The index of the event with the same customer and id, or -1 after adding this one's.
         *
         * @param event the event, or null for the view at {@code view} of {@code columns}, made
         *     only if an event with the same hash is found
         * @param hash the event's {@link #hash}
         */
        int putIfAbsent(ImportedEvents events, CustomerEvent event, ViewColumns columns, int view, int hash) {
            int mask = slots.length - 1;
            for (int k = hash & mask; ; k = (k + 1) & mask) {
                long slot = slots[k];
                if (slot == 0) {
                    slots[k] = (long) hash << 32 | (events.size() + 1L);
                    return -1;
                }
                if ((int) (slot >>> 32) == hash) {
                    if (event == null) {
                        event = columns.event(view);
                    }
                    CustomerEvent other = events.get((int) slot - 1);
                    if (other.eventId().equals(event.eventId())
                            && other.customerId().value().equals(event.customerId().value())) {
                        return (int) slot - 1;
                    }
                }
            }
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** What a run read: the import, and where in the file each of its events stands. */
    record Result(CsvImport imported, EventLines lines) {}

    /**
     * The lines of each event, by its index: the first line of every event in one array, and all
     * lines only for the events of several rows, so a file of views costs a long per event.
     */
    static final class EventLines {
        private final long[] first;
        private final long[][] several;

        EventLines(int events) {
            first = new long[events];
            several = new long[events][];
        }

        void add(int index, long line) {
            first[index] = line;
        }

        void add(int index, RowGroup group) {
            if (group.lineCount() == 1) { // most events: no array of their own
                first[index] = group.firstLine();
                return;
            }
            long[] sorted = group.sortedLines();
            first[index] = sorted[0];
            if (sorted.length > 1) {
                several[index] = sorted;
            }
        }

        /** The event's lines in ascending order. */
        List<Long> of(int index) {
            return several[index] == null ? List.of(first[index])
                    : Arrays.stream(several[index]).boxed().toList();
        }
    }

}
