package dev.retention.rules.loyalty.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.OrderId;
import dev.retention.rules.loyalty.Balance;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerStatement;
import dev.retention.rules.loyalty.NegativeBalancePolicy;
import dev.retention.rules.loyalty.PointsLot;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.PointsTotals;
import dev.retention.rules.loyalty.Posting;
import dev.retention.rules.loyalty.PostingKind;
import dev.retention.rules.loyalty.Source;
import dev.retention.rules.loyalty.SourceType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives a customer's statement from the stored entries: applies the per-day cap, turns refunds
 * into proportional clawbacks, expires lots and consumes them first-in-first-out.
 *
 * <p>Everything that depends on more than one entry is computed here, from the whole set of
 * entries sorted by time and key, and never at recording time. That is why the result does not
 * depend on the order in which orders and refunds arrived: a refund recorded before its order, or
 * an early order of the day recorded after a later one, yields the same statement.
 *
 * <p>Immutable and thread-safe; each call works on its own copy of the entries.
 */
public final class LedgerEvaluator {
    private final PointsProgram program;

    public LedgerEvaluator(PointsProgram program) {
        this.program = requireNonNull(program, "program");
    }

    /** The statement of {@code customerId} as of {@code asOf} (inclusive) from all of its entries. */
    public LedgerStatement evaluate(CustomerId customerId, List<LedgerEntry> entries, Instant asOf) {
        return run(entries, asOf).statement(customerId, asOf);
    }

    /**
     * Why appending {@code redemption} to {@code entries} would spend points it may not: empty if
     * the active points at its instant cover it and no recorded movement (redemption, clawback,
     * negative adjustment) at any instant is left less covered than without it. Expiry is part of
     * the evaluation, so points that would expire unused before a later movement may be spent.
     *
     * <p>A redemption counts as uncovered by what it takes from pending points or cannot take at
     * all; a clawback or a negative adjustment by what it cannot take.
     */
    public Optional<String> overdraft(List<LedgerEntry> entries, LedgerEntry redemption) {
        checkArgument(redemption.kind() == EntryKind.REDEEM, "redemption must be a REDEEM entry, got %s",
                redemption.kind());
        List<LedgerEntry> with = new ArrayList<>(entries);
        with.add(redemption);
        Instant last = redemption.occurredAt();
        for (LedgerEntry e : entries) {
            last = e.occurredAt().isAfter(last) ? e.occurredAt() : last;
        }
        Map<String, Long> before = run(entries, last).uncovered;
        Run after = run(with, last);
        long own = after.uncovered.getOrDefault(redemption.key(), 0L);
        if (own > 0) {
            return Optional.of(String.format("%s active points are missing at %s", own, redemption.occurredAt()));
        }
        for (Map.Entry<String, Long> e : after.uncovered.entrySet()) {
            long more = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (more > 0) {
                return Optional.of(String.format("the recorded %s at %s would be %s points short",
                        e.getKey(), after.debitAt.get(e.getKey()), more));
            }
        }
        return Optional.empty();
    }

    private Run run(List<LedgerEntry> entries, Instant asOf) {
        List<LedgerEntry> sorted = new ArrayList<>(entries);
        sorted.sort(LedgerEntry.TIME_ORDER);
        Map<String, Long> credited = creditedOrderPoints(sorted);
        List<Action> actions = new ArrayList<>();
        for (LedgerEntry entry : sorted) {
            Action action = action(entry, sorted, credited);
            if (!action.at.isAfter(asOf)) {
                actions.add(action);
                long lotPoints = action.points;
                if (action.createsLot() && lotPoints > 0) {
                    program.expiryOf(entry.occurredAt()).filter(at -> !at.isAfter(asOf))
                            .ifPresent(at -> actions.add(new Action(at, 0, entry, PostingKind.EXPIRE, 0)));
                }
            }
        }
        actions.sort(Comparator.comparing((Action a) -> a.at).thenComparingInt(a -> a.rank)
                .thenComparing(a -> a.entry.key()));
        Run run = new Run(program.negativeBalance());
        for (Action action : actions) {
            run.apply(action);
        }
        return run;
    }

    /** Order earnings after the per-day cap, by entry key; days in the program's zone, in time order. */
    private Map<String, Long> creditedOrderPoints(List<LedgerEntry> sorted) {
        Map<String, Long> credited = new HashMap<>();
        if (program.maxPointsPerDay().isEmpty()) {
            // no cap: a day's total must not stand in for one (it would saturate at Long.MAX_VALUE)
            return credited;
        }
        long cap = program.maxPointsPerDay().getAsLong();
        Map<LocalDate, Long> used = new HashMap<>();
        for (LedgerEntry entry : sorted) {
            if (isOrderEarn(entry)) {
                LocalDate day = entry.occurredAt().atZone(program.zone()).toLocalDate();
                long before = used.getOrDefault(day, 0L);
                long points = Math.min(entry.points(), Math.max(0, cap - before));
                used.put(day, before + points);
                credited.put(entry.key(), points);
            }
        }
        return credited;
    }

