package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Striped;
import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs campaigns: decides which customers enter which campaign, records every decision in the
 * {@link FireLog}, and sends what is due through the {@link MessageSender}.
 *
 * <pre>{@code
 * CampaignEngine engine = CampaignEngine.builder()
 *         .events(eventStore).profiles(profileStore).fireLog(fireLog)
 *         .sender(sender).clock(Clock.systemUTC())
 *         .frequencyCap(FrequencyCap.overall(3, Duration.ofDays(7)))
 *         .quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0)))
 *         .campaign(abandonedView).campaign(winBack)
 *         .build();
 * engine.onEvent(event);          // on every event from the shop
 * engine.tick(clock.instant());   // every few minutes, from the shop's scheduler
 * }</pre>
 *
 * <h2>What happens when</h2>
 * {@link #onEvent} stores the event, evaluates every campaign for that customer only, and sends
 * that customer's due messages. {@link #tick} evaluates every customer (time-driven triggers such
 * as win-back fire because time passed), then sends every due message: deferred ones, later
 * sequence steps and retries. A new engine over an existing fire log resumes its pending messages
 * on the first {@code tick} (or {@link #resume}).
 *
 * <h2>Decisions</h2>
 * When a trigger fires, campaigns are decided in priority order (highest first). The re-entry
 * policy ({@link ReEntry}) may refuse silently; otherwise the decision is recorded as suppressed
 * for lack of consent, within the cooldown or over a frequency cap; as held out; or as pending,
 * due now or at the end of the quiet hours. Right before a send, consent, cooldown, quiet hours,
 * caps and, for later sequence steps, the exit conditions are checked again. Pending entries of
 * campaigns the engine no longer has are still sent (guards permitting), without later steps.
 * {@link #decisions} lists what was decided and why; {@link #explain} says what would happen now.
 *
 * <h2>Guarantees</h2>
 * Every decision is recorded before its message is sent, with an idempotency key derived from
 * campaign, customer, entry and step. Before calling the sender, the engine claims the entry
 * ({@link FireStatus#IN_FLIGHT}, leased until {@code now + lease} on its clock), so no other engine
 * over the same fire log sends it while the lease holds: at most one send per key while leases
 * hold. A crash before or during a send loses nothing: once the lease ends, another engine takes
 * the entry over and sends it, with the same key; that is the one case in which the sender sees a
 * key twice. A sender that hangs, throws or answers null fails one attempt of one entry; a customer
 * whose trigger throws is skipped and logged; neither stops the call.
 *
 * <p>Thread-safe: decisions for one customer are serialised by a lock per customer, calls for
 * different customers may run in parallel, and no lock is held while the sender runs. Sends run on
 * the {@linkplain Builder#sendExecutor executor} given to the builder (the caller owns those
 * threads), or else on up to 64 daemon threads the engine starts on demand; the calling thread
 * waits for each at most the {@linkplain Builder#sendTimeout send timeout}. A sender that never
 * blocks (it writes an outbox row or puts the message on a queue) may instead run on the calling
 * thread ({@link Builder#sendOnCallingThread}), which saves a thread handoff per message.
 */
public final class CampaignEngine {
    private static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);

    private final Clock clock;
    private final EngineParts parts;
    private final Decider decider;
    private final Dispatcher dispatcher;
    private final BoundedSender sender;
    private final Comparator<FireEntry> dispatchOrder;
    private final Striped<Lock> locks = Striped.lock(256);
    /** The caller's hold of a customer, or null for {@link #locks}. */
    private final CustomerHold hold;

    private CampaignEngine(Builder b) {
        this.clock = b.clock;
        this.hold = b.hold;
        List<Campaign> byPriority = new ArrayList<>(b.campaigns.values());
        byPriority.sort(Comparator.comparingInt(Campaign::priority).reversed().thenComparing(Campaign::id));
        this.parts = new EngineParts(b.events, b.profiles, b.fireLog, Map.copyOf(b.campaigns),
                List.copyOf(byPriority), new Guards(b.caps, Optional.ofNullable(b.quietHours)), b.retry, b.lease);
        this.sender = new BoundedSender(b.sender,
                b.onCallingThread ? null : b.sendExecutor != null ? b.sendExecutor : SendThreads.create(), b.sendTimeout);
        this.decider = new Decider(parts);
        this.dispatcher = new Dispatcher(parts);
        // among messages due together, the higher priority goes first and so wins a tight cap
        this.dispatchOrder = Comparator.comparing(FireEntry::dueAt)
                .thenComparing(Comparator.comparingInt(parts::priority).reversed())
                .thenComparing(FireEntry::key);
    }

    /**
     * Starts an engine; events, profiles, fire log, sender and clock are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores the event, then evaluates the event's customer at the clock's current instant and
     * sends their due messages. Triggers see events at or before that instant, so an event stamped
     * later (a clock running behind the shop's) counts from a later evaluation on. Re-delivering an
     * event is harmless: the store keeps one per id and decisions are not repeated.
     *
     * @param event the shop's event
     * @return the entries this call recorded or changed, in order; unmodifiable
     * @throws IllegalArgumentException if the event store refuses the event (see {@code EventStore#append})
     */
    public List<FireEntry> onEvent(CustomerEvent event) {
        requireNonNull(event, "event");
        parts.events().append(event);
        return reevaluate(event.customerId());
    }

    /**
     * Evaluates one customer at the clock's current instant and sends their due messages, e.g.
     * after their profile (consent, birthday) changed.
     *
     * @param customer the customer
     * @return the entries this call recorded or changed, in order; unmodifiable
     */
    public List<FireEntry> reevaluate(CustomerId customer) {
        requireNonNull(customer, "customer");
        Instant now = clock.instant();
        if (hold != null) {
            List<FireEntry> decided = hold.hold(customer, () -> decide(customer, parts.fireLog().entries(customer), now));
            List<FireEntry> out = new ArrayList<>(decided);
            out.addAll(sendDue(customer, now));
            return Collections.unmodifiableList(out);
        }
        Lock lock = locks.get(customer); // not locked(...): a capturing lambda per event is garbage per event
        List<FireEntry> decided;
        List<FireEntry> due;
        CustomerProfile profile;
        lock.lock();
        try {
            List<FireEntry> log = parts.fireLog().entries(customer);
            profile = parts.profiles().profileOrUnknown(customer);
            decided = decider.decide(customer, parts.events().history(customer), profile, log, now);
            // the due entries from what was just read and decided: most events find none and read nothing more
            due = due(decided, due(log, null, now), now);
        } finally {
            lock.unlock();
        }
        if (due == null) {
            return decided.isEmpty() ? decided : Collections.unmodifiableList(decided);
        }
        List<FireEntry> out = new ArrayList<>(decided);
        out.addAll(dispatchLoop(due, () -> dueOf(customer, now), profile, now));
        return Collections.unmodifiableList(out);
    }

    /**
     * The first half of {@link #reevaluate}: evaluates one customer at {@code now} and records the
     * decisions, sending nothing. For a caller that changes one customer's state
     * in one step (one lock, one transaction) and sends after it, as an outbox is meant to be used:
     * the {@code Retention} facade calls this inside the customer's step and {@link #sendDue} after.
     *
     * @param customer the customer to evaluate
     * @param now the instant to evaluate at
     * @return the entries this call recorded or changed, in order; unmodifiable
     */
    public List<FireEntry> decide(CustomerId customer, Instant now) {
        requireNonNull(customer, "customer");
        requireNonNull(now, "now");
        List<FireEntry> decided = locked(customer, () -> decide(customer, parts.fireLog().entries(customer), now));
        return decided.isEmpty() ? decided : Collections.unmodifiableList(decided);
    }

    /**
     * {@link #decide(CustomerId, Instant)} for a caller that already holds the customer with the
     * hold given to {@link Builder#holdCustomersWith} (the {@code Retention} facade, inside the
     * seam's {@code update} of the customer): the same decisions, without taking the hold again. An
     * engine without such a hold takes its own lock, exactly as {@code decide} does.
     *
     * @param customer the customer to evaluate, held by the calling thread
     * @param now the instant to evaluate at
     * @return the entries this call recorded or changed, in order; unmodifiable
     */
    public List<FireEntry> decideHolding(CustomerId customer, Instant now) {
        requireNonNull(customer, "customer");
        requireNonNull(now, "now");
        if (hold == null) {
            return decide(customer, now);
        }
        List<FireEntry> decided = decide(customer, parts.fireLog().entries(customer), now);
        return decided.isEmpty() ? decided : Collections.unmodifiableList(decided);
    }

    /**
     * The second half of {@link #reevaluate}: sends the customer's messages due at {@code now}
     * (claims each under the customer's lock, sends with no lock held, settles), with the guards
     * checked again right before each send.
     *
     * @param customer the customer whose messages to send
     * @param now the current instant: open entries due at or before it are sent
     * @return the entries this call changed, in order; unmodifiable
     */
    public List<FireEntry> sendDue(CustomerId customer, Instant now) {
        requireNonNull(customer, "customer");
        requireNonNull(now, "now");
        List<FireEntry> due = dueOf(customer, now);
        return Collections.unmodifiableList(dispatchLoop(due, () -> dueOf(customer, now), null, now));
    }

    /** Adds the entries of {@code entries} claimable at {@code now} to {@code due}, made if needed; may return null. */
    private static List<FireEntry> due(List<FireEntry> entries, List<FireEntry> due, Instant now) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            FireEntry e = entries.get(i);
            if (e.isClaimable(now)) {
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(e);
            }
        }
        return due;
    }

    private List<FireEntry> decide(CustomerId customer, List<FireEntry> log, Instant now) {
        return decider.decide(customer, parts.events().historyInStep(customer), parts.profiles().profileOrUnknown(customer),
                log, now);
    }

    /**
     * {@link #tick(Instant)} at the clock's current instant.
     *
     * @return the entries this call recorded or changed, in order
     */
    public List<FireEntry> tick() {
        return tick(clock.instant());
    }

    /**
     * Evaluates every customer (with events or a profile) at {@code now}, in customer id order,
     * then sends every message due at or before {@code now}. Reads every customer, so call it from a
     * scheduler every few minutes, not per request; a customer whose trigger throws is skipped.
     *
     * @param now the instant of evaluation, normally the clock's
     * @return the entries this call recorded or changed, in order
     */
    public List<FireEntry> tick(Instant now) {
        requireNonNull(now, "now");
        Set<CustomerId> customers = new TreeSet<>();
        try (Stream<CustomerId> ids = parts.events().customerIds()) {
            ids.forEach(customers::add);
        }
        parts.profiles().profiles().forEach(p -> customers.add(p.customerId()));
        List<FireEntry> out = new ArrayList<>();
        for (CustomerId customer : customers) {
            out.addAll(locked(customer, () -> decide(customer, parts.fireLog().entries(customer), now)));
        }
        out.addAll(dispatchAll(now));
        return out;
    }

    /**
     * Sends every message due at the clock's current instant without evaluating triggers, e.g. on start-up.
     *
     * @return the entries this call changed, in order
     */
    public List<FireEntry> resume() {
        return dispatchAll(clock.instant());
    }

    /**
     * Every decision about the customer, oldest first: the answer to "why did (or didn't) they get it?".
     *
     * @param customer the customer
     * @return the customer's fire-log entries in the order recorded, each in its current state; a snapshot
     */
    public List<FireEntry> decisions(CustomerId customer) {
        return parts.fireLog().entries(requireNonNull(customer, "customer"));
    }

    /**
     * Says, in a sentence, what the campaign would do with the customer at the clock's current
     * instant and why: not triggered, triggered but not re-entering (and since when), or the
     * decision the guards would make. Records and sends nothing.
     *
     * @param customer the customer
     * @param campaignId the id of one of the engine's campaigns
     * @return the sentence, for people (not a stable format)
     * @throws IllegalArgumentException if the engine has no campaign with that id
     */
    public String explain(CustomerId customer, String campaignId) {
        requireNonNull(customer, "customer");
        Campaign campaign = parts.campaign(campaignId).orElseThrow(() -> new IllegalArgumentException(
                "no campaign with id " + campaignId + "; campaigns: " + parts.campaigns().keySet()));
        Instant now = clock.instant();
        return locked(customer, () -> decider.explain(campaign, customer, now));
    }

    /**
     * The fire log the engine records its decisions in.
     *
     * @return the fire log given to the builder
     */
    public FireLog fireLog() {
        return parts.fireLog();
    }

    private List<FireEntry> dispatchAll(Instant now) {
        Supplier<List<FireEntry>> due = () -> parts.fireLog().due(now);
        return dispatchLoop(due.get(), due, null, now);
    }

    private List<FireEntry> dueOf(CustomerId customer, Instant now) {
        List<FireEntry> due = due(parts.fireLog().entries(customer), null, now);
        return due == null ? List.of() : due;
    }

    /**
     * Dispatches {@code first}, then whatever {@code dueEntries} says is due and this call has not
     * handled, as long as a dispatched entry has a later sequence step (the only entries that can
     * fall due during the call: retries and deferrals keep their key and are due later).
     *
     * @param profile the profile of the one customer whose entries these are, if the caller has read it
     */
    private List<FireEntry> dispatchLoop(List<FireEntry> first, Supplier<List<FireEntry>> dueEntries,
            CustomerProfile profile, Instant now) {
        if (first.isEmpty()) {
            return List.of(); // the common case: nothing due, nothing to allocate
        }
        List<FireEntry> out = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        List<FireEntry> next = first;
        while (true) {
            List<FireEntry> due = new ArrayList<>(next.size());
            for (FireEntry e : next) {
                if (!handled.contains(e.key())) {
                    due.add(e);
                }
            }
            if (due.isEmpty()) {
                return out;
            }
            due.sort(dispatchOrder);
            boolean laterSteps = false;
            for (FireEntry entry : due) {
                handled.add(entry.key());
                FireEntry changed = dispatch(entry, profile, now);
                if (changed != null) {
                    out.add(changed);
                }
                Campaign campaign = parts.campaigns().get(entry.campaignId());
                laterSteps |= campaign != null && campaign.steps().size() > entry.step() + 1;
            }
            if (!laterSteps) {
                return out;
            }
            next = dueEntries.get();
        }
    }

    /**
     * The entry's changed state, or null. Claims and settles under the customer's lock, and sends
     * in between with no lock held, so a slow send holds up no other customer. No capturing lambda,
     * as this runs for every decision.
     */
    private FireEntry dispatch(FireEntry entry, CustomerProfile profile, Instant now) {
        if (hold != null) {
            return heldDispatch(entry, profile, now);
        }
        Lock lock = locks.get(entry.customerId());
        FireEntry changed;
        lock.lock();
        try {
            changed = dispatcher.claim(entry.key(), profile, now).orElse(null);
        } finally {
            lock.unlock();
        }
        if (changed == null || !changed.isInFlight()) {
            return changed;
        }
        Optional<OutgoingMessage> addressed = dispatcher.addressed(changed, profile);
        // the claim checked the contact point; only a profile changed since then gets here without one
        DeliveryResult result = addressed.isPresent() ? sender.send(addressed.get())
                : DeliveryResult.permanentFailure("no " + changed.message().channel() + " contact point in the profile");
        lock.lock();
        try {
            return dispatcher.settle(changed, result, now).orElse(null);
        } finally {
            lock.unlock();
        }
    }

    /** {@link #dispatch} under the caller's {@link CustomerHold}: the claim and the settling each one hold. */
    private FireEntry heldDispatch(FireEntry entry, CustomerProfile profile, Instant now) {
        FireEntry changed = hold.hold(entry.customerId(),
                () -> dispatcher.claim(entry.key(), profile, now).orElse(null));
        if (changed == null || !changed.isInFlight()) {
            return changed;
        }
        Optional<OutgoingMessage> addressed = dispatcher.addressed(changed, profile);
        DeliveryResult result = addressed.isPresent() ? sender.send(addressed.get())
                : DeliveryResult.permanentFailure("no " + changed.message().channel() + " contact point in the profile");
        return hold.hold(entry.customerId(), () -> dispatcher.settle(changed, result, now).orElse(null));
    }

    private <T> T locked(CustomerId customer, Supplier<T> work) {
        if (hold != null) {
            return hold.hold(customer, work);
        }
        Lock lock = locks.get(customer);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Configures a {@link CampaignEngine}; not thread-safe. */
    public static final class Builder {
        private EventStore events;
        private ProfileStore profiles;
        private FireLog fireLog;
        private MessageSender sender;
        private Clock clock;
        private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
        private final List<FrequencyCap> caps = new ArrayList<>();
        private QuietHours quietHours;
        private RetryPolicy retry = RetryPolicy.ofDefaults();
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private Duration lease = DEFAULT_LEASE;
        private CustomerHold hold;
        private Executor sendExecutor;
        private boolean onCallingThread;

        private Builder() {
        }

        /**
         * Where events are stored and histories read; required.
         *
         * @param events the event store
         * @return this builder
         */
        public Builder events(EventStore events) {
            this.events = requireNonNull(events, "events");
            return this;
        }

        /**
         * Where profiles (consent, time zone, birthday) are read; required. A customer without a stored profile
         * is evaluated with an unknown one (no consent, so nothing is sent to them).
         *
         * @param profiles the profile store
         * @return this builder
         */
        public Builder profiles(ProfileStore profiles) {
            this.profiles = requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * Where decisions are recorded; required. Several engines may share one fire log (see the class
         * comment's guarantees).
         *
         * @param fireLog the fire log
         * @return this builder
         */
        public Builder fireLog(FireLog fireLog) {
            this.fireLog = requireNonNull(fireLog, "fireLog");
            return this;
        }

        /**
         * What sends the messages; required. Called with no lock held, on the send executor.
         *
         * @param sender the sender
         * @return this builder
         */
        public Builder sender(MessageSender sender) {
            this.sender = requireNonNull(sender, "sender");
            return this;
        }

        /**
         * The engine's clock, for {@link CampaignEngine#onEvent}, {@link CampaignEngine#tick()} and leases;
         * required.
         *
         * @param clock the clock, e.g. {@code Clock.systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a campaign.
         *
         * @param campaign the campaign
         * @return this builder
         * @throws IllegalArgumentException if a campaign with the same id was added
         */
        public Builder campaign(Campaign campaign) {
            requireNonNull(campaign, "campaign");
            checkArgument(!campaigns.containsKey(campaign.id()), "campaign id %s is used twice", campaign.id());
            campaigns.put(campaign.id(), campaign);
            return this;
        }

        /**
         * Adds a frequency cap; every cap applies, across all campaigns. None by default.
         *
         * @param cap the cap
         * @return this builder
         */
        public Builder frequencyCap(FrequencyCap cap) {
            caps.add(requireNonNull(cap, "cap"));
            return this;
        }

        /**
         * Hours of the customer's local day when nothing is sent (deferred, not dropped); none by default.
         *
         * @param quietHours the quiet hours
         * @return this builder
         */
        public Builder quietHours(QuietHours quietHours) {
            this.quietHours = requireNonNull(quietHours, "quietHours");
            return this;
        }

        /**
         * How failed sends are retried; default {@link RetryPolicy#ofDefaults()}.
         *
         * @param retry the retry policy
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = requireNonNull(retry, "retry");
            return this;
        }

        /**
         * How long the engine waits for one call to the sender; default 5 seconds. A call still
         * running then counts as a failed attempt, retried later (per the {@link RetryPolicy}) with
         * the same idempotency key; the engine interrupts its thread and moves on.
         *
         * @param sendTimeout the timeout, positive and shorter than the lease (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code sendTimeout} is zero or negative
         */
        public Builder sendTimeout(Duration sendTimeout) {
            requireNonNull(sendTimeout, "sendTimeout");
            checkArgument(!sendTimeout.isNegative() && !sendTimeout.isZero(), "sendTimeout must be positive, got %s", sendTimeout);
            this.sendTimeout = sendTimeout;
            return this;
        }

        /**
         * How long, on the engine's clock, a claim keeps other engines over the same fire log from
         * sending the entry; default 1 minute. Must be longer than the send timeout: after it, the
         * claim counts as abandoned (its engine died mid-send) and another engine sends the entry
         * again with the same idempotency key.
         *
         * @param lease the lease, positive and longer than the send timeout (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code lease} is zero or negative
         */
        public Builder lease(Duration lease) {
            requireNonNull(lease, "lease");
            checkArgument(!lease.isNegative() && !lease.isZero(), "lease must be positive, got %s", lease);
            this.lease = lease;
            return this;
        }

        /**
         * Serialise each customer's decisions, claims and settlements with the caller's hold of
         * the customer instead of a lock of the engine's own, e.g. {@code state::update} of the
         * per-customer seam whose views the engine reads. Required when the caller calls the
         * engine while holding a customer (inside {@code update}) and the stores take the
         * customer's lock on writes, as the native in-memory seam does: with two locks per customer,
         * one taken in each order, two threads could wait for each other. The {@code Retention}
         * facade does this for its engine.
         *
         * @param hold the caller's hold, re-entrant
         * @return this builder
         * @throws NullPointerException if {@code hold} is null
         */
        public Builder holdCustomersWith(CustomerHold hold) {
            this.hold = requireNonNull(hold, "hold");
            return this;
        }

        /**
         * The threads that call the sender, owned by the caller (who shuts them down). The engine
         * hands each send to it and waits for the answer up to the send timeout; an executor that
         * runs tasks in the calling thread makes the timeout unenforceable. By default the engine
         * uses up to 64 daemon threads of its own, started on demand and ended after a minute idle.
         *
         * @param sendExecutor the executor
         * @return this builder
         */
        public Builder sendExecutor(Executor sendExecutor) {
            this.sendExecutor = requireNonNull(sendExecutor, "sendExecutor");
            return this;
        }

        /**
         * Calls the sender on the thread that decided the message (the thread in {@code onEvent},
         * {@code tick} or {@code sendDue}), for a sender that never blocks: one that writes the
         * message to an outbox table in the shop's own database, or hands it to an in-memory queue
         * that a mail or push worker drains. It saves the default's thread handoff per message (a
         * task, a wake-up and a wait: tens of microseconds, more than the engine's own work per
         * event). The send timeout is then not enforced, since no second thread can give up on the
         * call: a sender that hangs holds the calling thread (no lock of the engine or the store is
         * held meanwhile, as with the default). A sender that throws or answers null is answered
         * as with the default: a failed attempt of that entry, never an exception out of the
         * engine. Not with {@link #sendExecutor}.
         *
         * @return this builder
         */
        public Builder sendOnCallingThread() {
            this.onCallingThread = true;
            return this;
        }

        /**
         * Builds the engine; campaigns are decided in priority order, highest first, then by id.
         *
         * @return the thread-safe engine
         * @throws IllegalArgumentException if events, profiles, fire log, sender or clock is not set, the
         *     lease is not longer than the send timeout, or the sender refuses a campaign step's
         *     template ({@link MessageSender#check}: a template the sender does not have, or one using
         *     a field the step's messages will not carry), naming the campaign and the step, or both
         *     {@link #sendOnCallingThread} and {@link #sendExecutor} are set
         */
        public CampaignEngine build() {
            checkArgument(events != null, "events is not set");
            checkArgument(profiles != null, "profiles is not set");
            checkArgument(fireLog != null, "fireLog is not set");
            checkArgument(sender != null, "sender is not set");
            checkArgument(clock != null, "clock is not set");
            checkArgument(lease.compareTo(sendTimeout) > 0, "lease (%s) must be longer than sendTimeout (%s)", lease,
                    sendTimeout);
            checkArgument(!onCallingThread || sendExecutor == null,
                    "sendOnCallingThread and sendExecutor both set: the sends run on one or the other");
            campaigns.values().forEach(this::checkSender);
            return new CampaignEngine(this);
        }

        /**
         * Asks the sender whether it can deliver every step (and A/B variant) of the campaign, so a
         * template that uses a field the messages will not carry fails here, not in a customer's letter.
         */
        private void checkSender(Campaign campaign) {
            Set<String> fields = Decider.messageFields(campaign);
            List<Step> steps = campaign.steps();
            for (int i = 0; i < steps.size(); i++) {
                Message message = steps.get(i).message();
                // with variants, the first message's own template is never sent: each variant's is
                List<String> templates = i == 0 && !campaign.variants().isEmpty()
                        ? campaign.variants().stream().map(Variant::templateId).toList()
                        : List.of(message.templateId());
                for (String template : templates) {
                    try {
                        sender.check(new PlannedMessage(campaign.id(), i, message.channel(), template, fields));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("campaign " + campaign.id() + ", step " + i + " of "
                                + steps.size() + " (" + message.channel() + ", trigger " + campaign.trigger().name()
                                + ", whose firings always carry " + new TreeSet<>(campaign.trigger().payloadFields())
                                + "): " + e.getMessage(), e);
                    }
                }
            }
        }
    }
}
