package dev.retention.rules.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.send.MessageSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.QualifyingActivity;
import dev.retention.rules.loyalty.TierMeasure;
import dev.retention.rules.loyalty.TierPolicy;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one entry point for a shop: hand it every event and the scheduler's ticks; it stores the
 * event, keeps the points and tiers, runs the campaigns and sends what is due, and answers the
 * customer's rights to erasure and to their data.
 *
 * <pre>{@code
 * Retention retention = Retention.builder()
 *         .state(CustomerStateStore.inMemory())          // or composedOf(your stores), or your own seam
 *         .campaign(loyaltyThreshold).campaign(winBack)
 *         .points(program).tiers(tiers)                  // optional
 *         .sender(sender).clock(Clock.systemUTC())
 *         .build();
 * retention.onEvent(event);     // on every event from the shop
 * retention.tick();             // every few minutes, from the shop's scheduler
 * }</pre>
 *
 * <h2>One customer, one step</h2>
 * {@link #onEvent} does everything about the event's customer inside one
 * {@link CustomerStateStore#update} of that customer: it appends the event; for an order, records
 * its points at the tier the customer had just before it (the tier policy over the history, or over
 * the points earned for a policy measuring points); for a refund, records the clawback; then
 * evaluates the campaigns for that customer and records the decisions in the fire log, and notes
 * whether any of the customer's entries is due. Only then, outside the step, it sends the
 * customer's due messages if there are any (the fire log is an outbox: a decision is recorded
 * before its send, and a slow sender holds no customer's lock). A refused event (see
 * {@link dev.retention.core.store.EventStore#append}) throws before anything is stored. Delivering
 * an event again is harmless: the event store keeps one per id, the ledger one entry per order or
 * refund, and a decision is not repeated; it also completes a step a crash cut short.
 *
 * <p>{@link #tick} evaluates every customer (time-driven triggers such as win-back), each in one
 * step of their own, then sends everything due. {@link #erase} and {@link #export} are one step of
 * the customer too, so an erasure never falls between an event's parts and an export is consistent.
 *
 * <h2>Threads</h2>
 * Thread-safe: calls for one customer are serialised by the seam (one lock in memory), calls for
 * different customers run in parallel. The campaign engine and the points ledger are the ones of
 * {@link CampaignEngine} and {@link PointsLedger}, built over the seam's stores, with their own
 * guarantees (at most one send per key while leases hold; points never spent twice).
 */
public final class Retention {
    private final CustomerStateStore state;
    private final CampaignEngine engine;
    private final Optional<PointsLedger> points;
    private final Optional<TierPolicy> tiers;
    private final Clock clock;
    /** Each thread's {@link EventStep}, emptied between events. */
    private final ThreadLocal<EventStep> steps = ThreadLocal.withInitial(EventStep::new);

    private Retention(Builder b) {
        this.state = b.state;
        this.clock = b.clock;
        CampaignEngine.Builder engineBuilder = CampaignEngine.builder();
        b.engineSettings.accept(engineBuilder);
        b.campaigns.forEach(engineBuilder::campaign);
        // the seam's stores last, so that no engine setting can route around the seam
        // and the seam's hold of a customer as the engine's: one lock per customer, so a thread inside an
        // update (record, then engine) and one claiming a send (engine, then record) cannot wait for each other
        this.engine = engineBuilder.events(state.events()).profiles(state.profiles()).fireLog(state.fireLog())
                .holdCustomersWith(state::update).sender(b.sender).clock(b.clock).build();
        this.points = Optional.ofNullable(b.program).map(program -> PointsLedger.of(program, state.ledger()));
        this.tiers = Optional.ofNullable(b.tiers);
    }

    /**
     * Starts the configuration of a facade.
     *
     * @return a new builder, with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one event of the shop for its customer in one step (see the class comment): stores
     * it, records its points or clawback, runs the campaigns for the customer at the clock's
     * current instant, then sends what is due. Safe to call from many threads; calls for the same
     * customer run one at a time. A send that fails is not thrown here: it is recorded in the fire
     * log and retried as the engine's settings say.
     *
     * @param event the event, of any customer; delivering it again is harmless
     * @return what was stored, the tier the order earned at, and the fire-log entries recorded or
     *     changed for the customer
     * @throws NullPointerException if {@code event} is null
     * @throws IllegalArgumentException if the event store refuses the event (nothing is stored), or
     *     if an order is not in the points program's currency (the event is stored by then and, in
     *     memory, stays stored without points; no campaign ran)
     * @throws ArithmeticException if the customer's points would no longer fit in a {@code long}
     *     (as above, the event stays stored)
     */
    public EventOutcome onEvent(CustomerEvent event) {
        requireNonNull(event, "event");
        CustomerId customer = event.customerId();
        EventStep step = steps.get();
        if (step.event != null) {
            step = new EventStep(); // an onEvent inside this thread's onEvent (a sender feeding events back): its own
        }
        Instant now = clock.instant();
        boolean stored;
        boolean ledgerChanged;
        Optional<String> tier;
        List<FireEntry> decided;
        boolean due;
        step.begin(this, event, now);
        try {
            state.update(customer, step);
            stored = step.stored;
            ledgerChanged = step.ledgerChanged;
            tier = step.tier;
            decided = step.decided;
            due = step.due;
        } finally {
            step.end();
        }
        List<FireEntry> sent = due ? engine.sendDue(customer, now) : List.of();
        List<FireEntry> entries = decided;
        if (!sent.isEmpty()) {
            entries = new ArrayList<>(decided);
            entries.addAll(sent);
        }
        if (entries.isEmpty() && tier.isEmpty()) {
            return EventOutcome.withoutDetails(stored, ledgerChanged); // most events: no object per event
        }
        return new EventOutcome(stored, ledgerChanged, tier, entries);
    }

    /**
     * The step of {@link #onEvent} inside the customer's {@code update}, and what it found. One per
     * thread, used again event after event ({@link #steps}), where a lambda and a result record would
     * be two objects per event; static and emptied after each step, so a thread's reference to it
     * keeps no facade alive.
     */
    private static final class EventStep implements Supplier<EventStep> {
        Retention facade;
        CustomerEvent event;
        Instant now;
        boolean stored;
        boolean ledgerChanged;
        Optional<String> tier;
        List<FireEntry> decided;
        boolean due;

        void begin(Retention facade, CustomerEvent event, Instant now) {
            this.facade = facade;
            this.event = event;
            this.now = now;
            stored = false;
            ledgerChanged = false;
            tier = Optional.empty();
            decided = List.of();
            due = false;
        }

        void end() {
            facade = null;
            event = null;
            now = null;
            tier = null;
            decided = null;
        }

        @Override
        public EventStep get() {
            Retention f = facade;
            CustomerId customer = event.customerId();
            stored = f.state.events().append(event);
            if (f.points.isPresent()) {
                PointsLedger ledger = f.points.get();
                if (event instanceof OrderPlaced order) {
                    tier = f.tierBefore(ledger, order);
                    ledgerChanged = ledger.recordOrder(order, tier);
                } else if (event instanceof OrderRefunded refund) {
                    ledgerChanged = ledger.recordRefund(refund);
                }
            }
            // the facade holds the customer already: the engine need not take the hold again
            decided = f.engine.decideHolding(customer, now);
            // read here, where the seam hands over the held customer, so most events need no second lookup
            due = anyClaimable(f.state.fireLog().entries(customer), now);
            return this;
        }
    }

    /**
     * Whether the customer has an entry to send at {@code now}. Checked inside the step, so an
     * entry that another engine makes due between the step and the send waits for the next event
     * or tick of the customer, as it would if it had fallen due a moment later.
     */
    private static boolean anyClaimable(List<FireEntry> entries, Instant now) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (entries.get(i).isClaimable(now)) {
                return true;
            }
        }
        return false;
    }

    /** The tier just before the order: the order itself must not lift its own multiplier. */
    private Optional<String> tierBefore(PointsLedger ledger, OrderPlaced order) {
        if (tiers.isEmpty()) {
            return Optional.empty();
        }
        TierPolicy policy = tiers.get();
        Instant justBefore = order.occurredAt().minusNanos(1);
        if (policy.measure() == TierMeasure.POINTS_EARNED) {
            QualifyingActivity earned = QualifyingActivity.pointsEarned(ledger.statement(order.customerId(), justBefore));
            return Optional.of(policy.tierOf(earned, justBefore).tier().name());
        }
        return Optional.of(policy.tierOf(state.events().historyInStep(order.customerId()), justBefore).tier().name());
    }

    /**
     * Evaluates every customer with events or a profile at the clock's current instant, each in one
     * step of the seam, in customer id order; then sends every message due (deferred ones, later
     * sequence steps, retries).
     *
     * @return the entries this call recorded or changed, in order
     */
    public List<FireEntry> tick() {
        Instant now = clock.instant();
        Set<CustomerId> customers = new TreeSet<>();
        try (Stream<CustomerId> ids = state.events().customerIds()) {
            ids.forEach(customers::add);
        }
        try (Stream<CustomerId> ids = state.profiles().profiles().map(p -> p.customerId())) {
            ids.forEach(customers::add);
        }
        List<FireEntry> out = new ArrayList<>();
        for (CustomerId customer : customers) {
            out.addAll(state.update(customer, () -> engine.decide(customer, now)));
        }
        out.addAll(engine.resume());
        return Collections.unmodifiableList(out);
    }

    /**
     * Removes every trace of the customer in one step (the right to erasure, GDPR article 17):
     * events, profile, campaign decisions with their personal fields and the re-entry memory, and
     * the points ledger. A later event from the same id starts a new customer. Aggregates computed
     * before (reports, metrics) stay as they are. Waits for a running step of the customer.
     *
     * @param customer the customer to forget
     * @return what was removed, per store; all zero for a customer never seen
     * @throws NullPointerException if {@code customer} is null
     * @throws UnsupportedOperationException if a store of the seam cannot erase (see
     *     {@link CustomerStateStore#erase})
     */
    public Erasure erase(CustomerId customer) {
        return state.erase(requireNonNull(customer, "customer"));
    }

    /**
     * Everything kept about the customer, as one JSON document (the right to data portability,
     * GDPR article 20), read in one step: {@code customerId}, {@code exportedAt}, {@code events}
     * (each with a {@code type}: view, cart, order, refund, custom), {@code profile} (or null),
     * {@code decisions} (the fire-log entries) and {@code ledger} (version and entries). Money is
     * {@code {"amount": "44.95", "currency": "EUR"}}, instants are ISO-8601 text.
     *
     * @param customer whose data to export
     * @return the JSON document; for a customer never seen (or erased), one with no events, a null
     *     profile and no decisions or ledger entries
     * @throws NullPointerException if {@code customer} is null
     */
    public String export(CustomerId customer) {
        requireNonNull(customer, "customer");
        return CustomerStateJson.write(state.read(customer), clock.instant());
    }

    /**
     * Writes the document of {@link #export(CustomerId)} to {@code out} while the seam reads it
     * ({@link CustomerStateStore#exportTo}): the same text, but a database-backed seam hands the
     * rows over as it reads them, so a customer with a long history is never held in memory whole.
     * Still one step of the customer. {@code out} is flushed, not closed.
     *
     * @param customer whose data to export
     * @param out where the JSON goes, as UTF-16 text (wrap an {@code OutputStream} in an
     *     {@code OutputStreamWriter} with UTF-8)
     * @throws NullPointerException if {@code customer} or {@code out} is null
     * @throws java.io.UncheckedIOException if writing to {@code out} fails; what was written stays
     */
    public void export(CustomerId customer, Writer out) {
        requireNonNull(customer, "customer");
        requireNonNull(out, "out");
        CustomerStateJson.stream(state, customer, clock.instant(), out);
    }

    /**
     * Everything kept about the customer, read in one step.
     *
     * @param customer whose state to read
     * @return the state; {@link CustomerState#isEmpty() empty} for a customer never seen (or erased)
     * @throws NullPointerException if {@code customer} is null
     */
    public CustomerState customer(CustomerId customer) {
        return state.read(requireNonNull(customer, "customer"));
    }

    /**
     * The campaign engine, for {@code decisions}, {@code explain} and {@code reevaluate}. It works
     * on the seam's stores but does not hold the customer: changes made through it directly are
     * not one step with the facade's.
     *
     * @return the engine, built over the seam's stores
     */
    public CampaignEngine engine() {
        return engine;
    }

    /**
     * The points ledger, for balances, statements and redemptions. A redemption that may race with
     * an {@link #erase} belongs inside the seam's {@link CustomerStateStore#update} of the customer.
     *
     * @return the ledger over the seam's ledger store; empty without a points program
     */
    public Optional<PointsLedger> points() {
        return points;
    }

    /**
     * The seam the facade works through.
     *
     * @return the store set with {@link Builder#state}
     */
    public CustomerStateStore state() {
        return state;
    }

    /** Configures a {@link Retention}; not thread-safe. */
    public static final class Builder {
        private CustomerStateStore state;
        private final List<Campaign> campaigns = new ArrayList<>();
        private PointsProgram program;
        private TierPolicy tiers;
        private MessageSender sender;
        private Clock clock;
        private Consumer<CampaignEngine.Builder> engineSettings = b -> {};

        private Builder() {}

        /**
         * Where customers' state lives: {@link CustomerStateStore#composedOf} your stores, or your
         * own seam. Required.
         *
         * @param state the seam
         * @return this builder
         */
        public Builder state(CustomerStateStore state) {
            this.state = requireNonNull(state, "state");
            return this;
        }

        /**
         * Adds a campaign; ids must be unique.
         *
         * @param campaign the campaign
         * @return this builder
         * @throws IllegalArgumentException if a campaign with the same id was added before
         */
        public Builder campaign(Campaign campaign) {
            requireNonNull(campaign, "campaign");
            checkArgument(campaigns.stream().noneMatch(c -> c.id().equals(campaign.id())),
                    "campaign id %s is used twice", campaign.id());
            campaigns.add(campaign);
            return this;
        }

        /**
         * The points program; without one, orders earn no points and refunds claw nothing back.
         *
         * @param program the program; its ledger is kept in the seam's ledger store
         * @return this builder
         */
        public Builder points(PointsProgram program) {
            this.program = requireNonNull(program, "program");
            return this;
        }

        /**
         * The tier policy whose tier multiplies an order's points; needs {@link #points}. Optional.
         *
         * @param tiers the policy; an order earns at the tier the customer had just before it
         * @return this builder
         */
        public Builder tiers(TierPolicy tiers) {
            this.tiers = requireNonNull(tiers, "tiers");
            return this;
        }

        /**
         * Where the campaigns' messages go. Required.
         *
         * @param sender the sender; called with no customer held
         * @return this builder
         */
        public Builder sender(MessageSender sender) {
            this.sender = requireNonNull(sender, "sender");
            return this;
        }

        /**
         * The clock giving the instant of every {@link Retention#onEvent}, {@link Retention#tick} and
         * export. Required.
         *
         * @param clock the clock, e.g. {@code Clock.systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The campaign engine's other settings (frequency caps, quiet hours, retries, send timeout,
         * lease, send executor), applied to the engine's builder when {@link #build} runs. Stores,
         * sender and clock come from this builder and replace any set here; a campaign added here
         * is added too, besides those of {@link #campaign}.
         *
         * @param settings what to apply to the engine's builder; replaces settings given before
         * @return this builder
         */
        public Builder engine(Consumer<CampaignEngine.Builder> settings) {
            this.engineSettings = requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Builds the facade, and its campaign engine and points ledger over the seam's stores.
         *
         * @return a new, thread-safe facade
         * @throws IllegalArgumentException if the state, the sender or the clock is not set, if
         *     tiers are set without points, or if the engine's settings are invalid (e.g. a campaign
         *     id used twice, a lease not longer than the send timeout)
         */
        public Retention build() {
            checkArgument(state != null, "state is not set");
            checkArgument(sender != null, "sender is not set");
            checkArgument(clock != null, "clock is not set");
            checkArgument(tiers == null || program != null, "tiers is set but points is not: tiers only multiply points");
            return new Retention(this);
        }
    }
}
