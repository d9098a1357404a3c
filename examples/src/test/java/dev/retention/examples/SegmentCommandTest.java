package dev.retention.examples;

import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Conditions.products;
import static dev.retention.rules.segment.Conditions.spendEver;
import static dev.retention.rules.segment.Conditions.viewedWithoutBuying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
    @TempDir
    Path dir;

    private static final Map<String, Segment> PLAYBOOK = Map.of(
            "abandoned-view", Segment.named("abandoned-view")
                    .where(viewedWithoutBuying(products("X", "Y", "Z")).within(days(7))),
            "loyalty-threshold", Segment.named("loyalty-threshold")
                    .where(ordersEver().atLeast(3))
                    .and(spendEver().above(Money.of(100, "USD"))),
            "rising-frequency", Segment.named("rising-frequency")
                    .where(ordersWithin(days(30)).moreThan(5)),
            "win-back", Segment.named("win-back")
                    .where(ordersEver().atLeast(3))
                    .and(noOrderWithin(days(90))));

    private static String resource(String name) throws IOException {
        try (InputStream in = SegmentCommandTest.class.getResourceAsStream("/segments/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sampleSegmentFilesAreThePlaybookChains() throws IOException {
        for (Map.Entry<String, Segment> entry : PLAYBOOK.entrySet()) {
            assertThat(SegmentJson.standard().read(resource(entry.getKey()))).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @Test
    void printsTheCountThenTheSortedMembers() throws IOException {
        Path events = dir.resolve("events.csv");
        Files.write(events, List.of(
                "occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity",
                "1997-01-01,c2,order,,T1,10.00,USD,1",
                "1997-02-01,c2,order,,T2,10.00,USD,1",
                "1997-03-01,c2,order,,T3,10.00,USD,1",
                "1997-01-01,c1,order,,T4,10.00,USD,1",
                "1997-02-01,c1,order,,T5,10.00,USD,1",
                "1997-03-01,c1,order,,T6,10.00,USD,1",
                "1997-01-01,c3,order,,T7,10.00,USD,1",
                "1997-02-01,c3,order,,T8,10.00,USD,1",
                "1997-12-01,c3,order,,T9,10.00,USD,1",
                "1997-01-01,c4,order,,T10,10.00,USD,1"));
        Path segment = dir.resolve("win-back.json");
        Files.writeString(segment, resource("win-back"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(new String[] {"segment", "--events", events.toString(), "--at", "1998-01-01",
                "--segment", segment.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        // stderr holds the import report alone
        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
                .startsWith("segment: " + events + ": 10 rows read, 10 events (10 stored)");
        assertThat(code).isZero();
        // c1 and c2 bought three times and not since March; c3 bought in December, c4 only once
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2\nc1\nc2\n");
    }

    @Test
    void badSegmentJsonIsReportedWithItsPath() throws IOException {
        Path events = dir.resolve("events.csv");
        Files.write(events, List.of("occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity"));
        Path segment = dir.resolve("bad.json");
        Files.writeString(segment, "{\"name\": \"x\", \"condition\": {\"type\": \"orders\", \"window\": \"-P1D\", "
                + "\"atLeast\": 1}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(new String[] {"segment", "--events", events.toString(), "--at", "1998-01-01T00:00:00Z",
                "--segment", segment.toString()}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.condition.window");
    }
}