    private static boolean isOrderEarn(LedgerEntry entry) {
        return entry.kind() == EntryKind.EARN && entry.source().type() == SourceType.ORDER;
    }

    private Action action(LedgerEntry entry, List<LedgerEntry> sorted, Map<String, Long> credited) {
        switch (entry.kind()) {
            case EARN:
                return new Action(entry.occurredAt(), 1, entry, PostingKind.EARN,
                        credited.getOrDefault(entry.key(), entry.points()));
            case REDEEM:
                return new Action(entry.occurredAt(), 1, entry, PostingKind.REDEEM, entry.points());
            case ADJUST:
                return new Action(entry.occurredAt(), 1, entry, PostingKind.ADJUST, entry.points());
            default:
                return clawback(entry, sorted, credited);
        }
    }

    /**
     * The points a refund takes back: the order's credited points times the share of the order
     * total refunded so far (in time order, capped at the total), rounded down, minus what earlier
     * refunds of the order took. A full refund, in one part or several, takes back exactly what the
     * order earned. A refund of an unknown order takes nothing (until the order is recorded).
     */
    private static Action clawback(LedgerEntry refund, List<LedgerEntry> sorted, Map<String, Long> credited) {
        OrderId orderId = refund.orderId().orElseThrow();
        String orderKey = Source.of(SourceType.ORDER, orderId.value()).key();
        LedgerEntry order = null;
        for (LedgerEntry e : sorted) {
            if (isOrderEarn(e) && e.key().equals(orderKey)) {
                order = e;
            }
        }
        if (order == null || order.amount().isEmpty() || !order.amount().get().isPositive()
                || !order.amount().get().currency().equals(refund.amount().orElseThrow().currency())) {
            return new Action(refund.occurredAt(), 1, refund, PostingKind.CLAWBACK, 0);
        }
        long total = order.amount().get().minorUnits();
        long earned = credited.getOrDefault(order.key(), order.points());
        long refundedBefore = 0;
        for (LedgerEntry e : sorted) {
            if (e == refund) {
                break;
            }
            if (e.kind() == EntryKind.CLAWBACK && e.orderId().equals(refund.orderId())) {
                refundedBefore += e.amount().orElseThrow().minorUnits();
            }
        }
        long before = Math.min(total, refundedBefore);
        long after = Math.min(total, refundedBefore + refund.amount().orElseThrow().minorUnits());
        long points = share(earned, after, total) - share(earned, before, total);
        Instant at = refund.occurredAt().isBefore(order.occurredAt()) ? order.occurredAt() : refund.occurredAt();
        return new Action(at, 1, refund, PostingKind.CLAWBACK, points);
    }

