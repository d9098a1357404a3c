package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.InMemoryLedgerStore;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade over a user's own stores, composed behind the seam, works as over the library's. */
class UserStoresBehindTheSeamTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");

    @Test
    void theFacadeRunsOverTheUsersOwnStores() {
        CountingEventStore events = new CountingEventStore();
        MapProfileStore profiles = new MapProfileStore();
        RecordingSender sender = new RecordingSender();
        Retention retention = Retention.builder()
                .state(CustomerStateStore.composedOf(events, profiles, new InMemoryFireLog(), new InMemoryLedgerStore()))
                .campaign(Campaign.builder("loyalty-invite").trigger(LoyaltyThresholdTrigger.of(2, Money.of(50, "USD")))
                        .message(Message.email("join-loyalty")).build())
                .points(PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD"))
                        .redeem(100, Money.of(5, "USD")).build())
                .sender(sender).clock(VirtualClock.at(NOW))
                .build();
        profiles.put(CustomerProfile.builder(ANNA).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, NOW.minus(Duration.ofDays(30)))).build());

        retention.onEvent(order("o-1", NOW.minus(Duration.ofDays(2)), 40));
        retention.onEvent(order("o-2", NOW.minus(Duration.ofDays(1)), 30));

        assertThat(events.appends).hasValue(2);
        assertThat(retention.points().orElseThrow().entries(ANNA)).extracting(LedgerEntry::points)
                .containsExactly(40L, 30L);
        assertThat(sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("join-loyalty");

        Erasure erased = retention.erase(ANNA);

        assertThat(erased).isEqualTo(new Erasure(2, 1, 1, 2));
        assertThat(events.history(ANNA).isEmpty()).isTrue();
        assertThat(profiles.find(ANNA)).isEmpty();
        assertThat(retention.customer(ANNA).isEmpty()).isTrue();
    }

    private static OrderPlaced order(String id, Instant at, long usd) {
        return new OrderPlaced(id, ANNA, at, OrderId.of(id), List.of(), Money.of(usd, "USD"));
    }
}
