package dev.retention.bench;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.RisingFrequencyTrigger;
import dev.retention.rules.trigger.WinBackTrigger;
import dev.retention.testkit.SyntheticShop;
import dev.retention.testkit.VirtualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 3: campaign engine throughput. The shop's history up to 30 days before its end is in
 * the store; each invocation replays the last 30 days' events in time order (one thread, the
 * virtual clock set to each event's time) with the four playbook campaigns active and every
 * customer consenting to email: through the {@code Retention} facade over the native in-memory
 * seam, the path a shop uses, or through the engine over the four separate stores, the previous
 * layout ({@link #layout}).
 *
 * <p>{@link #campaigns} says since when they are active. {@code running}: the engine has already
 * evaluated everyone at the replay's start (one {@link CampaignEngine#tick}, as a shop's
 * scheduler runs it), so the replay sees the steady state of a running engine: decisions only for
 * customers whose events change a verdict. {@code switched-on}: the campaigns start with the
 * replay, so everyone who already qualifies enters during it (about a quarter of the replayed
 * events decide): the burst after a campaign is switched on. The replayed events are
 * copied in replay order ({@link ArrivingEvents}), as a shop's events arrive freshly decoded. The
 * sender answers "sent" on the replaying thread ({@link #sendsOnEngineThreads}), as an outbox
 * sender configured with {@code sendOnCallingThread} does. No
 * SQL peer: the score is the time for the whole replay; events per second are derived from it, and
 * the bytes allocated per event are measured around the replay ({@link Allocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
public class EngineBenchmark {

    @Param("small")
    public String size;

    /** Since when the campaigns are active: {@code running} or {@code switched-on}, see the class comment. */
    @Param({"running", "switched-on"})
    public String campaigns;

    /**
     * Which path the events take. {@code native}: the shop's path, the {@code Retention} facade's
     * {@code onEvent} over {@code CustomerStateStore.inMemory()} (the native seam: events stored,
     * the customer evaluated and due messages sent in one step per customer; no points program, so
     * the work is the engine's alone). {@code separate}: the previous layout, the engine's own
     * {@code onEvent} over the four separate in-memory stores.
     */
    @Param({"native", "separate"})
    public String layout = "native";

    /**
     * Whether the sender runs on the engine's own send threads (a task, a wake-up and a wait per
     * message) instead of the replaying thread. The benchmark's sender only answers "sent", as a
     * sender that writes an outbox row would, so by default it runs on the calling thread
     * ({@code sendOnCallingThread}) and the replay is one thread's work; {@link EngineAblation}
     * measures the other way beside it.
     */
    boolean sendsOnEngineThreads;

    /** The ids of the playbook campaigns to run, or null for all four: for {@link EngineAblation}. */
    Set<String> onlyCampaigns;

    List<CustomerEvent> history;
    List<CustomerEvent> replay;
    List<CustomerProfile> profiles;
    EventStore events;
    CampaignEngine engine;
    /** The facade, for the native layout; null for the separate one. */
    Retention retention;
    VirtualClock clock;

    @Setup(Level.Trial)
    public void split() {
        BenchShop shop = new BenchShop(ShopSize.parse(size));
        Instant cut = shop.now().minus(Duration.ofDays(30));
        history = new ArrayList<>();
        replay = new ArrayList<>();
        shop.generate(e -> (e.occurredAt().isBefore(cut) ? history : replay).add(e));
        replay.sort(Comparator.comparing(CustomerEvent::occurredAt));
        replay = ArrivingEvents.inReplayOrder(replay);
        profiles = new ArrayList<>();
        for (int c = 1; c <= shop.size().customers(); c++) {
            CustomerId id = CustomerId.of(String.format("c%07d", c));
            profiles.add(CustomerProfile.builder(id).email(id.value() + "@example.com")
                    .consent(Consent.given(Channel.EMAIL, SyntheticShop.START)).build());
        }
    }

    /** A fresh store holding the history and a fresh engine, so every replay does the same work. */
    @Setup(Level.Iteration)
    public void freshEngine() {
        clock = VirtualClock.at(replay.get(0).occurredAt());
        List<Campaign> selected = new ArrayList<>();
        for (Campaign campaign : playbook()) {
            if (onlyCampaigns == null || onlyCampaigns.contains(campaign.id())) {
                selected.add(campaign);
            }
        }
        switch (layout) {
            case "native" -> {
                CustomerStateStore state = CustomerStateStore.inMemory();
                profiles.forEach(state.profiles()::put);
                events = state.events();
                events.appendAll(history);
                Retention.Builder builder = Retention.builder().state(state)
                        .sender(message -> DeliveryResult.sent()).clock(clock);
                if (!sendsOnEngineThreads) {
                    builder.engine(CampaignEngine.Builder::sendOnCallingThread);
                }
                selected.forEach(builder::campaign);
                retention = builder.build();
                engine = retention.engine();
            }
            case "separate" -> {
                InMemoryProfileStore profileStore = new InMemoryProfileStore();
                profiles.forEach(profileStore::put);
                events = new InMemoryEventStore();
                events.appendAll(history);
                CampaignEngine.Builder builder = CampaignEngine.builder()
                        .events(events).profiles(profileStore).fireLog(new InMemoryFireLog())
                        .sender(message -> DeliveryResult.sent())
                        .clock(clock);
                if (!sendsOnEngineThreads) {
                    builder.sendOnCallingThread();
                }
                selected.forEach(builder::campaign);
                retention = null;
                engine = builder.build();
            }
            default -> throw new IllegalArgumentException("layout must be native or separate, not " + layout);
        }
        switch (campaigns) {
            case "running" -> {
                if (retention != null) {
                    retention.tick();
                } else {
                    engine.tick(clock.instant());
                }
            }
            case "switched-on" -> { }
            default -> throw new IllegalArgumentException("campaigns must be running or switched-on, not " + campaigns);
        }
        // the previous iteration's store is garbage now: collect it here, not during the replay
        System.gc();
    }

    static List<Campaign> playbook() {
        return List.of(
                Campaign.builder("abandoned-view")
                        .trigger(AbandonedViewTrigger.builder().lookback(Duration.ofHours(24))
                                .settleDelay(Duration.ofHours(1)).build())
                        .message(Message.email("abandoned-view")).cooldown(Duration.ofDays(7)).build(),
                Campaign.builder("loyalty-threshold")
                        .trigger(LoyaltyThresholdTrigger.of(3, Money.of(300, "USD")))
                        .message(Message.email("thank-you-join-loyalty")).reEntry(ReEntry.once()).build(),
                Campaign.builder("rising-frequency")
                        .trigger(RisingFrequencyTrigger.builder().window(Duration.ofDays(60)).atLeastOrders(3).build())
                        .message(Message.email("upsell")).cooldown(Duration.ofDays(30)).build(),
                Campaign.builder("win-back")
                        .trigger(WinBackTrigger.builder().atLeastOrders(3).noOrderFor(Duration.ofDays(90)).build())
                        .message(Message.email("we-miss-you")).reEntry(ReEntry.once()).build());
    }

    /**
     * Bytes the replaying thread allocated per replayed event, as a JMH secondary result. Measured
     * around the replay alone: JMH's GC profiler would count the setup's fresh store too.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Allocation {
        public double bytesPerEvent;
    }

    @Benchmark
    public long library(Allocation allocation) {
        long before = ALLOCATION.getCurrentThreadAllocatedBytes();
        long decisions = 0;
        if (retention != null) {
            for (CustomerEvent event : replay) {
                clock.advanceTo(event.occurredAt());
                decisions += retention.onEvent(event).fireEntries().size();
            }
        } else {
            for (CustomerEvent event : replay) {
                clock.advanceTo(event.occurredAt());
                decisions += engine.onEvent(event).size();
            }
        }
        allocation.bytesPerEvent = (ALLOCATION.getCurrentThreadAllocatedBytes() - before) / (double) replay.size();
        return decisions;
    }

    /**
     * The same replay into the store alone, without the engine: the part of {@link #library}'s
     * time that appending the events costs, for the analysis of where the engine's time goes.
     */
    @Benchmark
    public long storeOnly() {
        long added = 0;
        for (CustomerEvent event : replay) {
            if (events.append(event)) {
                added++;
            }
        }
        return added;
    }

    private static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public int replayedEvents() {
        return replay.size();
    }
}
