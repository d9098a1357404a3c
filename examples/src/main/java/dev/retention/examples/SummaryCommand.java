package dev.retention.examples;

import dev.retention.core.event.CustomerHistory;
import dev.retention.testkit.SyntheticShop;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/** The default command: load a shop and print what it holds. */
final class SummaryCommand implements DemoCommand {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String usage() {
        return "[--events FILE] [--customers N] [--seed S]  load a CSV event log (or build a synthetic shop) and"
                + " summarise it";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        InMemoryEventStore store = new InMemoryEventStore();
        Instant now;
        if (args.optional("events").isPresent()) {
            Path file = Path.of(args.required("events"));
            CsvImport imported = EventCsvReader.strict().importInto(store, file);
            out.printf("Loaded %,d events from %s%n", imported.events().size(), file);
            now = store.histories().flatMap(h -> h.events().stream().map(e -> e.occurredAt()))
                    .max(Instant::compareTo).orElse(Instant.EPOCH).plusSeconds(1);
        } else {
            int customers = Integer.parseInt(args.optional("customers").orElse("5000"));
            long seed = Long.parseLong(args.optional("seed").orElse("42"));
            SyntheticShop shop = SyntheticShop.of(customers, seed);
            shop.generate(store::append);
            out.printf("Built a synthetic shop: %,d customers, seed %d, %s to %s%n", customers, seed,
                    SyntheticShop.START, shop.end());
            now = shop.end();
        }
        print(store, now, out);
        return 0;
    }

    static void print(InMemoryEventStore store, Instant now, PrintStream out) {
        long customers = store.customerCount();
        long[] buyers = new long[4]; // 0 orders, 1, 2-4, 5+
        long lapsed = 0;
        long orders = 0;
        long views = 0;
        Map<Currency, Long> revenue = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        Instant ninetyDaysAgo = now.minus(Duration.ofDays(90));
        for (CustomerHistory h : (Iterable<CustomerHistory>) store.histories()::iterator) {
            int n = h.orderCount();
            orders += n;
            views += h.viewCount();
            buyers[n == 0 ? 0 : n == 1 ? 1 : n < 5 ? 2 : 3]++;
            if (n > 0 && h.lastOrderAt().orElseThrow().isBefore(ninetyDaysAgo)) {
                lapsed++;
            }
            for (Currency c : h.currencies()) {
                revenue.merge(c, h.netSpend(c, Instant.MIN, Instant.MAX).minorUnits(), Long::sum);
            }
        }
        out.printf("As of %s:%n", now);
        out.printf("  events              %,d (%,d product views, %,d orders)%n", store.eventCount(), views, orders);
        out.printf("  customers           %,d%n", customers);
        out.printf("    with no order     %,d%n", buyers[0]);
        out.printf("    with 1 order      %,d%n", buyers[1]);
        out.printf("    with 2-4 orders   %,d%n", buyers[2]);
        out.printf("    with 5+ orders    %,d%n", buyers[3]);
        out.printf("  lapsed (no order in the last 90 days) %,d%n", lapsed);
        revenue.forEach((currency, minor) -> out.printf("  revenue net of refunds  %s%n",
                dev.retention.core.Money.ofMinor(minor, currency)));
        out.printf("  stored in %,d bytes of columns (%.1f bytes/event)%n", store.columnBytes(),
                store.eventCount() == 0 ? 0.0 : (double) store.columnBytes() / store.eventCount());
    }
}
