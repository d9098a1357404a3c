package dev.retention.rules.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.EventCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The realistic program over the real CDNOW log (69,659 orders, no refunds, no redemptions), checked
 * against sums computed straight from the CSV text, without the library.
 */
class CdnowLoyaltyTest {
    private static final Path ORDERS = Path.of(System.getProperty("retention.data", "../data"),
            "cdnow", "orders.csv");

    @Test
    void earnedPendingActiveAndExpiredPointsMatchTheLogToThePoint() throws IOException {
        assertTrue(Files.isRegularFile(ORDERS), "CDNOW data not found at " + ORDERS.toAbsolutePath());
        Instant asOf = Instant.parse("1998-06-20T00:00:00Z");
        // independent sums from the text: 1 point per whole dollar (the integer part of the amount) for
        // orders up to the day asked; a point earned on day d expires on d + 12 months and is pending
        // until d + 30 days
        long earned = 0;
        long expired = 0;
        long pending = 0;
        List<String> lines = Files.readAllLines(ORDERS);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            LocalDate day = LocalDate.parse(f[0]);
            long points = Long.parseLong(f[5].substring(0, f[5].indexOf('.')));
            if (day.isAfter(LocalDate.of(1998, 6, 20))) {
                continue;
            }
            earned += points;
            if (!day.plusMonths(12).isAfter(LocalDate.of(1998, 6, 20))) {
                expired += points;
            } else if (day.plusDays(30).isAfter(LocalDate.of(1998, 6, 20))) {
                pending += points;
            }
        }

        CsvImport imported = EventCsvReader.strict().read(ORDERS);
        assertThat(imported.problems()).isEmpty();
        PointsLedger ledger = PointsLedger.of(Fixtures.realistic().build(), new InMemoryLedgerStore());
        imported.events().forEach(ledger::record);
        long ledgerEarned = 0;
        long ledgerExpired = 0;
        long ledgerPending = 0;
        long ledgerActive = 0;
        for (CustomerId customer : imported.events().stream().map(CustomerEvent::customerId).distinct().toList()) {
            LedgerStatement s = ledger.statement(customer, asOf);
            ledgerEarned += s.totals().earned();
            ledgerExpired += s.totals().expired();
            ledgerPending += s.balance().pending();
            ledgerActive += s.balance().active();
        }

        assertThat(imported.events()).hasSize(69_659);
        assertThat(ledgerEarned).isEqualTo(earned);
        assertThat(ledgerExpired).isEqualTo(expired);
        assertThat(ledgerPending).isEqualTo(pending);
        assertThat(ledgerActive).isEqualTo(earned - expired - pending);
    }
}