    private static long share(long points, long part, long whole) {
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(part))
                .divide(BigInteger.valueOf(whole)).longValueExact();
    }

    /** A movement to apply: rank 0 (expiry) goes before rank 1 (entries) at the same instant. */
    private static final class Action {
        final Instant at;
        final int rank;
        final LedgerEntry entry;
        final PostingKind kind;
        final long points;

        Action(Instant at, int rank, LedgerEntry entry, PostingKind kind, long points) {
            this.at = at;
            this.rank = rank;
            this.entry = entry;
            this.kind = kind;
            this.points = points;
        }

        boolean createsLot() {
            return kind == PostingKind.EARN || kind == PostingKind.ADJUST && points > 0;
        }
    }

    /** The lots, debt and totals while the actions are applied in time order. */
    private final class Run {
        private final NegativeBalancePolicy policy;
        private final Map<String, Lot> lots = new LinkedHashMap<>();
        private final List<Posting> postings = new ArrayList<>();
        private long debt;
        private long earned;
        private long redeemed;
        private long expired;
        private long clawedBack;
        private long adjusted;
        private long shortfall;
        /** Per debit's key: the points it could not take (a redemption: from active lots). */
        final Map<String, Long> uncovered = new HashMap<>();
        final Map<String, Instant> debitAt = new HashMap<>();

        Run(NegativeBalancePolicy policy) {
            this.policy = policy;
        }

        void apply(Action a) {
            LedgerEntry entry = a.entry;
            switch (a.kind) {
                case EARN:
                    credit(entry, a.points);
                    earned = add(earned, a.points, entry);
                    post(a, a.points);
                    break;
                case EXPIRE:
                    Lot lot = lots.remove(entry.key());
                    if (lot != null && lot.remaining > 0) {
                        expired = add(expired, lot.remaining, entry);
                        post(a, -lot.remaining);
                    }
                    break;
                case REDEEM:
                    long redeemedNow = debit(a, a.points, Optional.empty(), true);
                    redeemed = add(redeemed, redeemedNow, entry);
                    post(a, -redeemedNow);
                    break;
                case CLAWBACK:
                    long taken = debit(a, a.points, Optional.of(orderLotKey(entry)), false);
                    clawedBack = add(clawedBack, taken, entry);
                    post(a, -taken);
                    break;
                default:
                    long change = a.points > 0 ? a.points : -debit(a, -a.points, Optional.empty(), false);
                    if (a.points > 0) {
                        credit(entry, a.points);
                    }
                    adjusted = add(adjusted, change, entry);
                    post(a, change);
            }
        }

        private String orderLotKey(LedgerEntry refund) {
            return Source.of(SourceType.ORDER, refund.orderId().orElseThrow().value()).key();
        }

        /** A new lot; earnings pay back any debt first. */
        private void credit(LedgerEntry entry, long points) {
            long repay = Math.min(debt, points);
            debt -= repay;
            lots.put(entry.key(), new Lot(entry.source(), entry.occurredAt(), entry.availableAt(),
                    program.expiryOf(entry.occurredAt()), points - repay));
        }

        /**
         * Takes {@code points}: from the preferred lot first, then active lots oldest first, then
         * pending lots oldest first; what is still missing becomes debt or shortfall by the policy.
         *
         * @return the points the balance went down by
         */
        private long debit(Action a, long points, Optional<String> preferred, boolean activeOnly) {
            long missing = points;
            if (preferred.isPresent() && lots.containsKey(preferred.get())) {
                missing = take(lots.get(preferred.get()), missing);
            }
            for (Lot lot : lots.values()) {
                if (!lot.availableAt.isAfter(a.at)) {
                    missing = take(lot, missing);
                }
            }
            long notFromActive = missing;
            for (Lot lot : lots.values()) {
                missing = take(lot, missing);
            }
            lots.values().removeIf(lot -> lot.remaining == 0);
            long uncoveredPoints = activeOnly ? notFromActive : missing;
            if (uncoveredPoints > 0) {
                uncovered.put(a.entry.key(), uncoveredPoints);
                debitAt.put(a.entry.key(), a.at);
            }
            if (missing == 0) {
                return points;
            }
            if (policy == NegativeBalancePolicy.ALLOW_DEBT) {
                debt = add(debt, missing, a.entry);
                return points;
            }
            shortfall = add(shortfall, missing, a.entry);
            return points - missing;
        }

        /**
         * {@code total + points}, refusing to wrap: the ledger refuses entries that would make a
         * customer's points overflow, so this fails only on entries written past the ledger.
         */
        private long add(long total, long points, LedgerEntry entry) {
            try {
                return Math.addExact(total, points);
            } catch (ArithmeticException e) {
                throw new ArithmeticException("the points of " + entry.customerId() + " overflow a long at "
                        + entry.key() + " (" + points + " points)");
            }
        }

        private long take(Lot lot, long missing) {
            long taken = Math.min(lot.remaining, missing);
            lot.remaining -= taken;
            return missing - taken;
        }

        private void post(Action a, long points) {
            postings.add(new Posting(a.kind, a.entry.source(), a.at, points, balance()));
        }

        private long balance() {
            long held = 0;
            for (Lot lot : lots.values()) {
                held = Math.addExact(held, lot.remaining);
            }
            return held - debt;
        }

        LedgerStatement statement(CustomerId customerId, Instant asOf) {
            long active = 0;
            long pending = 0;
            List<PointsLot> open = new ArrayList<>();
            for (Iterator<Lot> it = lots.values().iterator(); it.hasNext();) {
                Lot lot = it.next();
                if (lot.remaining == 0) {
                    continue;
                }
                if (lot.availableAt.isAfter(asOf)) {
                    pending += lot.remaining;
                } else {
                    active += lot.remaining;
                }
                open.add(new PointsLot(lot.source, lot.earnedAt, lot.availableAt, lot.expiresAt, lot.remaining));
            }
            return new LedgerStatement(customerId, asOf, new Balance(active, pending, debt),
                    new PointsTotals(earned, redeemed, expired, clawedBack, adjusted, shortfall), postings, open);
        }
    }

    private static final class Lot {
        final Source source;
        final Instant earnedAt;
        final Instant availableAt;
        final Optional<Instant> expiresAt;
        long remaining;

        Lot(Source source, Instant earnedAt, Instant availableAt, Optional<Instant> expiresAt, long remaining) {
            this.source = source;
            this.earnedAt = earnedAt;
            this.availableAt = availableAt;
            this.expiresAt = expiresAt;
            this.remaining = remaining;
        }
    }
}
