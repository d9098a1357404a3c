package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.campaign.FrequencyCap;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.QuietHours;
import dev.retention.rules.campaign.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs real campaigns offline, in a plain unit test, on a virtual clock: the retention analogue of
 * Kafka Streams' {@code TopologyTestDriver}. It wires a real {@link CampaignEngine} to in-memory
 * stores (or yours), a {@link VirtualClock} and a {@link TestSender}, so delays, quiet hours,
 * sequences, caps and retries behave as in production, only without waiting.
 *
 * <pre>{@code
 * CampaignTestDriver driver = CampaignTestDriver.builder()
 *         .startingAt(Instant.parse("2026-03-02T09:00:00Z"))
 *         .campaign(winBack)
 *         .build();
 * driver.given(aCustomer("carla").withOrders(3).lastOrderedDaysAgo(50));
 * driver.advance(Duration.ofDays(30));
 * assertThat(driver.outbox()).sentTo(CustomerId.of("carla")).campaign("win-back").exactlyOnce();
 * }</pre>
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
        this.sender = new TestSender();
        this.tickEvery = b.tickEvery;
        CampaignEngine.Builder engineBuilder = CampaignEngine.builder().events(events).profiles(profiles)
                .fireLog(fireLog).sender(sender).clock(clock).retry(b.retry);
        b.campaigns.forEach(engineBuilder::campaign);
        b.caps.forEach(engineBuilder::frequencyCap);
        if (b.quietHours != null) {
            engineBuilder.quietHours(b.quietHours);
        }
        this.engine = engineBuilder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores the customers' profiles and past events (relative to {@link #now()}) without evaluating
     * anything: the shop as it stands when the test begins. The next {@link #tick}, {@link #advance}
     * or {@link #pipe} sees them.
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

    /** {@link #pipe(CustomerEvent...)} for a list. */
    public List<FireEntry> pipe(List<? extends CustomerEvent> events) {
        return pipe(events.toArray(CustomerEvent[]::new));
    }

    /** Advances the clock by {@code duration}, ticking at every step (see the class comment). */
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

    /** Runs the engine's time-driven evaluation once at the current instant, without moving the clock. */
    public List<FireEntry> tick() {
        return engine.tick(now());
    }

    /** What was delivered so far, with the fire log for context. */
    public Outbox outbox() {
        return new Outbox(sender.delivered(), fireLog.entries().toList());
    }

    /** Every decision the engine recorded: sent, pending, suppressed, held out, cancelled, failed. */
    public FireLog fireLog() {
        return fireLog;
    }

    /** Every decision about the customer, oldest first. */
    public List<FireEntry> decisions(CustomerId customer) {
        return engine.decisions(customer);
    }

    /** What the campaign would do with the customer now, and why (see {@link CampaignEngine#explain}). */
    public String explain(CustomerId customer, String campaignId) {
        return engine.explain(customer, campaignId);
    }

    public Instant now() {
        return clock.instant();
    }

    public VirtualClock clock() {
        return clock;
    }

    public EventStore events() {
        return events;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    /** The sender, to make sends fail ({@link TestSender#failNext}) or count attempts. */
    public TestSender sender() {
        return sender;
    }

    /** The engine itself, for what the driver does not wrap. */
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
     * Configures a {@link CampaignTestDriver}. Defaults: in-memory event, profile and fire log
     * stores, no frequency caps, no quiet hours, {@link RetryPolicy#ofDefaults()}, a tick every
     * hour. The start instant must be set. Not thread-safe.
     */
    public static final class Builder {
        private Instant start;
        private EventStore events = new InMemoryEventStore();
        private ProfileStore profiles = new InMemoryProfileStore();
        private FireLog fireLog = new InMemoryFireLog();
        private final List<Campaign> campaigns = new ArrayList<>();
        private final List<FrequencyCap> caps = new ArrayList<>();
        private QuietHours quietHours;
        private RetryPolicy retry = RetryPolicy.ofDefaults();
        private Duration tickEvery = Duration.ofHours(1);

        private Builder() {
        }

        /** Where the virtual clock starts; required. */
        public Builder startingAt(Instant start) {
            this.start = requireNonNull(start, "start");
            return this;
        }

        public Builder campaign(Campaign campaign) {
            campaigns.add(requireNonNull(campaign, "campaign"));
            return this;
        }

        public Builder campaigns(Campaign... campaigns) {
            for (Campaign campaign : campaigns) {
                campaign(campaign);
            }
            return this;
        }

        public Builder events(EventStore events) {
            this.events = requireNonNull(events, "events");
            return this;
        }

        public Builder profiles(ProfileStore profiles) {
            this.profiles = requireNonNull(profiles, "profiles");
            return this;
        }

        public Builder fireLog(FireLog fireLog) {
            this.fireLog = requireNonNull(fireLog, "fireLog");
            return this;
        }

        /** Adds a frequency cap; every cap applies. */
        public Builder frequencyCap(FrequencyCap cap) {
            caps.add(requireNonNull(cap, "cap"));
            return this;
        }

        public Builder quietHours(QuietHours quietHours) {
            this.quietHours = requireNonNull(quietHours, "quietHours");
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = requireNonNull(retry, "retry");
            return this;
        }

        /**
         * The scheduler interval the driver imitates: it ticks at every multiple of it (from the
         * epoch), besides every pending message's due time. A whole number of milliseconds, at least
         * one; default one hour.
         */
        public Builder tickEvery(Duration interval) {
            requireNonNull(interval, "interval");
            checkArgument(interval.toMillis() >= 1 && interval.equals(Duration.ofMillis(interval.toMillis())),
                    "tickEvery must be a whole number of milliseconds, at least 1, got %s", interval);
            this.tickEvery = interval;
            return this;
        }

        public CampaignTestDriver build() {
            checkArgument(start != null, "startingAt is not set");
            return new CampaignTestDriver(this);
        }
    }
}
