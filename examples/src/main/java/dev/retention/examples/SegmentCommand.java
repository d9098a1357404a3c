package dev.retention.examples;

import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Tries a segment stored as JSON on a shop's CSV export: prints the number of members, then their
 * customer ids, one a line, sorted.
 */
@Command(name = "segment", sortOptions = false,
        description = "Evaluate a segment stored as JSON on an event CSV: print the member count, then the"
                + " members' ids, one a line, sorted.")
final class SegmentCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--at", paramLabel = "INSTANT", required = true, converter = OptionValues.InstantOrDate.class,
            description = "When to evaluate: an instant like 1998-01-01T00:00:00Z or a date (its start in UTC).")
    Instant at;

    @Option(names = "--segment", paramLabel = "FILE.json", required = true, description = "The segment JSON.")
    Path segmentFile;

    @Override
    public Integer call() {
        Segment segment = readSegment(segmentFile);
        InMemoryEventStore store = new InMemoryEventStore();
        csv.importInto(store, events);
        Membership members = SegmentEvaluator.builder(segment).parallel(true).build()
                .members(store, new InMemoryProfileStore(), at);
        StringBuilder text = new StringBuilder().append(members.count()).append('\n');
        members.members().forEach(id -> text.append(id.value()).append('\n'));
        out().print(text);
        return Demo.OK;
    }
}
