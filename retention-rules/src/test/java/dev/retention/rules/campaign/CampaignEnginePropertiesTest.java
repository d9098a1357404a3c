package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import dev.retention.rules.trigger.Trigger;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The engine's promises, over random shops: events, consent changes and ticks over a month. */
class CampaignEnginePropertiesTest {
    private static final Duration DAY = Duration.ofDays(1);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));
    private static final int CUSTOMERS = 6;
    private static final FrequencyCap TWO_PER_TWO_DAYS = FrequencyCap.overall(2, DAY.multipliedBy(2));
    private static final FrequencyCap THREE_EMAILS_PER_WEEK = FrequencyCap.perChannel(Channel.EMAIL, 3, DAY.multipliedBy(7));
    private static final QuietHours QUIET = QuietHours.between(LocalTime.of(22, 0), LocalTime.of(7, 0));

    enum Kind { ORDER, VIEW, TICK, WITHDRAW, REGRANT }

    record Action(long minute, int customer, Kind kind) {
    }

    record Delivery(OutgoingMessage message, Instant at, boolean consented) {
        int step() {
            return ((Number) message.personalisation().get("step")).intValue();
        }
    }

    static final Campaign THANKS = Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
            .message(Message.email("thanks")).cooldown(DAY.multipliedBy(3)).holdout(0.3).priority(1).build();
    static final Campaign UPSELL = Campaign.builder("upsell")
            .trigger(Trigger.onEntering("two-orders-a-week", (h, p, now) -> h.orderCount(now.minus(DAY.multipliedBy(7)),
                    now.plusNanos(1)) >= 2))
            .message(Message.email("upsell")).cooldown(DAY.multipliedBy(2)).priority(5).build();
    static final Campaign ABANDONED_VIEW = Campaign.builder("abandoned-view")
            .trigger(AbandonedViewTrigger.builder().settleDelay(Duration.ofHours(1)).build())
            .message(Message.email("av-1")).then(DAY, Message.email("av-2")).exitWhen(ExitCondition.CUSTOMER_ORDERED)
            .cooldown(DAY.multipliedBy(2)).priority(3).build();
    static final Campaign WIN_BACK = Campaign.builder("win-back")
            .trigger(WinBackTrigger.builder().noOrderFor(DAY.multipliedBy(5)).build())
            .message(Message.email("win-back")).build();
    static final List<Campaign> CAMPAIGNS = List.of(THANKS, UPSELL, ABANDONED_VIEW, WIN_BACK);

    @Provide
    Arbitrary<List<Action>> shopMonth() {
        Arbitrary<Action> action = Combinators.combine(Arbitraries.longs().between(0, 30L * 24 * 60),
                Arbitraries.integers().between(0, CUSTOMERS - 1),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(5, Kind.ORDER), net.jqwik.api.Tuple.of(6, Kind.VIEW),
                        net.jqwik.api.Tuple.of(6, Kind.TICK), net.jqwik.api.Tuple.of(1, Kind.WITHDRAW),
                        net.jqwik.api.Tuple.of(1, Kind.REGRANT))).as(Action::new);
        return action.list().ofMinSize(10).ofMaxSize(80)
                .map(list -> list.stream().sorted(Comparator.comparingLong(Action::minute)).toList());
    }

    @Property(tries = 150)
    void noCustomerReceivesACampaignTwiceWithinItsCooldown(@ForAll("shopMonth") List<Action> actions) {
        Map<String, List<Delivery>> byCustomerAndCampaign = simulate(actions).deliveries.stream()
                .filter(d -> d.step() == 0)
                .collect(Collectors.groupingBy(d -> d.message().customerId() + "/" + d.message().campaignId()));
        for (List<Delivery> sends : byCustomerAndCampaign.values()) {
            Duration cooldown = campaign(sends.get(0).message().campaignId()).cooldown();
            for (int i = 1; i < sends.size(); i++) {
                assertThat(Duration.between(sends.get(i - 1).at(), sends.get(i).at())).isGreaterThanOrEqualTo(cooldown);
            }
        }
    }

    @Property(tries = 150)
    void theFrequencyCapsAreNeverExceeded(@ForAll("shopMonth") List<Action> actions) {
        List<Delivery> deliveries = simulate(actions).deliveries;
        for (Delivery delivery : deliveries) {
            for (FrequencyCap cap : List.of(TWO_PER_TWO_DAYS, THREE_EMAILS_PER_WEEK)) {
                long inWindow = deliveries.stream()
                        .filter(d -> d.message().customerId().equals(delivery.message().customerId()))
                        .filter(d -> cap.covers(d.message().channel()))
                        .filter(d -> d.at().isAfter(delivery.at().minus(cap.window())) && !d.at().isAfter(delivery.at()))
                        .count();
                assertThat(inWindow).isLessThanOrEqualTo(cap.max());
            }
        }
    }

    @Property(tries = 150)
    void heldOutCustomersNeverReceiveTheCampaign(@ForAll("shopMonth") List<Action> actions) {
        Simulation run = simulate(actions);

        assertThat(run.deliveries).noneMatch(d -> d.message().campaignId().equals(THANKS.id())
                && MurmurDraws.heldOut("thanks", 0.3, d.message().customerId()));
        List<String> heldOutKeys = run.fixture.fireLog.entries().filter(e -> e.status() == FireStatus.HELD_OUT)
                .map(FireEntry::key).toList();
        assertThat(run.deliveries).noneMatch(d -> heldOutKeys.contains(d.message().idempotencyKey()));
        // and only they are held out (of c0..c5, the draws put c1 and c3 under 0.3)
        assertThat(run.fixture.fireLog.entries().filter(e -> e.status() == FireStatus.HELD_OUT).toList())
                .allMatch(e -> e.campaignId().equals("thanks") && MurmurDraws.heldOut("thanks", 0.3, e.customerId()));
    }

    @Property(tries = 150)
    void unsubscribedCustomersNeverReceive(@ForAll("shopMonth") List<Action> actions) {
        Simulation run = simulate(actions);

        assertThat(run.deliveries).allMatch(Delivery::consented);
        assertThat(run.deliveries).noneMatch(d -> d.message().customerId().equals(NEVER_CONSENTED));
    }

    @Property(tries = 100)
    void nothingIsSentDuringQuietHoursAndEveryDecisionHasAReason(@ForAll("shopMonth") List<Action> actions) {
        Simulation run = simulate(actions);

        assertThat(run.deliveries).noneMatch(d -> QUIET.isQuiet(d.at(),
                run.fixture.profiles.profileOrUnknown(d.message().customerId()).zone()));
        assertThat(run.fixture.fireLog.entries()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    }

    private static final CustomerId NEVER_CONSENTED = CustomerId.of("c0");

    record Simulation(EngineFixture fixture, List<Delivery> deliveries) {
    }

    private static Simulation simulate(List<Action> actions) {
        EngineFixture fixture = new EngineFixture();
        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            CustomerId customer = fixture.subscriber("c" + i, ZONES.get(i % ZONES.size()));
            customers.add(customer);
        }
        // c0 never consented to anything
        fixture.profiles.put(CustomerProfile.builder(NEVER_CONSENTED).zone(ZONES.get(0)).build());
        List<Delivery> deliveries = new ArrayList<>();
        CampaignEngine.Builder builder = fixture.engine(message -> {
            Instant at = fixture.clock.instant();
            boolean consented = fixture.profiles.profileOrUnknown(message.customerId()).hasConsent(message.channel(), at);
            deliveries.add(new Delivery(message, at, consented));
            return fixture.sender.send(message);
        }).frequencyCap(TWO_PER_TWO_DAYS).frequencyCap(THREE_EMAILS_PER_WEEK).quietHours(QUIET);
        CAMPAIGNS.forEach(builder::campaign);
        CampaignEngine engine = builder.build();

        int n = 0;
        for (Action action : actions) {
            Instant at = EngineFixture.START.plus(Duration.ofMinutes(action.minute()));
            fixture.clock.set(at);
            CustomerId customer = customers.get(action.customer());
            n++;
            if (action.kind() == Kind.ORDER) {
                engine.onEvent(order(customer, at, "p" + (n % 5)));
            } else if (action.kind() == Kind.VIEW) {
                engine.onEvent(view(customer, "p" + (n % 7), at));
            } else if (action.kind() == Kind.TICK) {
                engine.tick();
            } else if (!customer.equals(NEVER_CONSENTED)) {
                CustomerProfile profile = fixture.profiles.profileOrUnknown(customer);
                Consent consent = action.kind() == Kind.WITHDRAW ? Consent.withdrawn(Channel.EMAIL, at)
                        : Consent.given(Channel.EMAIL, at);
                fixture.profiles.put(profile.toBuilder().consent(consent).build());
                engine.reevaluate(customer);
            }
        }
        for (int hour = 1; hour <= 24 * 3; hour += 5) {
            fixture.clock.set(EngineFixture.START.plus(Duration.ofDays(30)).plus(Duration.ofHours(hour)));
            engine.tick();
        }
        return new Simulation(fixture, deliveries);
    }

    private static Campaign campaign(String id) {
        return CAMPAIGNS.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
