package dev.retention.examples;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.rules.loyalty.InMemoryLedgerStore;
import dev.retention.rules.loyalty.LedgerStatement;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.QualificationWindow;
import dev.retention.rules.loyalty.Tier;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierChange;
import dev.retention.rules.loyalty.TierChangeKind;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.testkit.SyntheticShop;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the realistic loyalty program (1 point per 1.00, 100 points = 5.00 off, Silver from 500.00
 * and Gold from 1500.00 per rolling 12 months) over a synthetic shop and prints the outcome.
 */
@Command(name = "loyalty", sortOptions = false,
        description = "Run a points program with tiers (1 point per 1.00, 100 points = 5.00 off, Silver from 500.00"
                + " and Gold from 1500.00 in 12 months) over a synthetic shop.")
final class LoyaltyCommand extends DemoCommand {
    /** Customers redeem whenever they hold this many active points when they order. */
    private static final long REDEEM_AT = 200;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "5000",
            description = "Customers of the synthetic shop (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the synthetic shop (default: ${DEFAULT-VALUE}).")
    long seed;

    static TierPolicy tiers() {
        return TierPolicy.builder()
                .spend("USD")
                .window(QualificationWindow.rollingMonths(12))
                .baseTier("Member", TierBenefits.none())
                .tier("Silver", Money.of(500, "USD"), TierBenefits.multiplier("1.25"))
                .tier("Gold", Money.of(1500, "USD"), TierBenefits.multiplier("1.5").withFreeShipping())
                .gracePeriod(Duration.ofDays(30))
                .build();
    }

    static PointsProgram program(TierPolicy tiers) {
        return PointsProgram.builder()
                .currency("USD")
                .earn(1, Money.of(1, "USD"))
                .tierMultipliers(tiers)
                .redeem(100, Money.of(5, "USD"))
                .minimumRedemption(100)
                .expireAfterMonths(12)
                .returnWindow(Duration.ofDays(30))
                .build();
    }

    @Override
    public Integer call() {
        if (customers < 1) {
            throw usageError("--customers must be at least 1, got " + customers);
        }
        SyntheticShop shop = SyntheticShop.of(customers, seed);
        InMemoryEventStore events = new InMemoryEventStore();
        shop.generate(events::append);
        Instant now = shop.end();
        TierPolicy tiers = tiers();
        PointsLedger ledger = PointsLedger.of(program(tiers), new InMemoryLedgerStore());

        Map<String, Long> tierCounts = new LinkedHashMap<>();
        tiers.tiers().forEach(t -> tierCounts.put(t.name(), 0L));
        long[] totals = new long[5]; // earned, redeemed, expired, clawed back, balance
        long redemptions = 0;
        long expiringSoon = 0;
        Map<TierChangeKind, Long> lastYear = new LinkedHashMap<>();
        for (CustomerHistory history : (Iterable<CustomerHistory>) events.histories()::iterator) {
            if (history.orderCount() == 0) {
                continue;
            }
            for (CustomerEvent event : history.events()) {
                if (event instanceof OrderPlaced order) {
                    Tier tier = tiers.tierOf(history, order.occurredAt().minusNanos(1)).tier();
                    long active = ledger.balance(order.customerId(), order.occurredAt()).active();
                    if (active >= REDEEM_AT) {
                        ledger.redeem(order.customerId(), "checkout-" + order.orderId(), active, order.occurredAt());
                        redemptions++;
                    }
                    ledger.recordOrder(order, Optional.of(tier.name()));
                } else {
                    ledger.record(event);
                }
            }
            LedgerStatement statement = ledger.statement(history.customerId(), now);
            totals[0] += statement.totals().earned();
            totals[1] += statement.totals().redeemed();
            totals[2] += statement.totals().expired();
            totals[3] += statement.totals().clawedBack();
            totals[4] += statement.balance().total();
            if (statement.pointsExpiringWithin(Duration.ofDays(30)) > 0) {
                expiringSoon++;
            }
            tierCounts.merge(tiers.tierOf(history, now).tier().name(), 1L, Long::sum);
            for (TierChange change : tiers.changes(history, now.minus(Duration.ofDays(365)), now)) {
                lastYear.merge(change.kind(), 1L, Long::sum);
            }
        }
        PointsProgram program = ledger.program();
        PrintWriter out = out();
        out.printf("Loyalty program over a synthetic shop: %,d customers, seed %d, as of %s%n", customers, seed, now);
        out.printf("  %s%n", program);
        out.printf("  points earned       %,d%n", totals[0]);
        out.printf("  points redeemed     %,d in %,d redemptions (%s of discounts)%n", totals[1], redemptions,
                program.discountFor(totals[1]));
        out.printf("  points expired      %,d%n", totals[2]);
        out.printf("  points clawed back  %,d (refunds)%n", totals[3]);
        out.printf("  points outstanding  %,d (a liability of %s)%n", totals[4], program.discountFor(Math.max(0, totals[4])));
        out.printf("  customers with points expiring in the next 30 days  %,d%n", expiringSoon);
        out.printf("Tier distribution of buyers (Silver from 500.00, Gold from 1500.00 in 12 months):%n");
        long buyers = tierCounts.values().stream().mapToLong(Long::longValue).sum();
        tierCounts.forEach((tier, count) -> out.printf("  %-8s %,7d  %5.1f%%%n", tier, count,
                buyers == 0 ? 0.0 : 100.0 * count / buyers));
        out.printf("Tier events in the last 365 days: %s%n", lastYear);
        return Demo.OK;
    }
}
