package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest and diff commands over one month of CDNOW (the log before it is history), checked
 * against brute-force recounts over the raw CSV rows.
 */
class BacktestAndDiffCommandsTest {
    static final LocalDate FROM = LocalDate.of(1998, 1, 1);
    static final LocalDate TO = LocalDate.of(1998, 2, 1);
    static Path csv;
    /** customer -> (date -> [orders, cents]) */
    static Map<String, TreeMap<LocalDate, long[]>> rows = new TreeMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void readRows() throws IOException {
        csv = ProjectData.file("cdnow/orders.csv");
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String[] amount = f[5].split("\\.");
            long[] day = rows.computeIfAbsent(f[1], k -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.parse(f[0]), k -> new long[2]);
            day[0]++;
            day[1] += Long.parseLong(amount[0]) * 100 + Long.parseLong(amount[1]);
        }
    }

    @Test
    void backtestCommandPrintsEntriesThatARecountDayByDayConfirms() {
        Result result = run("backtest", "--events", csv.toString(), "--from", FROM.toString(), "--to", TO.toString());

        assertThat(result.code).as(result.err).isZero();
        assertThat(result.out).contains("69,659 events, 1998-01-01 to 1998-02-01");
        // win-back (3+ orders, none for 90 days, once): the first midnight in the month at which it holds
        // loyalty (3+ orders above 100 USD, once): holds at any point up to the end of the month
        int winBack = 0;
        int loyalty = 0;
        for (TreeMap<LocalDate, long[]> days : rows.values()) {
            for (LocalDate tick = FROM; tick.isBefore(TO); tick = tick.plusDays(1)) {
                long orders = 0;
                LocalDate last = null;
                for (Map.Entry<LocalDate, long[]> d : days.headMap(tick, true).entrySet()) {
                    orders += d.getValue()[0];
                    last = d.getKey();
                }
                if (orders >= 3 && !last.plusDays(90).isAfter(tick)) {
                    winBack++;
                    break;
                }
            }
            long orders = 0;
            long cents = 0;
            for (long[] d : days.headMap(TO, false).values()) {
                orders += d[0];
                cents += d[1];
            }
            if (orders >= 3 && cents > 100_00) {
                loyalty++;
            }
        }
        assertThat(entries(result.out, "win-back")).isEqualTo(winBack);
        assertThat(entries(result.out, "loyalty-threshold")).isEqualTo(loyalty);
        assertThat(entries(result.out, "abandoned-view")).isZero();
    }

    @Test
    void diffCommandListsWhoLeavesWhenASegmentGetsStricter() throws IOException {
        Path old = dir.resolve("old.json");
        Path stricter = dir.resolve("new.json");
        Files.writeString(old, segment(2));
        Files.writeString(stricter, segment(3));

        Result result = run("diff", "--events", csv.toString(), "--at", "1998-01-01T12:00:00Z", "--old", old.toString(),
                "--new", stricter.toString(), "--list", "3");

        long twoOrMore = 0;
        long exactlyTwo = 0;
        for (TreeMap<LocalDate, long[]> days : rows.values()) {
            long orders = days.headMap(FROM, true).values().stream().mapToLong(d -> d[0]).sum();
            twoOrMore += orders >= 2 ? 1 : 0;
            exactlyTwo += orders == 2 ? 1 : 0;
        }
        assertThat(result.code).as(result.err).isZero();
        assertThat(result.out)
                .contains(String.format(Locale.ROOT, "%,d members before the change, %,d after", twoOrMore,
                        twoOrMore - exactlyTwo))
                .contains("0 customers would enter")
                .contains(String.format(Locale.ROOT, "%,d customers would leave (first 3):", exactlyTwo));
    }

    @Test
    void badDatesAreRefusedWithTheUsage() {
        Result result = run("backtest", "--events", csv.toString(), "--from", "1998-02-01", "--to", "1998-01-01");
        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("must be after --from").contains("Usage: retention-demo backtest");
    }

    private static String segment(int atLeast) {
        return "{\"name\": \"repeat\", \"condition\": {\"type\": \"orders\", \"window\": \"ever\", \"atLeast\": "
                + atLeast + "}}";
    }

    private static int entries(String out, String campaign) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(campaign) + "\\s+([0-9,]+)").matcher(out);
        assertThat(m.find()).as("a row for " + campaign + " in\n" + out).isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}
}
