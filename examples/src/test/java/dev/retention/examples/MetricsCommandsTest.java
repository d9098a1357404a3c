package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCommandsTest {
    private static final String CDNOW =
            Path.of(System.getProperty("retention.data", "../data"), "cdnow", "orders.csv").toString();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void metricsPrintsOneJsonObjectWithExactlyTheDocumentedFields() throws Exception {
        int code = run("metrics", "--events", CDNOW, "--from", "1997-01-01", "--to", "1998-07-01");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(text);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("customersAtStart", "newCustomers", "customersAtEnd", "retained", "crr",
                "repeatPurchaseRate", "orders", "revenue", "aov", "purchaseFrequency");
        // the whole CDNOW log: 69,659 orders by 23,570 customers worth 2,500,315.63 USD, nobody before it
        assertThat(json.get("orders").asLong()).isEqualTo(69_659);
        assertThat(json.get("revenue").decimalValue()).isEqualByComparingTo(new BigDecimal("2500315.63"));
        assertThat(text).contains("\"revenue\":2500315.63");
        assertThat(json.get("aov").decimalValue()).isEqualByComparingTo(new BigDecimal("35.89"));
        assertThat(json.get("newCustomers").asLong()).isEqualTo(23_570);
        assertThat(json.get("customersAtStart").asLong()).isZero();
        assertThat(json.get("crr").isNull()).isTrue();
        assertThat(json.get("purchaseFrequency").asDouble()).isEqualTo(69_659.0 / 23_570);
    }

    @Test
    void metricsAfterTheFirstQuarterHasNoNewCustomers() throws Exception {
        int code = run("metrics", "--events", CDNOW, "--from", "1997-04-01", "--to", "1998-07-01");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("newCustomers").asLong()).isZero();
        assertThat(json.get("customersAtStart").asLong()).isEqualTo(23_570);
        assertThat(json.get("retained").asLong()).isEqualTo(json.get("customersAtEnd").asLong());
        assertThat(json.get("crr").asDouble())
                .isEqualTo(json.get("retained").asDouble() / json.get("customersAtStart").asDouble());
    }

    @Test
    void metricsRejectsABadDateWithTheUsage() {
        int code = run("metrics", "--events", CDNOW, "--from", "1997-13-01", "--to", "1998-07-01");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Invalid value for option '--from': expected a date like 1997-04-01, got '1997-13-01'")
                .contains("Usage: retention-demo metrics");
    }

    @Test
    void cohortsPrintsOneRowPerFirstOrderMonth() {
        int code = run("cohorts", "--events", CDNOW);

        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("cohort     customers     +0     +1").endsWith("+17");
        assertThat(lines.get(2)).startsWith("1997-01-01").contains("100.0%");
        assertThat(lines.get(3)).startsWith("1997-02-01");
        assertThat(lines.get(4)).startsWith("1997-03-01");
    }

    @Test
    void cohortsRejectsAnUnknownGranularity() {
        assertThat(run("cohorts", "--events", CDNOW, "--by", "day")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--by must be month or week, got 'day'");
    }
}
