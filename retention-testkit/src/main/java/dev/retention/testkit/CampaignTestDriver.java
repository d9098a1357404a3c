package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.send.MessageSender;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.campaign.InMemoryFireLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs real campaigns offline, in a plain unit test, on a virtual clock: the retention analogue of
 * Kafka Streams' {@code TopologyTestDriver}. It wires a real {@link CampaignEngine} to in-memory
 * stores (or yours), a {@link VirtualClock} and a {@link TestSender} (recording around your own
 * {@link MessageSender}, if you give one), so delays, quiet hours, sequences, caps and retries
 * behave as in production, only without waiting.
 *
 * <pre>{@code
 * CampaignTestDriver driver = CampaignTestDriver.builder()
 *         .startingAt(Instant.parse("2026-03-02T09:00:00Z"))
 *         .campaign(winBack)
 *         .sender(new ShopMailer(fakeMailApi))                      // optional: your sender
 *         .engine(b -> b.quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))))
 *         .build();
 * driver.given(aCustomer("carla").withOrders(3).lastOrderedDaysAgo(50));
 * driver.advance(Duration.ofDays(30));
 * assertThat(driver.outbox()).sentTo(CustomerId.of("carla")).campaign("win-back").exactlyOnce();
 * }</pre>
 *
 * <h2>Your sender</h2>
 * With {@link Builder#sender}, the engine hands every message to your sender, addressed: its
 * {@link dev.retention.core.send.OutgoingMessage#recipient() recipient} is the email address (or
 * phone number) of the customer's profile, as in production, and a customer without one gets no
 * message (the decision is suppressed with cause {@code NO_CONTACT_POINT}). The outbox holds what
 * your sender accepted (answered sent or duplicate), with the instant it was sent; what it refused
 * is a failed or retried decision in the fire log. Scripted failures
 * ({@link TestSender#failNext}) answer before your sender is called.
 *
 * <h2>How time passes</h2>
 * {@link #advanceTo} moves the clock forward in steps and runs the engine's time-driven evaluation
 * ({@link CampaignEngine#tick(Instant)}) at the end of each step. A step ends at the earliest of:
 * the next multiple of the tick interval (every full hour by default, counted from the epoch, like a
 * scheduler running "every hour on the hour"); the earliest due time of a pending message in the fire
 * log (so deferred messages, later sequence steps and retries go out at exactly their due instant);
 * and the target. Triggers that fire because time passed (win-back, abandoned view) are therefore
 * found at the first tick at or after the instant they start to fire: with the default interval, at
 * most an hour late, as with a production scheduler ticking hourly. Set {@link Builder#tickEvery}
 * to trade precision for speed. The instant the clock starts a move from is never ticked again;
 * call {@link #tick()} to evaluate at the current instant.
 *
 * <p>{@link #pipe} first advances the clock to each event's time (ticking on the way) if that time
 * is later than now, then hands the event to {@link CampaignEngine#onEvent}, which evaluates that
 * customer at once. An event stamped in the past is delivered at the current instant.
 *
 * <p>Not thread-safe: a test drives it from one thread.
 */
public final class CampaignTestDriver {
    private final VirtualClock clock;
    private final EventStore events;
    private final ProfileStore profiles;
    private final FireLog fireLog;
    private final TestSender sender;
    private final CampaignEngine engine;
    private final Duration tickEvery;

    private CampaignTestDriver(Builder b) {
        this.clock = VirtualClock.at(b.start);
        this.events = b.events;
        this.profiles = b.profiles;
        this.fireLog = b.fireLog;
        this.sender = b.sender == null ? new TestSender(clock) : new TestSender(b.sender, clock);
        this.tickEvery = b.tickEvery;
        CampaignEngine.Builder configured = requireNonNull(b.engine.apply(CampaignEngine.builder()),
                "engine configuration returned null");
        // the driver's own parts last, whatever the configuration set: the test runs on them
        configured.events(events).profiles(profiles).fireLog(fireLog).sender(sender).clock(clock);
        b.campaigns.forEach(configured::campaign);
        this.engine = configured.build();
    }

    /**
     * A builder with the defaults of {@link Builder}.
     *
     * @return a new builder; set at least {@link Builder#startingAt}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores the customers' profiles and past events (relative to {@link #now()}) without evaluating
     * anything: the shop as it stands when the test begins. The next {@link #tick}, {@link #advance}
     * or {@link #pipe} sees them.
     *
     * @param customers the customers as they stand now; a customer given twice keeps the
     *     later profile and the events of both (repeated event ids are stored once)
     * @return this driver
     */
    public CampaignTestDriver given(CustomerFixture... customers) {
        for (CustomerFixture customer : customers) {
            requireNonNull(customer, "customer");
            profiles.put(customer.profile(now()));
            events.appendAll(customer.events(now()));
        }
        return this;
    }

    /**
     * Delivers the events in the given order, each at its own time: the clock first advances to the
     * event's {@code occurredAt} (ticking on the way) if that is later than now.
     *
     * @return the fire log entries the deliveries recorded or changed (ticks on the way excluded)
     * @param events the events to deliver, in this order
     */
    public List<FireEntry> pipe(CustomerEvent... events) {
        List<FireEntry> changed = new ArrayList<>();
        for (CustomerEvent event : events) {
            requireNonNull(event, "event");
            if (event.occurredAt().isAfter(now())) {
                advanceTo(event.occurredAt());
            }
            changed.addAll(engine.onEvent(event));
        }
        return changed;
    }

    /**
     * {@link #pipe(CustomerEvent...)} for a list.
     *
     * @param events the events to deliver, in this order
     * @return the fire log entries the deliveries recorded or changed (ticks on the way excluded)
     */
    public List<FireEntry> pipe(List<? extends CustomerEvent> events) {
        return pipe(events.toArray(CustomerEvent[]::new));
    }

    /**
     * Advances the clock by {@code duration}, ticking at every step (see the class comment).
     *
     * @param duration how long to let pass; zero does nothing
     * @return the new current instant
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Instant advance(Duration duration) {
        requireNonNull(duration, "duration");
        checkArgument(!duration.isNegative(), "duration must not be negative, got %s", duration);
        return advanceTo(now().plus(duration));
    }

    /**
     * Advances the clock to {@code target}, ticking at the end of every step on the way, the last
     * at {@code target} itself; does nothing if {@code target} is now.
     *
     * @throws IllegalArgumentException if {@code target} is before now
     * @param target the instant to move to, not before now
     * @return {@code target}, the new current instant
     */
    public Instant advanceTo(Instant target) {
        requireNonNull(target, "target");
        checkArgument(!target.isBefore(now()), "time never goes backwards: driver at %s, asked for %s", now(), target);
        while (now().isBefore(target)) {
            Instant next = nextGridPoint(now());
            Optional<Instant> due = earliestDueAfter(now());
            if (due.isPresent() && due.get().isBefore(next)) {
                next = due.get();
            }
            if (target.isBefore(next)) {
                next = target;
            }
            clock.advanceTo(next);
            engine.tick(next);
        }
        return now();
    }

    /**
     * Runs the engine's time-driven evaluation once at the current instant, without moving the clock.
     *
     * @return the fire log entries the evaluation recorded or changed
     */
    public List<FireEntry> tick() {
        return engine.tick(now());
    }

    /**
     * What was delivered so far, with the fire log for context.
     *
     * @return a snapshot: later sends do not change it
     */
    public Outbox outbox() {
        return new Outbox(sender.deliveries(), fireLog.entries().toList());
    }

    /**
     * Every decision the engine recorded: sent, pending, suppressed, held out, cancelled, failed.
     *
     * @return the driver's fire log, live (yours, if you gave one)
     */
    public FireLog fireLog() {
        return fireLog;
    }

    /**
     * Every decision about the customer, oldest first.
     *
     * @param customer the customer
     * @return the customer's fire log entries, oldest first; empty if there are none
     */
    public List<FireEntry> decisions(CustomerId customer) {
        return engine.decisions(customer);
    }

    /**
     * What the campaign would do with the customer now, and why (see {@link CampaignEngine#explain}).
     *
     * @param customer the customer
     * @param campaignId the id of one of the driver's campaigns
     * @return one sentence: the trigger's verdict, a re-entry refusal or the decision the guards would make
     */
    public String explain(CustomerId customer, String campaignId) {
        return engine.explain(customer, campaignId);
    }

    /**
     * The current instant of the virtual clock.
     *
     * @return the virtual clock's instant
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The virtual clock the engine runs on; move it with {@link #advance} or {@link #advanceTo}, which tick.
     *
     * @return the driver's clock
     */
    public VirtualClock clock() {
        return clock;
    }

    /**
     * The event store the engine reads: {@link #given} and {@link #pipe} write to it.
     *
     * @return the driver's event store, live (yours, if you gave one)
     */
    public EventStore events() {
        return events;
    }

    /**
     * The profile store the engine reads (consent, contact points, time zones).
     *
     * @return the driver's profile store, live (yours, if you gave one)
     */
    public ProfileStore profiles() {
        return profiles;
    }

    /**
     * The recording sender (around yours, if you gave one), to make sends fail
     * ({@link TestSender#failNext}) or count attempts.
     *
     * @return the driver's recording sender
     */
    public TestSender sender() {
        return sender;
    }

    /**
     * The engine itself, for what the driver does not wrap.
     *
     * @return the engine the driver runs
     */
    public CampaignEngine engine() {
        return engine;
    }

    /** The first multiple of the tick interval (from the epoch) strictly after {@code t}. */
    private Instant nextGridPoint(Instant t) {
        long interval = tickEvery.toMillis();
        long millis = t.toEpochMilli();
        long next = Math.floorDiv(millis, interval) * interval + interval;
        return Instant.ofEpochMilli(next);
    }

    private Optional<Instant> earliestDueAfter(Instant t) {
        return fireLog.entries().filter(FireEntry::isOpen).map(FireEntry::dueAt).filter(d -> d.isAfter(t))
                .min(Comparator.naturalOrder());
    }

    /**
     * Configures a {@link CampaignTestDriver}: what the test runs (campaigns, stores, your sender,
     * the scheduler's interval) here, the engine's own settings (frequency caps, quiet hours, retry
     * policy, lease, send timeout) through {@link #engine}, the one way the test kit configures an
     * engine, as {@link dev.retention.testkit.backtest.Backtest#engine} does. Defaults: in-memory
     * event, profile and fire log stores, the recording sender alone, the engine's defaults, a tick
     * every hour. The start instant must be set. Not thread-safe.
     */
    public static final class Builder {
        private Instant start;
        private EventStore events = new InMemoryEventStore();
        private ProfileStore profiles = new InMemoryProfileStore();
        private FireLog fireLog = new InMemoryFireLog();
        private final List<Campaign> campaigns = new ArrayList<>();
        private MessageSender sender;
        private UnaryOperator<CampaignEngine.Builder> engine = UnaryOperator.identity();
        private Duration tickEvery = Duration.ofHours(1);

        private Builder() {
        }

        /**
         * Where the virtual clock starts; required.
         *
         * @param start the virtual clock's first instant
         * @return this builder
         */
        public Builder startingAt(Instant start) {
            this.start = requireNonNull(start, "start");
            return this;
        }

        /**
         * Adds a campaign for the engine to run.
         *
         * @param campaign the campaign; ids must be distinct
         * @return this builder
         */
        public Builder campaign(Campaign campaign) {
            campaigns.add(requireNonNull(campaign, "campaign"));
            return this;
        }

        /**
         * Adds campaigns for the engine to run.
         *
         * @param campaigns the campaigns; ids must be distinct
         * @return this builder
         */
        public Builder campaigns(Campaign... campaigns) {
            for (Campaign campaign : campaigns) {
                campaign(campaign);
            }
            return this;
        }

        /**
         * Your event store instead of an in-memory one, e.g. to run the campaigns over your JDBC store.
         *
         * @param events the store the driver stores events in and the engine reads
         * @return this builder
         */
        public Builder events(EventStore events) {
            this.events = requireNonNull(events, "events");
            return this;
        }

        /**
         * Your profile store instead of an in-memory one.
         *
         * @param profiles the store the driver stores profiles in and the engine reads
         * @return this builder
         */
        public Builder profiles(ProfileStore profiles) {
            this.profiles = requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * Your fire log instead of an in-memory one.
         *
         * @param fireLog the fire log the engine records its decisions in
         * @return this builder
         */
        public Builder fireLog(FireLog fireLog) {
            this.fireLog = requireNonNull(fireLog, "fireLog");
            return this;
        }

        /**
         * Your sender: the engine sends through it, the driver records around it (see the class
         * comment). Without one, the driver's {@link TestSender} delivers everything itself.
         *
         * @param sender your sender; the engine calls it from the test's thread
         * @return this builder
         */
        public Builder sender(MessageSender sender) {
            this.sender = requireNonNull(sender, "sender");
            return this;
        }

        /**
         * The engine's own settings, on its builder, e.g.
         * {@code b -> b.frequencyCap(cap).quietHours(q).retry(r)}. The driver sets the stores, the
         * sender, the clock and the campaigns after the function, replacing what it set for them: set
         * those through this builder. Called once, by {@link #build()}; a later call replaces it.
         *
         * @param configure sets the engine's settings on the builder it is given and returns it
         * @return this builder
         */
        public Builder engine(UnaryOperator<CampaignEngine.Builder> configure) {
            this.engine = requireNonNull(configure, "configure");
            return this;
        }

        /**
         * The scheduler interval the driver imitates: it ticks at every multiple of it (from the
         * epoch), besides every pending message's due time. A whole number of milliseconds, at least
         * one; default one hour.
         *
         * @param interval the scheduler's interval
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is less than a millisecond or not a whole
         *     number of milliseconds
         */
        public Builder tickEvery(Duration interval) {
            requireNonNull(interval, "interval");
            checkArgument(interval.toMillis() >= 1 && interval.equals(Duration.ofMillis(interval.toMillis())),
                    "tickEvery must be a whole number of milliseconds, at least 1, got %s", interval);
            this.tickEvery = interval;
            return this;
        }

        /**
         * The driver, its engine built.
         *
         * @throws IllegalArgumentException if {@link #startingAt} was not called, or the engine
         *     refuses the configuration (e.g. two campaigns with one id)
         * @return the driver, its clock at the start instant
         */
        public CampaignTestDriver build() {
            checkArgument(start != null, "startingAt is not set");
            return new CampaignTestDriver(this);
        }
    }
}
