package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.EventCsvReader;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentJson;
import dev.retention.testkit.backtest.Diff;
import dev.retention.testkit.backtest.SegmentDiff;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code diff --events FILE --at DATE --old OLD.json --new NEW.json [--list N]}: the impact of
 * changing a segment definition (both as segment JSON) at an instant: how many members each has,
 * who would enter and who would leave (the first N ids of each, default 20).
 */
final class DiffCommand implements DemoCommand {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String usage() {
        return "--events FILE --at DATE --old OLD.json --new NEW.json [--list N]  who enters and leaves a changed segment";
    }

    @Override
    public int run(Arguments args, PrintStream out) throws IOException {
        Path file = Path.of(args.required("events"));
        Instant at = instant(args.required("at"));
        Segment before = read(args.required("old"));
        Segment after = read(args.required("new"));
        int list = count(args.optional("list").orElse("20"));
        List<CustomerEvent> events = EventCsvReader.strict().read(file).events();
        SegmentDiff.Result r = Diff.of(before, after).over(events).at(at);
        out.printf(Locale.ROOT, "Segment %s at %s: %,d members before the change, %,d after%n", before.name(), at,
                r.before(), r.after());
        out.printf(Locale.ROOT, "  old: %s%n  new: %s%n", before.describe(), after.describe());
        print(out, "enter", r.entered(), list);
        print(out, "leave", r.left(), list);
        return 0;
    }

    private static void print(PrintStream out, String verb, List<CustomerId> ids, int list) {
        out.printf(Locale.ROOT, "%,d customers would %s", ids.size(), verb);
        if (ids.isEmpty()) {
            out.println();
            return;
        }
        out.print(ids.size() > list ? " (first " + list + "):" : ":");
        ids.stream().limit(list).forEach(id -> out.print(" " + id.value()));
        out.println();
    }

    private static Segment read(String path) throws IOException {
        return SegmentJson.standard().read(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--list must be a number of ids, at least 0, got '" + text + "'");
    }

    /** An ISO instant ({@code 1998-01-01T00:00:00Z}) or a date, meaning its start in UTC. */
    private static Instant instant(String text) {
        try {
            return text.contains("T") ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at must be an instant like 1998-01-01T00:00:00Z or a date like "
                    + "1998-01-01, got '" + text + "'", e);
        }
    }
}
