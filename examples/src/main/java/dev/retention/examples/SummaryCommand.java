package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.io.CsvImport;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.metrics.AverageOrderValue;
import dev.retention.metrics.OrderLog;
import dev.retention.metrics.PurchaseFrequency;
import dev.retention.metrics.RepeatPurchaseRate;
import dev.retention.metrics.ReportingPeriod;
import dev.retention.metrics.RetentionRate;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import dev.retention.testkit.SyntheticShop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The default command: load a shop and print what it holds. */
@Command(name = "summary", sortOptions = false,
        description = "Load a CSV event log (or build a synthetic shop) and summarise it: counts, the playbook"
                + " segments with one member explained, the last 12 months' retention metrics.")
final class SummaryCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", description = "The event CSV to load; without it, a synthetic shop.")
    Optional<Path> events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "5000",
            description = "Customers of the synthetic shop (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the synthetic shop (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (customers < 1) {
            throw usageError("--customers must be at least 1, got " + customers);
        }
        PrintWriter out = out();
        InMemoryEventStore store = new InMemoryEventStore();
        Instant now;
        if (events.isPresent()) {
            Path file = events.get();
            CsvImport imported = csv.importInto(store, file);
            out.printf("Loaded %,d events from %s%n", imported.events().size(), file);
            // the imported events are at hand: no need to decode the store again
            now = imported.events().stream().map(e -> e.occurredAt())
                    .max(Instant::compareTo).orElse(Instant.EPOCH).plusSeconds(1);
        } else {
            SyntheticShop shop = SyntheticShop.of(customers, seed);
            shop.generate(store::append);
            out.printf("Built a synthetic shop: %,d customers, seed %d, %s to %s%n", customers, seed,
                    SyntheticShop.START, shop.end());
            now = shop.end();
        }
        print(store, now, out);
        printPlaybook(store, now, out);
        printLastYear(store, now, out);
        return Demo.OK;
    }

    /** The four playbook segments, evaluated together in one pass, and why one customer is in one. */
    static void printPlaybook(InMemoryEventStore store, Instant now, PrintWriter out) {
        List<Segment> playbook = PlaybookCampaigns.segments();
        InMemoryProfileStore profiles = new InMemoryProfileStore();
        Map<String, Membership> members = SegmentEvaluator.builder(playbook.get(0),
                playbook.subList(1, playbook.size()).toArray(Segment[]::new)).parallel(true).build()
                .membersOfEach(store, profiles, now);
        out.printf("Playbook segments as of %s:%n", now);
        for (Segment segment : playbook) {
            out.printf("  %-18s %,8d  %s%n", segment.name(), members.get(segment.name()).count(), segment.condition().describe());
        }
        List<CustomerId> lapsed = members.get("win-back").members();
        if (!lapsed.isEmpty()) {
            CustomerId example = lapsed.get(0);
            out.printf("Why %s is in win-back:%n", example);
            String tree = playbook.get(3).explain(store.history(example), profiles.profileOrUnknown(example), now)
                    .render();
            tree.lines().forEach(line -> out.println("  " + line));
        }
    }

    /** Retention metrics of the twelve months before {@code now}. */
    static void printLastYear(InMemoryEventStore store, Instant now, PrintWriter out) {
        OrderLog log = OrderLog.of(store);
        ReportingPeriod year = ReportingPeriod.of(now.minus(Duration.ofDays(365)), now);
        RetentionRate crr = RetentionRate.of(log, year);
        out.printf("Last 12 months (%s):%n", year);
        out.printf("  customer retention rate  %s (S %,d, N %,d, E %,d)%n", percent(crr.crr()),
                crr.customersAtStart(), crr.newCustomers(), crr.customersAtEnd());
        out.printf("  repeat purchase rate     %s%n", percent(RepeatPurchaseRate.of(log, year).rate()));
        for (AverageOrderValue aov : AverageOrderValue.of(log, year)) {
            out.printf("  average order value      %s over %,d orders%n",
                    aov.aov().map(Money::toString).orElse("-"), aov.orders());
        }
        PurchaseFrequency frequency = PurchaseFrequency.of(log, year);
        out.printf("  purchase frequency       %s orders per ordering customer%n",
                frequency.frequency().isPresent() ? String.format(Locale.ROOT, "%.2f", frequency.frequency().getAsDouble())
                        : "-");
    }

    private static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * ratio.getAsDouble()) : "-";
    }

    static void print(InMemoryEventStore store, Instant now, PrintWriter out) {
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
                long spend;
                try {
                    spend = h.netSpend(c, Instant.MIN, Instant.MAX).minorUnits();
                } catch (ArithmeticException e) {
                    throw new BadInputException("customer " + h.customerId().value() + ": amounts too large to add up"
                            + " (net spend in " + c.getCurrencyCode() + ": " + e.getMessage() + ")", e);
                }
                try {
                    revenue.merge(c, spend, Math::addExact);
                } catch (ArithmeticException e) {
                    throw new BadInputException("amounts too large to add up (revenue in " + c.getCurrencyCode()
                            + " of all customers: " + e.getMessage() + ")", e);
                }
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
