package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Striped;
import dev.retention.core.CustomerId;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.rules.loyalty.internal.LedgerEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * The points ledger of a {@link PointsProgram} over a {@link LedgerStore}: records orders,
 * refunds, bonuses, referrals, redemptions and adjustments as entries, and derives balances and
 * statements from them.
 *
 * <h2>Idempotent and order-independent</h2>
 * Every recording is keyed by its {@link Source} (order id, refund event id, bonus event id,
 * redemption id): recording the same thing twice changes nothing. Orders and refunds may arrive in
 * any order, because everything that relates several entries (the per-day cap, proportional
 * clawbacks, expiry, first-in-first-out consumption) is derived when the ledger is read, see
 * {@link #statement}. The result is a pure function of the stored entries and the instant asked.
 *
 * <h2>Time</h2>
 * Nothing reads a clock: events carry their instants, and every query takes {@code at}, which is
 * inclusive (an entry at {@code at} counts). Points expire at their expiry instant exactly.
 *
 * <h2>Redemptions never spend points twice</h2>
 * A redemption is accepted only if the active points at its instant cover it and it leaves no
 * movement already recorded, at any instant before or after it, less covered than before: no
 * later redemption loses the active points it took, no clawback or negative adjustment becomes
 * short by more (so no balance goes negative, or more negative under
 * {@link NegativeBalancePolicy#ALLOW_DEBT}, because of it). Expiry is part of that check: an
 * earlier redemption may take points that would have expired before a later one anyway.
 *
 * <p>Thread-safe if the store is, and safe for several {@code PointsLedger} instances over one
 * store (several shop JVMs over one database): the ledger decides on a {@link LedgerSnapshot} and
 * appends with {@link LedgerStore#appendIfVersion}; if any entry of the customer was appended in
 * between, it reads again and decides again. Of N concurrent redemptions of {@code cost} points
 * against a balance B, exactly {@code floor(B / cost)} succeed, whatever their instants.
 *
 * <h2>Overflow</h2>
 * The points of all of a customer's entries (their absolute values) must add up to at most
 * {@link Long#MAX_VALUE}; an entry that would break that is refused with an
 * {@link ArithmeticException} naming it, so no total ever wraps or saturates.
 */
public final class PointsLedger {
    private final PointsProgram program;
    private final LedgerStore store;
    private final LedgerEvaluator evaluator;
    private final Striped<Lock> redemptionLocks = Striped.lock(64);

    private PointsLedger(PointsProgram program, LedgerStore store) {
        this.program = requireNonNull(program, "program");
        this.store = requireNonNull(store, "store");
        this.evaluator = new LedgerEvaluator(program);
    }

    /**
     * A ledger of {@code program} over {@code store}. Several ledgers may share one store.
     *
     * @param program the program's rules
     * @param store where the entries are kept
     * @return the thread-safe ledger
     */
    public static PointsLedger of(PointsProgram program, LedgerStore store) {
        return new PointsLedger(program, store);
    }

    /**
     * The program whose rules this ledger applies.
     *
     * @return the program
     */
    public PointsProgram program() {
        return program;
    }

    /**
     * Records an order or a refund (at 1x tier multiplier); other events are ignored.
     *
     * @param event the shop's event
     * @return whether the ledger changed
     * @throws IllegalArgumentException if an order is not in the program's currency
     * @throws ArithmeticException if the customer's points would no longer fit in a {@code long}
     */
    public boolean record(CustomerEvent event) {
        requireNonNull(event, "event");
        if (event instanceof OrderPlaced order) {
            return recordOrder(order, Optional.empty());
        }
        if (event instanceof OrderRefunded refund) {
            return recordRefund(refund);
        }
        return false;
    }

    /**
     * Records what an order earns (see {@link PointsProgram#pointsFor}); the points are pending
     * until the program's return window has passed since the order.
     *
     * @param order the order
     * @param tier the customer's tier when the order was placed, for the tier multiplier; the
     *     points are fixed when the order is first recorded, so pass the tier from a history that
     *     holds the customer's earlier orders if the ledger must not depend on arrival order
     * @return whether the ledger changed ({@code false} if the order was recorded before)
     * @throws IllegalArgumentException if the order is not in the program's currency
     * @throws ArithmeticException if the customer's points would no longer fit in a {@code long}
     */
    public boolean recordOrder(OrderPlaced order, Optional<String> tier) {
        long points = program.pointsFor(order, tier);
        return appendChecked(new LedgerEntry(order.customerId(), Source.of(SourceType.ORDER, order.orderId().value()),
                EntryKind.EARN, order.occurredAt(), order.occurredAt().plus(program.returnWindow()), points,
                Optional.of(order.orderId()), Optional.of(order.total())));
    }

    /**
     * Records a refund, which takes back the order's points in proportion to the money refunded
     * (see the class comment); the refund may arrive before its order.
     *
     * @param refund the refund event; keyed by its event id
     * @return whether the ledger changed ({@code false} if this refund event was recorded before)
     */
    public boolean recordRefund(OrderRefunded refund) {
        requireNonNull(refund, "refund");
        return appendChecked(new LedgerEntry(refund.customerId(), Source.of(SourceType.REFUND, refund.eventId()),
                EntryKind.CLAWBACK, refund.occurredAt(), refund.occurredAt(), 0, Optional.of(refund.orderId()),
                Optional.of(refund.amount())));
    }

    /**
     * Pays the program's bonus of this kind, spendable at once.
     *
     * @param kind the bonus kind
     * @param customerId the customer
     * @param eventId the triggering event (e.g. the sign-up or review event id); a bonus is paid
     *     once per event id
     * @param at when the bonus is credited (it expires like earned points)
     * @return whether the ledger changed (false also when the program pays no such bonus)
     * @throws IllegalArgumentException if {@code eventId} is null or blank
     * @throws ArithmeticException if the customer's points would no longer fit in a {@code long}
     */
    public boolean awardBonus(BonusKind kind, CustomerId customerId, String eventId, Instant at) {
        long points = program.bonus(kind);
        if (points == 0) {
            return false;
        }
        return appendChecked(new LedgerEntry(customerId, Source.of(SourceType.BONUS, kind.name() + ":" + eventId),
                EntryKind.EARN, at, at, points, Optional.empty(), Optional.empty()));
    }

    /**
     * Pays the referral bonus to the referrer and the referee once the referee's first order has
     * stayed unrefunded for the program's referral window. Call it when the window may have
     * closed (e.g. daily); it is idempotent and pays each referee's referral once. The bonuses are
     * dated at the end of the window.
     *
     * @param referrer the customer who referred
     * @param referee the referee's history as of at least {@code at}
     * @param at now; the window must have closed at or before it
     * @return what was done; {@link ReferralOutcome#PENDING} means ask again later
     * @throws IllegalArgumentException if {@code referrer} is the referee
     */
    public ReferralOutcome settleReferral(CustomerId referrer, CustomerHistory referee, Instant at) {
        requireNonNull(referrer, "referrer");
        requireNonNull(referee, "referee");
        requireNonNull(at, "at");
        checkArgument(!referrer.equals(referee.customerId()), "a customer cannot refer themselves: %s", referrer);
        Optional<Instant> firstAt = referee.firstOrderAt();
        if (firstAt.isEmpty()) {
            return ReferralOutcome.PENDING;
        }
        OrderId first = referee.orders(firstAt.get(), firstAt.get().plusNanos(1)).get(0).orderId();
        Instant windowEnd = firstAt.get().plus(program.referralWindow());
        if (referee.refunds(firstAt.get(), windowEnd).stream().anyMatch(r -> r.orderId().equals(first))) {
            return ReferralOutcome.FORFEITED;
        }
        if (at.isBefore(windowEnd)) {
            return ReferralOutcome.PENDING;
        }
        Source source = Source.of(SourceType.REFERRAL, referee.customerId().value());
        boolean paid = false;
        if (program.refereeBonus() > 0) {
            paid |= appendChecked(new LedgerEntry(referee.customerId(), source, EntryKind.EARN, windowEnd, windowEnd,
                    program.refereeBonus(), Optional.of(first), Optional.empty()));
        }
        if (program.referrerBonus() > 0) {
            paid |= appendChecked(new LedgerEntry(referrer, source, EntryKind.EARN, windowEnd, windowEnd,
                    program.referrerBonus(), Optional.of(first), Optional.empty()));
        }
        return paid ? ReferralOutcome.GRANTED : ReferralOutcome.ALREADY_GRANTED;
    }

    /**
     * Spends {@code points} of the customer's active balance on a discount. Repeating a redemption
     * id returns the recorded redemption unchanged (its instant and points, whatever is passed now).
     *
     * @param customerId the customer
     * @param redemptionId the shop's id for this redemption (e.g. the checkout id): one redemption per id
     * @param points the points to spend
     * @param at when the points are spent; may be before redemptions already recorded
     * @return the redemption with its discount
     * @throws IllegalArgumentException if {@code redemptionId} is blank, {@code points} is below the
     *     program's minimum redemption or above the active balance at {@code at}, or if it would take
     *     points that a movement already recorded needs (see the class comment)
     * @throws ArithmeticException if the customer's points would no longer fit in a {@code long}
     */
    public Redemption redeem(CustomerId customerId, String redemptionId, long points, Instant at) {
        requireNonNull(customerId, "customerId");
        requireNonNull(at, "at");
        Source source = Source.of(SourceType.REDEMPTION, redemptionId);
        // the lock only spares this ledger's own threads a lost compare-and-append and a second
        // evaluation; appendIfVersion is what keeps redemptions safe, also across ledgers
        Lock lock = redemptionLocks.get(customerId);
        lock.lock();
        try {
            while (true) {
                LedgerSnapshot snapshot = store.snapshot(customerId);
                Optional<LedgerEntry> done = snapshot.find(source.key());
                if (done.isPresent()) {
                    LedgerEntry e = done.get();
                    return new Redemption(customerId, redemptionId, e.occurredAt(), e.points(),
                            program.discountFor(e.points()));
                }
                checkArgument(points >= program.minimumRedemption(),
                        "points must be at least the minimum redemption %s, got %s", program.minimumRedemption(),
                        points);
                long active = evaluator.evaluate(customerId, snapshot.entries(), at).balance().active();
                checkArgument(points <= active, "points must not exceed the active balance %s of %s at %s, got %s",
                        active, customerId, at, points);
                LedgerEntry entry = new LedgerEntry(customerId, source, EntryKind.REDEEM, at, at, points,
                        Optional.empty(), Optional.empty());
                checkFits(snapshot, entry);
                Optional<String> overdraft = evaluator.overdraft(snapshot.entries(), entry);
                if (overdraft.isPresent()) {
                    throw new IllegalArgumentException(String.format(
                            "redemption %s of %s points of %s at %s is refused: %s", redemptionId, points,
                            customerId, at, overdraft.get()));
                }
                if (store.appendIfVersion(customerId, snapshot.version(), List.of(entry))) {
                    return new Redemption(customerId, redemptionId, at, points, program.discountFor(points));
                }
                // something was appended since the snapshot: decide again on the new entries
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A manual correction of {@code points} (signed), e.g. a goodwill credit; positive adjustments
     * form a lot that expires like earned points, negative ones are taken like a redemption.
     *
     * @param customerId the customer
     * @param reference the operator's reference (ticket id): one adjustment per reference
     * @param points the signed change, not 0
     * @param at when the adjustment takes effect
     * @return whether the ledger changed ({@code false} if the reference was used before)
     * @throws IllegalArgumentException if {@code points} is 0 or {@code reference} is blank
     * @throws ArithmeticException if the customer's points would no longer fit in a {@code long}
     */
    public boolean adjust(CustomerId customerId, String reference, long points, Instant at) {
        return appendChecked(new LedgerEntry(customerId, Source.of(SourceType.MANUAL, reference), EntryKind.ADJUST,
                at, at, points, Optional.empty(), Optional.empty()));
    }

    /**
     * Appends {@code entry} unless its key is taken, refusing it if the customer's points would no
     * longer fit in a long; compare-and-append, so two such entries appended at once are both counted.
     */
    private boolean appendChecked(LedgerEntry entry) {
        if (entry.points() == 0) {
            return store.append(entry); // adds nothing to the customer's total (a refund's clawback is derived)
        }
        while (true) {
            LedgerSnapshot snapshot = store.snapshot(entry.customerId());
            if (snapshot.find(entry.key()).isPresent()) {
                return false;
            }
            checkFits(snapshot, entry);
            if (store.appendIfVersion(entry.customerId(), snapshot.version(), List.of(entry))) {
                return true;
            }
        }
    }

    /** Refuses {@code entry} if the absolute points of the customer's entries with it exceed a long. */
    private static void checkFits(LedgerSnapshot snapshot, LedgerEntry entry) {
        try {
            long total = Math.absExact(entry.points());
            for (LedgerEntry e : snapshot.entries()) {
                total = Math.addExact(total, Math.absExact(e.points()));
            }
        } catch (ArithmeticException e) {
            throw new ArithmeticException(String.format(
                    "%s of %s (%s points) would make the customer's points exceed %s: refused",
                    entry.key(), entry.customerId(), entry.points(), Long.MAX_VALUE));
        }
    }

    /**
     * The customer's statement as of {@code at} (inclusive): balance, totals, postings and lots.
     *
     * @param customerId the customer; one without entries has an empty statement
     * @param at the instant asked
     * @return the statement, a pure function of the stored entries and {@code at}
     */
    public LedgerStatement statement(CustomerId customerId, Instant at) {
        requireNonNull(at, "at");
        return evaluator.evaluate(customerId, store.entries(customerId), at);
    }

    /**
     * The customer's balance as of {@code at} (inclusive).
     *
     * @param customerId the customer; one without entries has a zero balance
     * @param at the instant asked
     * @return active, pending and owed points
     */
    public Balance balance(CustomerId customerId, Instant at) {
        return statement(customerId, at).balance();
    }

    /**
     * The movements at or before {@code at}, in time order.
     *
     * @param customerId the customer
     * @param at the instant asked
     * @return the postings of the customer's statement
     */
    public List<Posting> history(CustomerId customerId, Instant at) {
        return statement(customerId, at).postings();
    }

    /**
     * The lots that expire in {@code (at, at + within]}, soonest first: what a "your points expire soon"
     * message lists.
     *
     * @param customerId the customer
     * @param at the instant asked
     * @param within how far ahead to look, not negative
     * @return the lots
     * @throws IllegalArgumentException if {@code within} is negative
     */
    public List<PointsLot> expiringWithin(CustomerId customerId, Instant at, Duration within) {
        return statement(customerId, at).expiringWithin(within);
    }

    /**
     * The stored entries, for audits and exports.
     *
     * @param customerId the customer
     * @return the entries in {@link LedgerEntry#TIME_ORDER}
     */
    public List<LedgerEntry> entries(CustomerId customerId) {
        return store.entries(requireNonNull(customerId, "customerId"));
    }
}
