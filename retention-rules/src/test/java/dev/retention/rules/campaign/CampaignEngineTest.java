package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import dev.retention.rules.trigger.Trigger;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CampaignEngineTest {
    private static final Duration DAY = Duration.ofDays(1);
    private final EngineFixture shop = new EngineFixture();

    /** Fires on every order, at once: each order is a new episode. */
    private static Campaign.Builder thanks(String id) {
        return Campaign.builder(id).trigger(PostPurchaseTrigger.after(Duration.ZERO).named(id))
                .message(Message.email(id + "-template"));
    }

    @Test
    void sendsTheMessageWithThePayloadWhenTheTriggerFires() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("thanks").build()).build();

        var order = order(anna, shop.clock.instant(), "kettle");
        List<FireEntry> decisions = engine.onEvent(order);

        assertThat(shop.sender.sent()).singleElement().satisfies(m -> {
            assertThat(m.customerId()).isEqualTo(anna);
            assertThat(m.templateId()).isEqualTo("thanks-template");
            assertThat(m.personalisation()).containsEntry("orderId", order.orderId().value())
                    .containsEntry("campaignId", "thanks").containsKey("triggerReason");
        });
        FireEntry entry = engine.decisions(anna).get(0);
        assertThat(entry.status()).isEqualTo(FireStatus.SENT);
        assertThat(entry.triggerReason()).contains("order " + order.orderId().value());
        assertThat(decisions).extracting(FireEntry::status).containsExactly(FireStatus.PENDING, FireStatus.SENT);
    }

    @Test
    void withoutConsentNothingIsSentAndTheDecisionIsRecordedAsSuppressed() {
        CustomerId anna = shop.subscriber("anna");
        shop.profiles.put(shop.profiles.find(anna).orElseThrow().toBuilder()
                .consent(Consent.withdrawn(Channel.EMAIL, EngineFixture.START.minusSeconds(60))).build());
        CampaignEngine engine = shop.engine(thanks("thanks").build()).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).isEmpty();
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.SUPPRESSED);
            assertThat(e.cause()).isEqualTo(DecisionCause.NO_CONSENT);
            assertThat(e.reason()).contains("no email consent", "withdrawn");
        });
    }

    @Test
    void consentWithdrawnWhileAMessageWaitsStopsIt() {
        CustomerId anna = shop.subscriber("anna", ZoneId.of("UTC"));
        shop.clock.set(Instant.parse("2026-03-02T22:00:00Z"));
        CampaignEngine engine = shop.engine(thanks("thanks").build())
                .quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();
        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));
        shop.profiles.put(shop.profiles.find(anna).orElseThrow().toBuilder()
                .consent(Consent.withdrawn(Channel.EMAIL, Instant.parse("2026-03-03T07:00:00Z"))).build());

        engine.tick(Instant.parse("2026-03-03T08:00:00Z"));

        assertThat(shop.sender.sent()).isEmpty();
        assertThat(engine.decisions(anna).get(0).cause()).isEqualTo(DecisionCause.NO_CONSENT);
    }

    @Test
    void heldOutCustomersAreRecordedButNeverSentAndTheSplitIsDeterministic() {
        Campaign campaign = thanks("thanks").holdout(0.5).build();
        CampaignEngine engine = shop.engine(campaign).build();
        List<CustomerId> customers = IntStream.range(0, 200).mapToObj(i -> shop.subscriber("c" + i)).toList();

        customers.forEach(c -> engine.onEvent(order(c, shop.clock.instant(), "kettle")));

        List<CustomerId> heldOut = customers.stream()
                .filter(c -> shop.fireLog.entries(c).get(0).status() == FireStatus.HELD_OUT).toList();
        assertThat(heldOut).hasSizeBetween(60, 140);
        assertThat(shop.sender.sent()).hasSize(200 - heldOut.size())
                .noneMatch(m -> heldOut.contains(m.customerId()));
        assertThat(shop.fireLog.entries(heldOut.get(0)).get(0).reason()).contains("50% control group");
        // the draw computed apart from the engine: 93 of c0..c199 fall under 0.5, the first c1, c3, c5, c7
        assertThat(heldOut).hasSize(93).startsWith(CustomerId.of("c1"), CustomerId.of("c3"), CustomerId.of("c5"),
                CustomerId.of("c7")).allMatch(c -> MurmurDraws.heldOut("thanks", 0.5, c));
    }

    @Test
    void abVariantsSplitDeterministicallyAndAreRecorded() {
        Campaign campaign = thanks("thanks").variants(Variant.of("plain", "thanks-a", 1),
                Variant.of("coupon", "thanks-b", 3)).build();
        CampaignEngine engine = shop.engine(campaign).build();
        List<CustomerId> customers = IntStream.range(0, 400).mapToObj(i -> shop.subscriber("c" + i)).toList();

        customers.forEach(c -> engine.onEvent(order(c, shop.clock.instant(), "kettle")));

        List<OutgoingMessage> sent = shop.sender.sent();
        long coupon = sent.stream().filter(m -> m.templateId().equals("thanks-b")).count();
        assertThat(coupon).isBetween(250L, 350L);
        assertThat(sent).allSatisfy(m -> assertThat(m.personalisation().get("variant"))
                .isEqualTo(m.templateId().equals("thanks-b") ? "coupon" : "plain"));
        assertThat(customers).allSatisfy(c -> assertThat(shop.fireLog.entries(c).get(0).variant())
                .isEqualTo(Splits.variant(campaign, c).map(Variant::name)));
    }

    @Test
    void cooldownSuppressesASecondMessageWithinTheCooldown() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("thanks").cooldown(DAY.multipliedBy(7)).build()).build();
        Instant start = shop.clock.instant();

        engine.onEvent(order(anna, start, "a"));
        shop.clock.set(start.plus(DAY.multipliedBy(7)).minusNanos(1));
        engine.onEvent(order(anna, shop.clock.instant(), "b"));
        shop.clock.set(start.plus(DAY.multipliedBy(7)));
        engine.onEvent(order(anna, shop.clock.instant(), "c"));

        assertThat(engine.decisions(anna)).extracting(FireEntry::cause)
                .containsExactly(DecisionCause.DELIVERED, DecisionCause.COOLDOWN, DecisionCause.DELIVERED);
        assertThat(shop.sender.sent()).hasSize(2);
    }

    @Test
    void frequencyCapLetsTheHigherPriorityCampaignWin() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("low").priority(1).build(), thanks("high").priority(10).build())
                .frequencyCap(FrequencyCap.overall(1, DAY)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::campaignId).containsExactly("high");
        FireEntry low = shop.entries(anna, "low").get(0);
        assertThat(low.cause()).isEqualTo(DecisionCause.FREQUENCY_CAP);
        assertThat(low.reason()).contains("frequency cap reached, 1 of at most 1 messages in the last 24h");
    }

    @Test
    void frequencyCapWindowIsRolling() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("thanks").build())
                .frequencyCap(FrequencyCap.overall(2, DAY.multipliedBy(7))).build();
        Instant start = shop.clock.instant();

        for (int day : new int[] {0, 1, 2, 7, 8}) {
            shop.clock.set(start.plus(DAY.multipliedBy(day)));
            engine.onEvent(order(anna, shop.clock.instant(), "p" + day));
        }

        // days 0 and 1 send; day 2 is capped; (day 0, day 7] holds one send (day 1); (day 1, day 8] holds one (day 7)
        assertThat(engine.decisions(anna)).extracting(FireEntry::status).containsExactly(FireStatus.SENT,
                FireStatus.SENT, FireStatus.SUPPRESSED, FireStatus.SENT, FireStatus.SENT);
    }

    @Test
    void perChannelCapCountsOnlyItsChannel() {
        CustomerId anna = shop.subscriber("anna");
        shop.profiles.put(shop.profiles.find(anna).orElseThrow().toBuilder().phone("+49 170 1234567")
                .consent(Consent.given(Channel.SMS, EngineFixture.START.minusSeconds(60))).build());
        Campaign sms = Campaign.builder("sms").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.of(Channel.SMS, "sms-thanks")).build();
        CampaignEngine engine = shop.engine(thanks("email").build(), thanks("email-2").build(), sms)
                .frequencyCap(FrequencyCap.perChannel(Channel.EMAIL, 1, DAY)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::campaignId).containsExactlyInAnyOrder("email", "sms");
        assertThat(shop.entries(anna, "email-2").get(0).cause()).isEqualTo(DecisionCause.FREQUENCY_CAP);
    }

    @Test
    void quietHoursDeferTheMessageToTheirEndInTheCustomersZone() {
        CustomerId anna = shop.subscriber("anna", ZoneId.of("Europe/Berlin"));
        // 20:30 UTC is 21:30 in Berlin (UTC+1 in early March)
        shop.clock.set(Instant.parse("2026-03-02T20:30:00Z"));
        CampaignEngine engine = shop.engine(thanks("thanks").build())
                .quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));
        FireEntry deferred = engine.decisions(anna).get(0);
        engine.tick(Instant.parse("2026-03-03T06:59:59Z"));
        assertThat(shop.sender.sent()).isEmpty();
        engine.tick(Instant.parse("2026-03-03T07:00:00Z"));

        assertThat(deferred.status()).isEqualTo(FireStatus.PENDING);
        assertThat(deferred.cause()).isEqualTo(DecisionCause.QUIET_HOURS);
        assertThat(deferred.dueAt()).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(deferred.reason()).contains("21:30", "Europe/Berlin");
        assertThat(shop.sender.sent()).hasSize(1);
        assertThat(engine.decisions(anna).get(0).updatedAt()).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
    }

    @Test
    void retryableFailuresAreRetriedWithBackoffUntilSent() {
        CustomerId anna = shop.subscriber("anna");
        AtomicInteger calls = new AtomicInteger();
        List<Instant> attempts = new ArrayList<>();
        CampaignEngine engine = shop.engine(m -> {
            attempts.add(shop.clock.instant());
            return calls.incrementAndGet() <= 2 ? DeliveryResult.retryableFailure("timeout") : shop.sender.send(m);
        }, thanks("thanks").build()).retry(new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(1))).build();
        Instant start = shop.clock.instant();

        engine.onEvent(order(anna, start, "kettle"));
        for (int second = 1; second <= 300; second++) {
            shop.clock.set(start.plusSeconds(second));
            engine.tick();
        }

        assertThat(attempts).containsExactly(start, start.plusSeconds(60), start.plusSeconds(180));
        assertThat(shop.sender.sent()).hasSize(1);
        FireEntry entry = engine.decisions(anna).get(0);
        assertThat(entry.status()).isEqualTo(FireStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(3);
    }

    @Test
    void aRetryWaitsAsLongAsTheChannelAsksWithinTheLongestBackoff() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        List<Instant> annaAttempts = new ArrayList<>();
        List<Instant> bobAttempts = new ArrayList<>();
        CampaignEngine engine = shop.engine(m -> {
            boolean isAnna = m.customerId().equals(anna);
            List<Instant> attempts = isAnna ? annaAttempts : bobAttempts;
            attempts.add(shop.clock.instant());
            if (attempts.size() > 1) {
                return shop.sender.send(m);
            }
            // anna's channel asks for 10 minutes, bob's for 2 days: more than the policy's longest wait
            return DeliveryResult.retryableFailure("HTTP 429", isAnna ? Duration.ofMinutes(10) : Duration.ofDays(2));
        }, thanks("thanks").build()).retry(new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(1))).build();
        Instant start = shop.clock.instant();

        engine.onEvent(order(anna, start, "kettle"));
        engine.onEvent(order(bob, start, "kettle"));
        for (int minute = 1; minute <= 90; minute++) {
            shop.clock.set(start.plusSeconds(60L * minute));
            engine.tick();
        }

        assertThat(annaAttempts).containsExactly(start, start.plusSeconds(600));
        assertThat(bobAttempts).containsExactly(start, start.plusSeconds(3600));
        assertThat(engine.decisions(anna).get(0).status()).isEqualTo(FireStatus.SENT);
    }

    @Test
    void retriesRunOutAndPermanentFailuresStop() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        CampaignEngine engine = shop.engine(m -> {
            if (m.customerId().equals(bob)) {
                return DeliveryResult.permanentFailure("no such mailbox");
            }
            throw new IllegalStateException("smtp down");
        }, thanks("thanks").build()).retry(new RetryPolicy(2, Duration.ofMinutes(1), 1.0, Duration.ofMinutes(1)))
                .build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));
        engine.onEvent(order(bob, shop.clock.instant(), "kettle"));
        engine.tick(shop.clock.instant().plusSeconds(60));

        assertThat(engine.decisions(anna).get(0)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.reason()).contains("gave up after 2 attempts", "IllegalStateException");
        });
        assertThat(engine.decisions(bob).get(0)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.reason()).contains("permanently", "no such mailbox");
        });
    }

    @Test
    void sequenceStepsGoOutAfterTheirDelaysUnlessTheCustomerOrders() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        Campaign welcome = Campaign.builder("welcome").trigger(Trigger.onEntering("members",
                        (h, p, now) -> !h.customEvents("joined-loyalty", Instant.MIN, now.plusNanos(1)).isEmpty()))
                .message(Message.email("welcome-1"))
                .then(DAY.multipliedBy(3), Message.email("welcome-2"))
                .then(DAY.multipliedBy(7), Message.email("welcome-3"))
                .exitWhen(ExitCondition.CUSTOMER_ORDERED).build();
        CampaignEngine engine = shop.engine(welcome).build();
        Instant start = shop.clock.instant();

        engine.onEvent(joined(anna, start));
        engine.onEvent(joined(bob, start));
        engine.tick(start.plus(DAY.multipliedBy(3)).minusNanos(1));
        assertThat(shop.sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("welcome-1", "welcome-1");
        engine.tick(start.plus(DAY.multipliedBy(3)));
        shop.events.append(order(bob, start.plus(DAY.multipliedBy(5)), "kettle"));
        engine.tick(start.plus(DAY.multipliedBy(7)));

        assertThat(shop.sender.sentTo(anna)).extracting(OutgoingMessage::templateId)
                .containsExactly("welcome-1", "welcome-2", "welcome-3");
        assertThat(shop.sender.sentTo(bob)).extracting(OutgoingMessage::templateId)
                .containsExactly("welcome-1", "welcome-2");
        assertThat(engine.decisions(bob).get(2)).satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.CANCELLED);
            assertThat(e.cause()).isEqualTo(DecisionCause.CUSTOMER_ORDERED);
        });
    }

    @Test
    void aSequenceEndsWhenTheCustomerLeavesTheTrigger() {
        CustomerId anna = shop.subscriber("anna");
        Campaign browse = Campaign.builder("browse").trigger(Trigger.onEntering("viewers-without-orders",
                        (h, p, now) -> h.viewCount() > 0 && h.orderCountAsOf(now) == 0))
                .message(Message.email("b-1")).then(DAY, Message.email("b-2"))
                .exitWhen(ExitCondition.LEFT_TRIGGER).build();
        CampaignEngine engine = shop.engine(browse).build();

        engine.onEvent(view(anna, "tent", shop.clock.instant()));
        shop.events.append(order(anna, shop.clock.instant().plusSeconds(60), "stove"));
        engine.tick(shop.clock.instant().plus(DAY));

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("b-1");
        assertThat(engine.decisions(anna).get(1).cause()).isEqualTo(DecisionCause.LEFT_TRIGGER);
    }

    @Test
    void aCustomerInARunningSequenceDoesNotReEnter() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("thanks").then(DAY.multipliedBy(2), Message.email("later"))
                .build()).build();
        Instant start = shop.clock.instant();

        engine.onEvent(order(anna, start, "a"));
        shop.clock.set(start.plus(DAY));
        engine.onEvent(order(anna, shop.clock.instant(), "b"));
        engine.tick(start.plus(DAY.multipliedBy(2)));

        assertThat(engine.decisions(anna)).extracting(FireEntry::entry, FireEntry::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(1, 1));
    }

    @Test
    void reEntryOnceAndOncePer() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("once").reEntry(ReEntry.once()).build(),
                thanks("weekly").reEntry(ReEntry.oncePer(DAY.multipliedBy(7))).build()).build();
        Instant start = shop.clock.instant();

        for (int day : new int[] {0, 3, 7}) {
            shop.clock.set(start.plus(DAY.multipliedBy(day)));
            engine.onEvent(order(anna, shop.clock.instant(), "p" + day));
        }

        assertThat(shop.entries(anna, "once")).hasSize(1);
        assertThat(shop.entries(anna, "weekly")).extracting(FireEntry::decidedAt)
                .containsExactly(start, start.plus(DAY.multipliedBy(7)));
    }

    @Test
    void aFiringIsBuiltOnlyForAnEpisodeTheEngineMayStillDecide() {
        CustomerId anna = shop.subscriber("anna");
        AtomicInteger firingsBuilt = new AtomicInteger();
        // fires on every event in one episode, and answers the episode without building the firing
        Trigger always = new Trigger() {
            @Override
            public String name() {
                return "always";
            }

            @Override
            public java.util.Optional<String> episode(dev.retention.core.event.CustomerHistory history,
                    dev.retention.core.profile.CustomerProfile profile, Instant now) {
                return java.util.Optional.of("one");
            }

            @Override
            public java.util.Optional<dev.retention.rules.trigger.Firing> evaluate(
                    dev.retention.core.event.CustomerHistory history, dev.retention.core.profile.CustomerProfile profile,
                    Instant now) {
                firingsBuilt.incrementAndGet();
                return java.util.Optional.of(dev.retention.rules.trigger.Firing.of("always", "one", "always fires"));
            }
        };
        CampaignEngine engine = shop.engine(Campaign.builder("always").trigger(always).message(Message.email("t"))
                .build()).build();
        Instant t = shop.clock.instant();

        for (int i = 0; i < 5; i++) {
            engine.onEvent(view(anna, "p" + i, t.plusSeconds(i)));
        }

        assertThat(shop.sender.sent()).hasSize(1);
        assertThat(firingsBuilt).as("the same episode is refused before its firing is built").hasValue(1);
    }

    @Test
    void aSegmentTriggerFiresOnEnteringAndAgainOnlyAfterLeaving() {
        CustomerId anna = shop.subscriber("anna");
        // "in the segment" while the customer has viewed more than they ordered
        Campaign campaign = Campaign.builder("browsers").trigger(Trigger.onEntering("browsers",
                (h, p, now) -> h.viewCount() > h.orderCountAsOf(now))).message(Message.email("t")).build();
        CampaignEngine engine = shop.engine(campaign).build();
        Instant t = shop.clock.instant();

        engine.onEvent(view(anna, "a", t));
        engine.onEvent(view(anna, "b", t.plusSeconds(1)));
        engine.tick(t.plusSeconds(2));
        assertThat(shop.sender.sent()).hasSize(1);
        engine.onEvent(order(anna, t.plusSeconds(3), "a"));
        engine.onEvent(order(anna, t.plusSeconds(4), "b"));
        engine.tick(t.plusSeconds(5));
        engine.onEvent(view(anna, "c", t.plusSeconds(6)));
        engine.tick(t.plusSeconds(7));

        assertThat(shop.sender.sent()).hasSize(2);
    }

    @Test
    void onEventEvaluatesOnlyTheEventsCustomerAndTickEvaluatesEveryone() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        Instant start = shop.clock.instant();
        shop.events.append(order(bob, start, "kettle"));
        CampaignEngine engine = shop.engine(thanks("thanks").build()).build();

        engine.onEvent(order(anna, start, "kettle"));
        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(anna);
        engine.tick(start);

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(anna, bob);
    }

    @Test
    void winBackFiresOnTickBecauseTimePassed() {
        CustomerId anna = shop.subscriber("anna");
        Instant start = shop.clock.instant();
        CampaignEngine engine = shop.engine(Campaign.builder("win-back")
                .trigger(WinBackTrigger.builder().noOrderFor(DAY.multipliedBy(60)).build())
                .message(Message.email("miss-you")).build()).build();
        engine.onEvent(order(anna, start, "kettle"));

        engine.tick(start.plus(DAY.multipliedBy(60)).minusSeconds(1));
        assertThat(shop.sender.sent()).isEmpty();
        engine.tick(start.plus(DAY.multipliedBy(60)));
        engine.tick(start.plus(DAY.multipliedBy(61)));

        assertThat(shop.sender.sent()).singleElement().satisfies(m -> assertThat(m.templateId()).isEqualTo("miss-you"));
    }

    @Test
    void idempotencyKeysDifferPerEntryAndStep() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks("thanks").then(Duration.ZERO, Message.email("t2")).build()).build();

        engine.onEvent(order(anna, shop.clock.instant(), "a"));
        shop.clock.set(shop.clock.instant().plusSeconds(10));
        engine.onEvent(order(anna, shop.clock.instant(), "b"));

        assertThat(shop.sender.sent()).hasSize(4).extracting(OutgoingMessage::idempotencyKey).doesNotHaveDuplicates();
        assertThat(shop.sender.duplicateCount()).isZero();
    }

    @Test
    void aNewEngineOverTheSameFireLogSendsWhatTheOldOneLeftPendingExactlyOnce() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob", ZoneId.of("UTC"));
        Campaign thanks = thanks("thanks").build();
        QuietHours quiet = QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0));
        CampaignEngine first = shop.engine(m -> DeliveryResult.retryableFailure("smtp down"), thanks)
                .quietHours(quiet).build();
        shop.clock.set(Instant.parse("2026-03-02T20:00:00Z"));
        first.onEvent(order(anna, shop.clock.instant(), "kettle"));     // fails, retry pending
        shop.clock.set(Instant.parse("2026-03-02T22:00:00Z"));
        first.onEvent(order(bob, shop.clock.instant(), "kettle"));      // deferred to 08:00

        CampaignEngine second = shop.engine(thanks).quietHours(quiet).build();
        shop.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        second.resume();
        second.resume();
        second.tick();

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactlyInAnyOrder(anna, bob);
        assertThat(shop.sender.duplicateCount()).isZero();
        assertThat(second.decisions(anna)).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
    }

    @Test
    void holdoutAndVariantsAreTheSameForEveryEngine() {
        Campaign campaign = thanks("thanks").holdout(0.3)
                .variants(Variant.of("a", "t-a", 1), Variant.of("b", "t-b", 1)).build();
        EngineFixture other = new EngineFixture();
        CampaignEngine one = shop.engine(campaign).build();
        CampaignEngine two = other.engine(campaign).build();

        for (int i = 0; i < 50; i++) {
            CustomerId customer = shop.subscriber("c" + i);
            other.subscriber("c" + i);
            one.onEvent(order(customer, shop.clock.instant(), "x"));
            two.onEvent(order(customer, other.clock.instant(), "x"));
            FireEntry a = shop.fireLog.entries(customer).get(0);
            FireEntry b = other.fireLog.entries(customer).get(0);
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.variant()).isEqualTo(a.variant());
            assertThat(b.key()).isEqualTo(a.key());
        }
    }

    @Test
    void explainSaysWhyACustomerDidOrWouldNotGetTheLetter() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId ghost = CustomerId.of("ghost");
        CampaignEngine engine = shop.engine(thanks("thanks").reEntry(ReEntry.once()).build()).build();

        assertThat(engine.explain(anna, "thanks")).startsWith("not triggered: thanks does not fire for anna");
        engine.onEvent(order(anna, shop.clock.instant(), "a"));
        shop.clock.set(shop.clock.instant().plusSeconds(60));
        engine.onEvent(order(anna, shop.clock.instant(), "b"));
        shop.events.append(order(ghost, shop.clock.instant(), "a"));

        assertThat(engine.explain(anna, "thanks")).contains("does not re-enter", "SENT",
                "allows one entry per customer");
        assertThat(engine.explain(ghost, "thanks")).startsWith("would be SUPPRESSED (NO_CONSENT)");
        assertThat(engine.decisions(ghost)).isEmpty();
        assertThatThrownBy(() -> engine.explain(anna, "nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void builderNamesTheMissingSetting() {
        assertThatThrownBy(() -> CampaignEngine.builder().events(shop.events).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profiles");
        assertThatThrownBy(() -> Campaign.builder("x").message(Message.email("t")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trigger");
        assertThatThrownBy(() -> thanks("x").holdout(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holdout");
    }

    private static dev.retention.core.event.CustomEvent joined(CustomerId customer, Instant at) {
        return new dev.retention.core.event.CustomEvent("join-" + customer.value(), customer, at, "joined-loyalty",
                Map.of());
    }
}
