package dev.retention.rules.playbook;

import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.RecordingSender;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.ExitCondition;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.campaign.Variant;
import dev.retention.rules.testing.MutableClock;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.CoPurchaseRecommender;
import dev.retention.rules.trigger.Incentive;
import dev.retention.rules.trigger.IncentivePolicy;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.RisingFrequencyTrigger;
import dev.retention.rules.trigger.Trigger;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The four playbook scenarios, written the way a shop developer tests their setup: events in, messages out. */
class PlaybookScenariosTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryFireLog fireLog = new InMemoryFireLog();
    private final RecordingSender outbox = new RecordingSender();
    private final MutableClock clock = new MutableClock(MONDAY);

    private CustomerId subscriber(String id) {
        CustomerId customer = CustomerId.of(id);
        profiles.put(CustomerProfile.builder(customer).email(id + "@example.com")
                .consent(Consent.given(Channel.EMAIL, MONDAY.minus(DAY.multipliedBy(400)))).build());
        return customer;
    }

    private CampaignEngine engine(Campaign... campaigns) {
        CampaignEngine.Builder builder = CampaignEngine.builder().events(events).profiles(profiles).fireLog(fireLog)
                .sender(outbox).clock(clock);
        for (Campaign campaign : campaigns) {
            builder.campaign(campaign);
        }
        return builder.build();
    }

    private List<String> templatesSentTo(CustomerId customer) {
        return outbox.sentTo(customer).stream().map(OutgoingMessage::templateId).toList();
    }

    @Test
    void abandonedViewSendsTheViewedProductsWithRecommendationsAndAFirstOrderDiscount() {
        // the shop's past orders teach the recommender what goes with tents and mats: stoves (3), lamps (1)
        CustomerId regular = subscriber("regular");
        events.appendAll(List.of(order(regular, MONDAY.minus(DAY.multipliedBy(30)), "tent", "stove"),
                order(regular, MONDAY.minus(DAY.multipliedBy(20)), "tent", "stove", "mat"),
                order(regular, MONDAY.minus(DAY.multipliedBy(10)), "lamp", "stove"),
                order(regular, MONDAY.minus(DAY.multipliedBy(5)), "mat", "lamp")));
        Campaign abandonedView = Campaign.builder("abandoned-view")
                .trigger(AbandonedViewTrigger.builder().lookback(Duration.ofHours(24)).settleDelay(Duration.ofHours(1))
                        .recommender(CoPurchaseRecommender.from(events), 3)
                        .incentives(IncentivePolicy.firstOrderOnly(new Incentive("TENT5", "5% off your first order")))
                        .build())
                .message(Message.email("abandoned-view"))
                .variants(Variant.of("plain", "abandoned-view-plain", 1), Variant.of("urgent", "abandoned-view-urgent", 1))
                .holdout(0.10).cooldown(DAY.multipliedBy(7)).build();
        CampaignEngine engine = engine(abandonedView);
        List<CustomerId> browsers = IntStream.range(0, 40).mapToObj(i -> subscriber("browser-" + i)).toList();
        CustomerId buyer = subscriber("buyer");

        for (CustomerId browser : browsers) {
            engine.onEvent(view(browser, "tent", MONDAY));
            engine.onEvent(view(browser, "mat", MONDAY.plusSeconds(300)));
        }
        engine.onEvent(view(buyer, "tent", MONDAY));
        engine.onEvent(order(buyer, MONDAY.plusSeconds(600), "tent"));
        engine.tick(MONDAY.plusSeconds(300).plus(Duration.ofHours(1)));

        assertThat(templatesSentTo(buyer)).isEmpty();
        for (CustomerId browser : browsers) {
            FireEntry decision = engine.decisions(browser).get(0);
            if (decision.status() == FireStatus.HELD_OUT) {
                assertThat(outbox.sentTo(browser)).isEmpty();
                continue;
            }
            OutgoingMessage letter = outbox.sentTo(browser).get(0);
            assertThat(letter.templateId()).isIn("abandoned-view-plain", "abandoned-view-urgent");
            assertThat(letter.personalisation()).containsEntry("viewedProducts", List.of("mat", "tent"))
                    .containsEntry("recommendations", List.of("stove", "lamp"))
                    .containsEntry("incentiveCode", "TENT5");
            assertThat(decision.variant()).isPresent();
            assertThat(decision.triggerReason()).contains("viewed 2 products", "bought none of them");
        }
        long heldOut = browsers.stream().filter(b -> engine.decisions(b).get(0).status() == FireStatus.HELD_OUT).count();
        assertThat(heldOut).isBetween(1L, 12L);
        // the same views do not trigger a second letter
        engine.tick(MONDAY.plus(Duration.ofHours(5)));
        assertThat(outbox.sent()).hasSize(browsers.size() - (int) heldOut);
    }

    @Test
    void loyaltyThresholdThanksOnceThenTheWelcomeChainRunsForMembers() {
        CustomerId anna = subscriber("anna");
        Campaign invite = Campaign.builder("loyalty-invite")
                .trigger(LoyaltyThresholdTrigger.of(3, Money.of(100, "USD")))
                .message(Message.email("thank-you-join-loyalty")).reEntry(ReEntry.once()).build();
        Campaign welcome = Campaign.builder("loyalty-welcome")
                .trigger(Trigger.onEntering("loyalty-members", (history, profile, now) ->
                        !history.customEvents("loyalty-joined", Instant.MIN, now.plusNanos(1)).isEmpty()))
                .message(Message.email("welcome-discount"))
                .then(DAY.multipliedBy(7), Message.email("early-access"))
                .then(DAY.multipliedBy(14), Message.email("buy-2-get-3rd-free"))
                .reEntry(ReEntry.once()).exitWhen(ExitCondition.LEFT_TRIGGER).build();
        CampaignEngine engine = engine(invite, welcome);

        engine.onEvent(orderWorth(anna, MONDAY, Money.of(40, "USD")));
        clock.set(MONDAY.plus(DAY.multipliedBy(3)));
        engine.onEvent(orderWorth(anna, clock.instant(), Money.of(40, "USD")));
        assertThat(templatesSentTo(anna)).isEmpty();
        clock.set(MONDAY.plus(DAY.multipliedBy(6)));
        engine.onEvent(orderWorth(anna, clock.instant(), Money.of(30, "USD")));
        assertThat(templatesSentTo(anna)).containsExactly("thank-you-join-loyalty");
        assertThat(engine.decisions(anna).get(0).triggerReason()).contains("3 orders", "110.00 USD");

        clock.set(MONDAY.plus(DAY.multipliedBy(8)));
        engine.onEvent(new CustomEvent("join-anna", anna, clock.instant(), "loyalty-joined", Map.of("tier", "silver")));
        engine.onEvent(orderWorth(anna, clock.instant().plusSeconds(60), Money.of(50, "USD")));
        for (int day = 9; day <= 30; day++) {
            clock.set(MONDAY.plus(DAY.multipliedBy(day)));
            engine.tick();
        }

        assertThat(templatesSentTo(anna)).containsExactly("thank-you-join-loyalty", "welcome-discount", "early-access",
                "buy-2-get-3rd-free");
        assertThat(outbox.sentTo(anna).get(3).idempotencyKey()).isNotEqualTo(outbox.sentTo(anna).get(2).idempotencyKey());
        assertThat(engine.decisions(anna)).filteredOn(e -> e.campaignId().equals("loyalty-welcome"))
                .extracting(FireEntry::updatedAt).containsExactly(MONDAY.plus(DAY.multipliedBy(8)),
                        MONDAY.plus(DAY.multipliedBy(15)), MONDAY.plus(DAY.multipliedBy(22)));
    }

    @Test
    void risingFrequencyUpsellsProductsFromThePastPreferences() {
        CustomerId ben = subscriber("ben");
        CustomerId other = subscriber("other");
        events.appendAll(List.of(order(other, MONDAY.minus(DAY.multipliedBy(200)), "espresso-beans", "grinder"),
                order(other, MONDAY.minus(DAY.multipliedBy(190)), "espresso-beans", "grinder", "scale")));
        Campaign upsell = Campaign.builder("rising-frequency-upsell")
                .trigger(RisingFrequencyTrigger.builder().window(DAY.multipliedBy(30)).atLeastOrders(5)
                        .recommender(CoPurchaseRecommender.from(events), 3).build())
                .message(Message.email("upsell")).reEntry(ReEntry.oncePer(DAY.multipliedBy(30))).build();
        CampaignEngine engine = engine(upsell);
        events.append(order(ben, MONDAY.minus(DAY.multipliedBy(90)), "espresso-beans"));

        for (int i = 0; i < 5; i++) {
            clock.set(MONDAY.plus(DAY.multipliedBy(5L * i)));
            engine.onEvent(order(ben, clock.instant(), i % 2 == 0 ? "espresso-beans" : "milk"));
        }
        clock.set(MONDAY.plus(DAY.multipliedBy(22)));
        engine.onEvent(order(ben, clock.instant(), "espresso-beans"));

        assertThat(outbox.sentTo(ben)).singleElement().satisfies(letter -> {
            assertThat(letter.templateId()).isEqualTo("upsell");
            assertThat(letter.personalisation()).containsEntry("favouriteProducts", List.of("espresso-beans", "milk"))
                    .containsEntry("recommendations", List.of("grinder", "scale"))
                    .containsEntry("recentOrders", 5);
        });
        assertThat(engine.decisions(ben).get(0).decidedAt()).isEqualTo(MONDAY.plus(DAY.multipliedBy(20)));
    }

    @Test
    void fallingFrequencyWinsBackLapsedCustomersAndAsksWhyUnlessTheyReturn() {
        CustomerId carla = subscriber("carla");
        CustomerId dan = subscriber("dan");
        CustomerId eve = subscriber("eve");
        Campaign winBack = Campaign.builder("win-back")
                .trigger(WinBackTrigger.builder().atLeastOrders(2).noOrderFor(DAY.multipliedBy(60)).build())
                .message(Message.email("we-miss-you"))
                .then(DAY.multipliedBy(7), Message.email("why-did-you-stop-feedback-form"))
                .exitWhen(ExitCondition.CUSTOMER_ORDERED).build();
        CampaignEngine engine = engine(winBack);
        for (CustomerId customer : List.of(carla, dan, eve)) {
            engine.onEvent(order(customer, MONDAY, "a"));
            engine.onEvent(order(customer, MONDAY.plus(DAY.multipliedBy(10)), "b"));
        }

        for (int day = 11; day <= 100; day++) {
            clock.set(MONDAY.plus(DAY.multipliedBy(day)));
            if (day == 40) {
                engine.onEvent(order(eve, clock.instant(), "c")); // eve keeps buying: her lapse starts later
            }
            if (day == 72) {
                engine.onEvent(order(dan, clock.instant(), "c")); // dan comes back after the first letter
            }
            engine.tick();
        }

        assertThat(templatesSentTo(carla)).containsExactly("we-miss-you", "why-did-you-stop-feedback-form");
        assertThat(outbox.sentTo(carla).get(0).personalisation()).containsEntry("orderCount", 2)
                .containsEntry("daysSinceLastOrder", 60L);
        assertThat(engine.decisions(carla).get(0).decidedAt()).isEqualTo(MONDAY.plus(DAY.multipliedBy(70)));
        assertThat(templatesSentTo(dan)).containsExactly("we-miss-you");
        assertThat(engine.decisions(dan).get(1).reason()).contains("ordered");
        assertThat(templatesSentTo(eve)).containsExactly("we-miss-you");
        assertThat(engine.decisions(eve).get(0).decidedAt()).isEqualTo(MONDAY.plus(DAY.multipliedBy(40 + 60)));
    }
}
