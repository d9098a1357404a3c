package dev.retention.examples;

import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import dev.retention.rules.segment.SegmentJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Tries a segment stored as JSON on a shop's CSV export: prints the number of members, then their
 * customer ids, one a line, sorted.
 */
final class SegmentCommand implements DemoCommand {

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public String usage() {
        return "--events FILE --at INSTANT --segment FILE.json  print the member count, then the members' ids";
    }

    @Override
    public int run(Arguments args, PrintStream out) throws IOException {
        Path events = Path.of(args.required("events"));
        Instant at = instant(args.required("at"));
        Segment segment = SegmentJson.standard().read(Files.readString(Path.of(args.required("segment")),
                StandardCharsets.UTF_8));
        InMemoryEventStore store = new InMemoryEventStore();
        EventCsvReader.strict().importInto(store, events);
        Membership members = SegmentEvaluator.builder(segment).parallel(true).build()
                .members(store, new InMemoryProfileStore(), at);
        StringBuilder text = new StringBuilder().append(members.count()).append('\n');
        members.members().forEach(id -> text.append(id.value()).append('\n'));
        out.print(text);
        return 0;
    }

    /** An ISO instant ({@code 1998-01-01T00:00:00Z}) or a date, meaning its start in UTC. */
    private static Instant instant(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at must be an instant like 1998-01-01T00:00:00Z or a date like "
                    + "1998-01-01, got '" + text + "'", e);
        }
    }
}
