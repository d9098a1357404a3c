package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --db FILE}: the state outlives the run; a second run stores and sends nothing twice. */
@ExtendWith(RootLocale.class)
class RunCommandTest {
    @TempDir
    Path folder;

    private Path log(String name, List<String> rows) throws Exception {
        Path file = folder.resolve(name);
        List<String> lines = new java.util.ArrayList<>();
        lines.add("occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity");
        lines.addAll(rows);
        Files.write(file, lines);
        return file;
    }

    private static long number(String output, String label) {
        Matcher m = Pattern.compile(label + "\\s+([\\d,]+)").matcher(output);
        assertThat(m.find()).as("line '%s' in%n%s", label, output).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRunOverTheSameDatabaseStoresAndSendsNothingTwiceAndANewOrderGoesOn() throws Exception {
        // three orders above 100 USD in all: the loyalty-threshold letter, once
        Path first = log("first.csv", List.of("2026-01-02,anna,order,,o1,40.00,USD,1",
                "2026-01-05,anna,order,,o2,40.00,USD,1", "2026-01-09,anna,order,,o3,40.00,USD,1",
                "2026-01-09,bob,order,,o4,10.00,USD,1"));
        Path db = folder.resolve("shop.sqlite");

        String one = run("run", "--events", first.toString(), "--at", "2026-01-10", "--db", db.toString());
        assertThat(number(one, "events new")).isEqualTo(4);
        assertThat(number(one, "sent this run")).isEqualTo(1);

        String again = run("run", "--events", first.toString(), "--at", "2026-01-10", "--db", db.toString());
        assertThat(number(again, "events new")).isZero();
        assertThat(number(again, "events stored")).isEqualTo(4);
        assertThat(number(again, "sent this run")).as("the decision is remembered in the file").isZero();
        assertThat(number(again, "sent in all runs")).isEqualTo(1);

        Path second = log("second.csv", List.of("2026-01-11,bob,order,,o5,60.00,USD,1",
                "2026-01-12,bob,order,,o6,60.00,USD,1"));
        String three = run("run", "--events", second.toString(), "--at", "2026-01-13", "--db", db.toString());
        assertThat(number(three, "events stored")).isEqualTo(6);
        assertThat(number(three, "sent this run")).as("bob's third order, counted with the first run's").isEqualTo(1);

        String memory = run("run", "--events", first.toString(), "--at", "2026-01-10");
        assertThat(memory).contains("memory");
        assertThat(number(memory, "sent this run")).isEqualTo(1);
    }

    @Test
    void dbAndJdbcTogetherAreAUsageError() throws Exception {
        Path events = log("e.csv", List.of("2026-01-02,anna,order,,o1,40.00,USD,1"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Demo.run(new String[] {"run", "--events", events.toString(), "--db", "x.sqlite", "--jdbc",
            "jdbc:postgresql://localhost/x"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db and --jdbc");
    }
}
