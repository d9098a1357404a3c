package dev.retention.testkit.backtest;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.RecordingSender;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.metrics.OrderLog;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Step;
import dev.retention.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What would these campaigns have done? Replays a historical event log in time order through a
 * real {@link CampaignEngine} on a {@link VirtualClock} with a recording sender, and reports per
 * campaign the messages that would have been sent, the customers reached, the held-out customers
 * and the conversion of treated versus held-out customers.
 *
 * <pre>{@code
 * BacktestResult result = Backtest.of(winBack, loyaltyThreshold)
 *         .over(events)                                   // events (a collection or stream) or an EventStore
 *         .from(Instant.parse("1997-01-01T00:00:00Z"))
 *         .to(Instant.parse("1998-07-01T00:00:00Z"));     // runs the replay
 * }</pre>
 *
 * <h2>The replay</h2>
 * <ul>
 *   <li>Events before {@code from} are history: stored before the replay starts, without any
 *       evaluation, so the campaigns see what the customers did before.
 *   <li>Events in {@code [from, to)} are handed to {@link CampaignEngine#onEvent} in time order
 *       (ties in the log's order), each with the clock set to the event's time.
 *   <li>The engine's {@link CampaignEngine#tick} runs at every midnight UTC in {@code [from, to)},
 *       after the events stamped at or before that midnight, so time-driven triggers (win-back)
 *       fire on the first midnight their condition holds, and deferred messages and later
 *       sequence steps are sent at the first midnight at or after they are due.
 *   <li>Events at or after {@code to} are not replayed, but they count for conversion: an order
 *       in {@code [decidedAt, decidedAt + conversionWindow)} converts, also after {@code to}.
 * </ul>
 * Customers without a profile (an order log usually has none) are taken to have consented to
 * every channel the campaigns use; pass {@link #profiles} to use real consent records. The engine
 * has no frequency cap and no quiet hours unless {@link #engine} adds them.
 *
 * <p>Immutable: each method returns a new backtest; {@link #to} runs one replay on the calling
 * thread and may be called again.
 */
public final class Backtest {
    private final List<Campaign> campaigns;
    private final Optional<EventLog> source;
    private final Optional<Instant> from;
    private final Duration conversionWindow;
    private final ProfileStore profiles;
    private final UnaryOperator<CampaignEngine.Builder> engine;

    private Backtest(List<Campaign> campaigns, Optional<EventLog> source, Optional<Instant> from,
            Duration conversionWindow, ProfileStore profiles, UnaryOperator<CampaignEngine.Builder> engine) {
        this.campaigns = campaigns;
        this.source = source;
        this.from = from;
        this.conversionWindow = conversionWindow;
        this.profiles = profiles;
        this.engine = engine;
    }

    /**
     * A backtest of these campaigns (at least one, distinct ids), with a 14 day conversion window.
     *
     * @param campaigns the campaigns to replay together, as one engine runs them
     * @return the backtest, to complete with {@link #over}, {@link #from} and {@link #to}
     * @throws IllegalArgumentException if {@code campaigns} is empty or two share an id
     */
    public static Backtest of(Collection<Campaign> campaigns) {
        requireNonNull(campaigns, "campaigns");
        checkArgument(!campaigns.isEmpty(), "campaigns must not be empty");
        Set<String> ids = new HashSet<>();
        for (Campaign c : campaigns) {
            checkArgument(ids.add(requireNonNull(c, "campaign").id()), "campaign id %s is used twice", c.id());
        }
        return new Backtest(List.copyOf(campaigns), Optional.empty(), Optional.empty(), Duration.ofDays(14),
                new InMemoryProfileStore(), UnaryOperator.identity());
    }

    /**
     * {@link #of(Collection)} for campaigns given one by one.
     *
     * @param campaigns the campaigns to replay together, as one engine runs them
     * @return the backtest, to complete with {@link #over}, {@link #from} and {@link #to}
     * @throws IllegalArgumentException if there is no campaign or two share an id
     */
    public static Backtest of(Campaign... campaigns) {
        return of(List.of(campaigns));
    }

    /**
     * The log to replay: any events, in any order (they are sorted by time, stably).
     *
     * @param events the log; copied now
     * @return a new backtest; this one is unchanged
     */
    public Backtest over(Collection<? extends CustomerEvent> events) {
        return withSource(EventLog.of(events));
    }

    /**
     * The log to replay: the stream is read (and closed) now, in any order.
     *
     * @param events the log
     * @return a new backtest; this one is unchanged
     */
    public Backtest over(Stream<? extends CustomerEvent> events) {
        requireNonNull(events, "events");
        try (events) {
            return over(events.map(e -> (CustomerEvent) e).toList());
        }
    }

    /**
     * The log to replay: every event of the store, read when the backtest runs.
     *
     * @param events the store; read again by every {@link #to}
     * @return a new backtest; this one is unchanged
     */
    public Backtest over(EventStore events) {
        return withSource(EventLog.of(events));
    }

    /**
     * The first instant decisions are made; events before it are history.
     *
     * @param from the start of the replay (inclusive)
     * @return a new backtest; this one is unchanged
     */
    public Backtest from(Instant from) {
        return new Backtest(campaigns, source, Optional.of(requireNonNull(from, "from")), conversionWindow, profiles,
                engine);
    }

    /**
     * The same backtest of other campaigns (at least one, distinct ids).
     *
     * @param others the campaigns to replay instead
     * @return a new backtest; this one is unchanged
     */
    public Backtest campaigns(Collection<Campaign> others) {
        Backtest fresh = of(others);
        return new Backtest(fresh.campaigns, source, from, conversionWindow, profiles, engine);
    }

    /**
     * How long after a decision an order counts as a conversion; positive, default 14 days.
     *
     * @param window the window after each decision
     * @return a new backtest; this one is unchanged
     */
    public Backtest conversionWindow(Duration window) {
        requireNonNull(window, "window");
        checkArgument(!window.isNegative() && !window.isZero(), "conversionWindow must be positive, got %s", window);
        return new Backtest(campaigns, source, from, window, profiles, engine);
    }

    /**
     * Real profiles (consent, time zones, birthdays); customers without one are assumed to consent.
     *
     * @param profiles the profiles the replayed engine reads; never written
     * @return a new backtest; this one is unchanged
     */
    public Backtest profiles(ProfileStore profiles) {
        return new Backtest(campaigns, source, from, conversionWindow, requireNonNull(profiles, "profiles"), engine);
    }

    /**
     * The engine's own settings, on its builder, e.g. {@code b -> b.frequencyCap(cap).quietHours(q)}:
     * the one way the test kit configures an engine, as
     * {@link dev.retention.testkit.CampaignTestDriver.Builder#engine} does. The backtest sets the
     * stores, fire log, sender, clock and campaigns after the function, replacing what it set for
     * them. A later call replaces the function.
     *
     * @param configure sets the engine's settings on the builder it is given and returns it
     * @return a new backtest; this one is unchanged
     */
    public Backtest engine(UnaryOperator<CampaignEngine.Builder> configure) {
        return new Backtest(campaigns, source, from, conversionWindow, profiles,
                requireNonNull(configure, "configure"));
    }

    /**
     * Runs the replay of {@code [from, to)} and reports.
     *
     * @throws IllegalArgumentException if {@link #over} or {@link #from} was not called, or
     *         {@code to} is not after {@code from}
     * @param to the end of the replay (exclusive)
     * @return what the campaigns would have done, per campaign and decision by decision
     */
    public BacktestResult to(Instant to) {
        requireNonNull(to, "to");
        checkArgument(source.isPresent(), "no event log: call over(...) before to(...)");
        checkArgument(from.isPresent(), "no start: call from(...) before to(...)");
        Instant start = from.get();
        checkArgument(to.isAfter(start), "to (%s) must be after from (%s)", to, start);

        List<CustomerEvent> events;
        try (Stream<CustomerEvent> all = source.get().events()) {
            events = new ArrayList<>(all.toList());
        }
        events.sort(Comparator.comparing(CustomerEvent::occurredAt));
        List<FireEntry> decisions = replay(events, start, to);
        return BacktestResult.of(campaigns, decisions, OrderLog.of(events), start, to, conversionWindow);
    }

    private List<FireEntry> replay(List<CustomerEvent> events, Instant start, Instant end) {
        InMemoryEventStore store = new InMemoryEventStore();
        int i = 0;
        while (i < events.size() && events.get(i).occurredAt().isBefore(start)) {
            store.append(events.get(i++));
        }
        VirtualClock clock = VirtualClock.at(start);
        InMemoryFireLog fireLog = new InMemoryFireLog();
        CampaignEngine.Builder builder = requireNonNull(this.engine.apply(CampaignEngine.builder()),
                "engine configuration returned null");
        // the replay's own parts last, whatever the configuration set: the replay runs on them
        builder.events(store).profiles(new AssumedConsent(profiles, channels()))
                .fireLog(fireLog).sender(new RecordingSender()).clock(clock);
        campaigns.forEach(builder::campaign);
        CampaignEngine engine = builder.build();

        Instant tick = firstMidnight(start);
        for (; i < events.size() && events.get(i).occurredAt().isBefore(end); i++) {
            CustomerEvent event = events.get(i);
            for (; tick.isBefore(event.occurredAt()); tick = tick.plus(Duration.ofDays(1))) {
                engine.tick(clock.advanceTo(tick));
            }
            clock.advanceTo(event.occurredAt());
            engine.onEvent(event);
        }
        for (; tick.isBefore(end); tick = tick.plus(Duration.ofDays(1))) {
            engine.tick(clock.advanceTo(tick));
        }
        try (Stream<FireEntry> all = fireLog.entries()) {
            return all.toList();
        }
    }

    private Set<Channel> channels() {
        Set<Channel> channels = new HashSet<>();
        for (Campaign c : campaigns) {
            for (Step step : c.steps()) {
                channels.add(step.message().channel());
            }
        }
        return channels;
    }

    private static Instant firstMidnight(Instant start) {
        Instant day = start.truncatedTo(ChronoUnit.DAYS);
        return day.equals(start) ? day : day.plus(Duration.ofDays(1));
    }

    private Backtest withSource(EventLog s) {
        return new Backtest(campaigns, Optional.of(s), from, conversionWindow, profiles, engine);
    }
}
