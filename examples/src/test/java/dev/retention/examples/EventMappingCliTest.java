package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mapping} and {@code --lenient}: a shop's own export through the command line, with the
 * import report on stderr.
 */
class EventMappingCliTest {
    private static final String SHOPIFY = """
            Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Currency,Total
            #1001,c1@example.com,paid,1997-01-01 10:15:30 +0100,2,Sneaker 42,44.95,SNK-42,USD,94.80
            #1002,c2@example.com,paid,1997-01-05 09:00:00 +0100,1,Cap,19.00,CAP-1,USD,19.00
            #1001,c1@example.com,paid,1997-01-01 10:15:30 +0100,1,"Socks, 3 pack",4.90,SOX-3,USD,
            #1003,c1@example.com,paid,1997-02-09 18:30:00 +0100,3,"Socks, 3 pack",4.90,SOX-3,USD,14.70
            """;
    private static final String ONLINE_RETAIL = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom
            536367,22086,PAPER CHAIN KIT 50'S CHRISTMAS,12,12/1/2010 16:57,2.95,,United Kingdom
            540001,22086,PAPER CHAIN KIT 50'S CHRISTMAS,12,1/5/2011 10:00,2.95,13047,United Kingdom
            """;

    @TempDir
    Path dir;

    @Test
    void aShopifyExportReadsWithItsMappingAndTheReportGoesToStderr() throws IOException {
        Path file = Files.writeString(dir.resolve("orders_export.csv"), SHOPIFY);

        Result metrics = run("metrics", "--events", file.toString(), "--mapping", "shopify-orders", "--from",
                "1997-01-01", "--to", "1997-03-01");

        assertThat(metrics.code).as(metrics.err).isZero();
        assertThat(metrics.out).startsWith("{").contains("\"orders\":3", "\"revenue\":128.50")
                .doesNotContain("rows read");
        assertThat(metrics.err).startsWith("metrics: " + file + ": 4 rows read, 3 events (3 stored)")
                .contains("1 orders merged", "0 lines rejected");
    }

    @Test
    void withoutItsMappingAShopifyExportIsRefusedNamingTheMissingColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("orders_export.csv"), SHOPIFY);

        Result standard = run("cohorts", "--events", file.toString());

        assertThat(standard.code).isEqualTo(1);
        assertThat(standard.err).startsWith("error: " + file).contains("occurred_at");
    }

    @Test
    void anOnlineRetailLogReadsLenientlyWithTheRejectedLinesOnStderr() throws IOException {
        Path file = Files.writeString(dir.resolve("online-retail.csv"), ONLINE_RETAIL);

        Result strict = run("cohorts", "--events", file.toString(), "--mapping", "online-retail");
        Result lenient = run("cohorts", "--events", file.toString(), "--mapping", "online-retail", "--lenient");

        assertThat(strict.code).isEqualTo(1);
        assertThat(strict.err).startsWith("error: " + file).contains("line 5", "customer_id");
        assertThat(lenient.code).as(lenient.err).isZero();
        assertThat(lenient.out).contains("(2 customers, 3 orders)").doesNotContain("rejected");
        assertThat(lenient.err.lines()).allMatch(line -> line.startsWith("cohorts: "))
                .anyMatch(line -> line.contains("5 rows read, 3 events (3 stored)")
                        && line.contains("1 lines rejected"))
                .anyMatch(line -> line.contains("line 5, column customer_id"));
    }

    @Test
    void aMappingJsonFileIsTakenByItsPath() throws IOException {
        Path mapping = Files.writeString(dir.resolve("my-shop.json"), """
                {"name": "my-shop",
                 "columns": {"order_id": "Order", "customer_id": "Customer", "occurred_at": "Date", "amount": "Total"},
                 "constants": {"type": "order", "currency": "EUR"},
                 "time_format": "dd.MM.yyyy HH:mm", "time_zone": "UTC", "separator": ";", "decimal_comma": true}
                """);
        Path file = Files.writeString(dir.resolve("export.csv"), """
                Order;Customer;Date;Total
                A-1;k1;01.03.1997 10:00;12,50
                A-2;k1;01.04.1997 10:00;7,50
                """);

        Result summary = run("summary", "--events", file.toString(), "--mapping", mapping.toString());

        assertThat(summary.code).as(summary.err).isZero();
        assertThat(summary.out).startsWith("Loaded 2 events from " + file);
        assertThat(summary.err).contains("summary: " + file + ": 2 rows read, 2 events (2 stored)");
    }

    @Test
    void anUnknownMappingIsRefusedListingTheShippedOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("orders_export.csv"), SHOPIFY);

        Result unknown = run("cohorts", "--events", file.toString(), "--mapping", "shopify");

        assertThat(unknown.code).isEqualTo(1);
        assertThat(unknown.err).startsWith("error: cannot read mapping shopify: no such file or directory")
                .contains("shopify-orders", "online-retail", "standard");
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
