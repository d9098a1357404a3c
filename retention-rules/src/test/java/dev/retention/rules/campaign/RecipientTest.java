package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine addresses each message from the customer's profile when it sends, and never sends one nobody can receive. */
class RecipientTest {
    private final EngineFixture shop = new EngineFixture();

    private static Campaign thanks(Channel channel) {
        return Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.of(channel, "thanks-template")).build();
    }

    private CustomerProfile.Builder profile(CustomerId customer) {
        return shop.profiles.find(customer).orElseThrow().toBuilder();
    }

    @Test
    void anEmailGoesToTheProfilesAddressAndTheFireLogKeepsNoAddress() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine engine = shop.engine(thanks(Channel.EMAIL)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        OutgoingMessage sent = shop.sender.sent().get(0);
        assertThat(sent.recipient()).contains("anna@example.com");
        FireEntry entry = engine.decisions(anna).get(0);
        assertThat(entry.status()).isEqualTo(FireStatus.SENT);
        assertThat(entry.message().recipient()).isEmpty();
        // the address is not part of the decision: the idempotency key is the recorded one
        assertThat(sent.idempotencyKey()).isEqualTo(entry.key());
        assertThat(sent.withoutRecipient()).isEqualTo(entry.message());
    }

    @Test
    void anSmsGoesToThePhoneNumber() {
        CustomerId anna = shop.subscriber("anna");
        shop.profiles.put(profile(anna).phone("+49 170 1234567")
                .consent(Consent.given(Channel.SMS, EngineFixture.START.minusSeconds(60))).build());
        CampaignEngine engine = shop.engine(thanks(Channel.SMS)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).singleElement()
                .satisfies(m -> assertThat(m.recipient()).contains("+49 170 1234567"));
    }

    @Test
    void withoutAnEmailAddressNothingIsSentAndTheDecisionSaysWhy() {
        CustomerId anna = CustomerId.of("anna");
        shop.profiles.put(CustomerProfile.builder(anna)
                .consent(Consent.given(Channel.EMAIL, EngineFixture.START.minusSeconds(60))).build());
        CampaignEngine engine = shop.engine(thanks(Channel.EMAIL)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).isEmpty();
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.SUPPRESSED);
            assertThat(e.cause()).isEqualTo(DecisionCause.NO_CONTACT_POINT);
            assertThat(e.reason()).contains("no email address");
        });
    }

    @Test
    void withoutAPhoneNumberNoSmsIsSent() {
        CustomerId anna = shop.subscriber("anna");
        shop.profiles.put(profile(anna).consent(Consent.given(Channel.SMS, EngineFixture.START.minusSeconds(60)))
                .build());
        CampaignEngine engine = shop.engine(thanks(Channel.SMS)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).isEmpty();
        assertThat(engine.decisions(anna).get(0).reason()).contains("no sms phone number");
    }

    @Test
    void anAddressChangedWhileTheMessageWaitsIsTheOneUsed() {
        CustomerId anna = shop.subscriber("anna");
        shop.clock.set(Instant.parse("2026-03-02T22:00:00Z"));
        CampaignEngine engine = shop.engine(thanks(Channel.EMAIL))
                .quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();
        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));
        assertThat(shop.sender.sent()).isEmpty();

        shop.profiles.put(profile(anna).email("anna@new.example").build());
        shop.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        engine.tick(shop.clock.instant());

        assertThat(shop.sender.sent()).singleElement()
                .satisfies(m -> assertThat(m.recipient()).contains("anna@new.example"));
    }

    @Test
    void anAddressRemovedWhileTheMessageWaitsStopsIt() {
        CustomerId anna = shop.subscriber("anna");
        shop.clock.set(Instant.parse("2026-03-02T22:00:00Z"));
        CampaignEngine engine = shop.engine(thanks(Channel.EMAIL))
                .quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();
        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        CustomerProfile current = shop.profiles.find(anna).orElseThrow();
        shop.profiles.put(new CustomerProfile(anna, Optional.empty(), current.phone(), current.birthday(),
                current.birthDate(), current.signedUpAt(), current.zone(), current.locale(), current.consents(),
                current.acquisitionSource(), current.attributes()));
        shop.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        engine.tick(shop.clock.instant());

        assertThat(shop.sender.sent()).isEmpty();
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.SUPPRESSED);
            assertThat(e.cause()).isEqualTo(DecisionCause.NO_CONTACT_POINT);
        });
    }

    @Test
    void aPushMessageHasNoRecipientAndIsSentByCustomerId() {
        CustomerId anna = shop.subscriber("anna");
        shop.profiles.put(profile(anna).consent(Consent.given(Channel.PUSH, EngineFixture.START.minusSeconds(60)))
                .build());
        CampaignEngine engine = shop.engine(thanks(Channel.PUSH)).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sent()).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEmpty();
            assertThat(m.customerId()).isEqualTo(anna);
        });
    }

    @Test
    void theMessageCarriesTheProfilesLocaleOnEveryChannelAndTheFireLogKeepsNone() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        shop.profiles.put(profile(anna).locale(Locale.forLanguageTag("de-AT"))
                .consent(Consent.given(Channel.PUSH, EngineFixture.START.minusSeconds(60))).build());
        CampaignEngine engine = shop.engine(thanks(Channel.EMAIL),
                Campaign.builder("push-thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                        .message(Message.of(Channel.PUSH, "thanks-push")).build()).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));
        engine.onEvent(order(bob, shop.clock.instant(), "kettle"));

        assertThat(shop.sender.sentTo(anna)).hasSize(2)
                .allSatisfy(m -> assertThat(m.locale()).contains(Locale.forLanguageTag("de-AT")));
        assertThat(shop.sender.sentTo(bob)).singleElement().satisfies(m -> assertThat(m.locale()).isEmpty());
        assertThat(engine.decisions(anna)).allSatisfy(e -> assertThat(e.message().locale()).isEmpty());
    }
}
