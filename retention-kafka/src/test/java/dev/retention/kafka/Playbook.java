package dev.retention.kafka;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.ExitCondition;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.RisingFrequencyTrigger;
import dev.retention.rules.trigger.WinBackTrigger;
import dev.retention.testkit.SyntheticShop;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The four playbook campaigns with the thresholds of the examples' {@code PlaybookCampaigns} (the
 * README's chains: holdouts, cooldown, re-entry, a two-step win-back), and a points program, so
 * that the ledger topic has work too.
 */
final class Playbook {
    private Playbook() {}

    static List<Campaign> campaigns() {
        return List.of(
                Campaign.builder("abandoned-view")
                        .trigger(AbandonedViewTrigger.builder().lookback(Duration.ofHours(24))
                                .settleDelay(Duration.ofHours(1)).build())
                        .message(Message.email("abandoned-view")).holdout(0.10).cooldown(Duration.ofDays(7))
                        .priority(40).build(),
                Campaign.builder("loyalty-threshold")
                        .trigger(LoyaltyThresholdTrigger.of(3, Money.of(100, "USD")))
                        .message(Message.email("join-our-loyalty-program")).reEntry(ReEntry.once()).priority(30)
                        .build(),
                Campaign.builder("rising-frequency")
                        .trigger(RisingFrequencyTrigger.builder().window(Duration.ofDays(30)).atLeastOrders(6).build())
                        .message(Message.email("you-may-also-like")).reEntry(ReEntry.oncePer(Duration.ofDays(90)))
                        .holdout(0.20).priority(20).build(),
                Campaign.builder("win-back")
                        .trigger(WinBackTrigger.builder().atLeastOrders(3).noOrderFor(Duration.ofDays(90)).build())
                        .message(Message.email("we-miss-you"))
                        .then(Duration.ofDays(7), Message.email("tell-us-why"))
                        .exitWhen(ExitCondition.CUSTOMER_ORDERED).reEntry(ReEntry.once()).priority(10).build());
    }

    static PointsProgram points() {
        return PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD")).redeem(100, Money.of(5, "USD")).build();
    }

    /** Every synthetic customer with an address, consenting to email from the shop's start. */
    static CustomerProfile profile(CustomerId id) {
        return CustomerProfile.builder(id).email(id.value() + "@example.com")
                .consent(Consent.given(Channel.EMAIL, SyntheticShop.START)).build();
    }

    /** A profile with every field set, for the serde's round trips. */
    static CustomerProfile fullProfile(CustomerId id) {
        return CustomerProfile.builder(id).email("anna@example.com").phone("+49 30 1234567")
                .birthday(LocalDate.of(1990, 12, 24)).signedUpAt(SyntheticShop.START)
                .zone(java.time.ZoneId.of("Europe/Berlin")).locale(java.util.Locale.GERMANY)
                .consent(Consent.given(Channel.EMAIL, SyntheticShop.START))
                .acquisitionSource(new AcquisitionSource("newsletter", java.util.Optional.of("spring")))
                .attribute("tier", "gold").build();
    }
}
