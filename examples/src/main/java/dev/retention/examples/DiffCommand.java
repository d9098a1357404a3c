package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.rules.segment.Segment;
import dev.retention.testkit.backtest.Diff;
import dev.retention.testkit.backtest.SegmentDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diff --events FILE --at DATE --old OLD.json --new NEW.json [--list N]}: the impact of
 * changing a segment definition (both as segment JSON) at an instant: how many members each has,
 * who would enter and who would leave (the first N ids of each, default 20).
 */
@Command(name = "diff", sortOptions = false,
        description = "The impact of changing a segment (both as segment JSON) at an instant: members before and"
                + " after, who would enter and who would leave.")
final class DiffCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--at", paramLabel = "INSTANT", required = true, converter = OptionValues.InstantOrDate.class,
            description = "When to compare: an instant like 1998-01-01T00:00:00Z or a date (its start in UTC).")
    Instant at;

    @Option(names = "--old", paramLabel = "OLD.json", required = true, description = "The segment as it is.")
    Path oldSegment;

    @Option(names = "--new", paramLabel = "NEW.json", required = true, description = "The segment as it would be.")
    Path newSegment;

    @Option(names = "--list", paramLabel = "N", defaultValue = "20",
            description = "How many ids of those entering and of those leaving to print (default: ${DEFAULT-VALUE}).")
    int list;

    @Override
    public Integer call() {
        if (list < 0) {
            throw usageError("--list must be a number of ids, at least 0, got " + list);
        }
        Segment before = readSegment(oldSegment);
        Segment after = readSegment(newSegment);
        List<CustomerEvent> log = csv.read(events);
        SegmentDiff.Result r = Diff.of(before, after).over(log).at(at);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "Segment %s at %s: %,d members before the change, %,d after%n", before.name(), at,
                r.before(), r.after());
        out.printf(Locale.ROOT, "  old: %s%n  new: %s%n", before.describe(), after.describe());
        print(out, "enter", r.entered(), list);
        print(out, "leave", r.left(), list);
        return Demo.OK;
    }

    private static void print(PrintWriter out, String verb, List<CustomerId> ids, int list) {
        out.printf(Locale.ROOT, "%,d customers would %s", ids.size(), verb);
        if (ids.isEmpty()) {
            out.println();
            return;
        }
        out.print(ids.size() > list ? " (first " + list + "):" : ":");
        ids.stream().limit(list).forEach(id -> out.print(" " + id.value()));
        out.println();
    }
}
