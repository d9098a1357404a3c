package dev.retention.examples;

import static dev.retention.rules.segment.Conditions.anyProduct;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Conditions.spendEver;
import static dev.retention.rules.segment.Conditions.viewedWithoutBuying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.rules.segment.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo behaves like a command-line tool: help, option forms, refusals, errors, exit codes, progress. */
class DemoCliTest {
    /** Every command and an option each must list in its help. */
    private static final Map<String, List<String>> COMMANDS = Map.of(
            "summary", List.of("--events", "--mapping", "--lenient", "--customers", "--seed"),
            "segment", List.of("--events", "--mapping", "--lenient", "--at", "--segment"),
            "metrics", List.of("--events", "--mapping", "--lenient", "--from", "--to"),
            "cohorts", List.of("--events", "--mapping", "--lenient", "--by"),
            "backtest", List.of("--events", "--mapping", "--lenient", "--from", "--to", "--window", "--webhook", "--secret"),
            "report", List.of("--events", "--mapping", "--lenient", "--out"),
            "diff", List.of("--events", "--mapping", "--lenient", "--at", "--old", "--new", "--list"),
            "loyalty", List.of("--customers", "--seed"),
            "run", List.of("--events", "--mapping", "--lenient", "--at", "--db", "--jdbc"));
    /** Something that looks like a Java class name: a package, a dot, a capitalised type. */
    private static final String CLASS_NAME = "\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*";

    @TempDir
    Path dir;

    @Test
    void everyCommandHasItsOwnHelp() {
        COMMANDS.forEach((command, options) -> {
            Result help = run(command, "--help");
            assertThat(help.code).as(command + " --help: " + help.err).isZero();
            assertThat(help.err).as(command).isEmpty();
            assertThat(help.out).as(command).contains("Usage: retention-demo " + command);
            options.forEach(option -> assertThat(help.out).as(command).contains(option));
            assertThat(run("help", command).out).as("help " + command).isEqualTo(help.out);
        });
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Result help = run("help");
        assertThat(help.code).isZero();
        COMMANDS.keySet().forEach(command -> assertThat(help.out).containsPattern("(?m)^ +" + command + " "));
        assertThat(help.out).contains("Exit codes:").containsPattern("(?m)^ +0 +\\S")
                .containsPattern("(?m)^ +1 +\\S").containsPattern("(?m)^ +2 +\\S");
    }

    @Test
    void theReadmeDocumentsTheExitCodesOfHelp() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(Demo.EXIT_CODES).containsOnlyKeys("0", "1", "2");
        Demo.EXIT_CODES.forEach((code, meaning) -> assertThat(readme).contains("`" + code + "` " + meaning));
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignToo() throws IOException {
        Path events = csv("1997-01-01,c1,order,,o1,10.00,USD,1", "1997-02-01,c1,order,,o2,10.00,USD,1");
        Path segment = dir.resolve("repeat.json");
        Files.writeString(segment, "{\"name\": \"repeat\", \"condition\": {\"type\": \"orders\", \"window\": \"ever\","
                + " \"atLeast\": 2}}");

        Result spaced = run("segment", "--events", events.toString(), "--at", "1998-01-01", "--segment",
                segment.toString());
        Result equals = run("segment", "--events=" + events, "--at=1998-01-01", "--segment=" + segment);

        assertThat(spaced.out).isEqualTo("1\nc1\n");
        assertThat(equals.code).as(equals.err).isZero();
        assertThat(equals.out).isEqualTo(spaced.out);
    }

    @Test
    void unknownOptionsAreRefusedWithTheValidOnesListed() throws IOException {
        Path events = csv("1997-01-01,c1,order,,o1,10.00,USD,1");
        Result result = run("metrics", "--events", events.toString(), "--from", "1997-01-01", "--to", "1998-01-01",
                "--limit", "5");

        assertThat(result.code).isEqualTo(2);
        assertThat(result.out).isEmpty();
        assertThat(result.err.lines().findFirst()).hasValue(
                "error: unknown option '--limit'; the options of metrics are --help, --events, --mapping, --lenient,"
                        + " --from, --to");
        assertThat(result.err).contains("Usage: retention-demo metrics");

        Result withEquals = run("loyalty", "--customers=10", "--seeds=3");
        assertThat(withEquals.code).isEqualTo(2);
        assertThat(withEquals.err).startsWith(
                "error: unknown option '--seeds'; the options of loyalty are --help, --customers, --seed");
    }

    @Test
    void aMissingFileIsReportedInASentenceWithoutClassNames() throws IOException {
        Path missing = dir.resolve("nonexist.csv");
        Path events = csv("1997-01-01,c1,order,,o1,10.00,USD,1");
        for (String[] args : List.of(
                new String[] {"--events", missing.toString()},
                new String[] {"metrics", "--events", missing.toString(), "--from", "1997-01-01", "--to", "1998-01-01"},
                new String[] {"segment", "--events", events.toString(), "--at", "1998-01-01", "--segment",
                        dir.resolve("nonexist.json").toString()})) {
            Result result = run(args);
            assertThat(result.code).as(String.join(" ", args)).isEqualTo(1);
            assertThat(result.err).as(String.join(" ", args)).startsWith("error: ").contains("nonexist.")
                    .contains("no such file").doesNotContainPattern(CLASS_NAME).doesNotContain("Exception");
        }
        Path nowhere = dir.resolve("no-such-folder").resolve("report.html");
        Result report = run("report", "--events", events.toString(), "--out", nowhere.toString());
        assertThat(report.code).isEqualTo(1);
        assertThat(report.err).contains("error: cannot write " + nowhere + ": no such file or directory")
                .doesNotContainPattern(CLASS_NAME);
    }

    @Test
    void exitCodesSeparateBadDataFromBadUsage() throws IOException {
        Path good = csv("1997-01-01,c1,order,,o1,10.00,USD,1");
        Path bad = csv("1997-01-01,c1,order,,o1,ten,USD,1");

        assertThat(run("cohorts", "--events", good.toString()).code).isZero();
        Result badData = run("cohorts", "--events", bad.toString());
        assertThat(badData.code).isEqualTo(1);
        assertThat(badData.err).startsWith("error: ").contains(bad.toString()).contains("line 2")
                .contains("'ten'").doesNotContainPattern(CLASS_NAME);
        Result missingOption = run("cohorts");
        assertThat(missingOption.code).isEqualTo(2);
        assertThat(missingOption.err).contains("Missing required option: '--events=FILE'")
                .contains("Usage: retention-demo cohorts");
    }

    @Test
    void aCustomerWhoseAmountsOverflowIsNamed() throws IOException {
        // each order fits in a long of cents; the customer's total does not
        Path events = csv("1997-01-01,c1,order,,o1,9.99,USD,1", "1997-01-01,whale,order,,o2,50000000000000000.00,USD,1",
                "1997-02-01,whale,order,,o3,50000000000000000.00,USD,1");
        Result result = run("--events", events.toString());

        assertThat(result.code).as(result.err).isEqualTo(1);
        assertThat(result.err).startsWith("error: customer whale: amounts too large to add up (")
                .contains("line 4 of " + events).doesNotContainPattern(CLASS_NAME);
    }

    @Test
    void backtestAndReportShowTheirProgressOnStderrNotStdout() throws IOException {
        Path events = csv("1997-01-01,c1,order,,o1,10.00,USD,1", "1997-01-02,c1,order,,o2,10.00,USD,1",
                "1997-01-03,c1,order,,o3,10.00,USD,1", "1997-02-01,c2,order,,o4,20.00,USD,1");
        Result backtest = run("backtest", "--events", events.toString(), "--from", "1997-01-01", "--to", "1997-06-01");
        assertThat(backtest.code).as(backtest.err).isZero();
        assertThat(backtest.out).startsWith("Backtest of the playbook campaigns over 4 events").doesNotContain("backtest:");
        assertThat(backtest.err.lines()).isNotEmpty().allMatch(line -> line.startsWith("backtest: "))
                .anyMatch(line -> line.contains("read 4 events"))
                .anyMatch(line -> line.contains("replaying"));

        Path html = dir.resolve("r.html");
        Result report = run("report", "--events", events.toString(), "--out", html.toString());
        assertThat(report.code).as(report.err).isZero();
        assertThat(report.out.lines()).singleElement().asString().startsWith("Wrote " + html);
        assertThat(report.err.lines()).isNotEmpty().allMatch(line -> line.startsWith("report: "))
                .anyMatch(line -> line.contains("backtest"));
    }

    @Test
    void theSummaryCountsTheReadmesPlaybookChains() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        // the README's chains, restated: if the README changes, this test says where the demo differs
        assertThat(readme).contains(".where(viewedWithoutBuying(products(\"X\", \"Y\", \"Z\")).within(days(7)));")
                .contains(".where(ordersEver().atLeast(3))\n        .and(spendEver().above(Money.of(100, \"USD\")));")
                .contains(".where(ordersWithin(days(30)).moreThan(5));")
                .contains(".where(ordersEver().atLeast(3))\n        .and(noOrderWithin(days(90)));");
        List<Segment> chains = List.of(
                Segment.named("abandoned-view").where(viewedWithoutBuying(anyProduct()).within(days(7))),
                Segment.named("loyalty-threshold").where(ordersEver().atLeast(3))
                        .and(spendEver().above(Money.of(100, "USD"))),
                Segment.named("rising-frequency").where(ordersWithin(days(30)).moreThan(5)),
                Segment.named("win-back").where(ordersEver().atLeast(3)).and(noOrderWithin(days(90))));

        assertThat(PlaybookCampaigns.segments()).as("the one place the demo takes them from").isEqualTo(chains);
        Result summary = run("--customers", "300", "--seed", "3");
        assertThat(summary.code).as(summary.err).isZero();
        for (Segment chain : chains) {
            assertThat(summary.out).containsPattern("(?m)^  " + chain.name() + " +[0-9,]+  "
                    + java.util.regex.Pattern.quote(chain.condition().describe()) + "$");
        }
    }

    private Path csv(String... rows) throws IOException {
        Path file = Files.createTempFile(dir, "events", ".csv");
        Files.writeString(file, "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity\n"
                + String.join("\n", rows) + "\n");
        return file;
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
