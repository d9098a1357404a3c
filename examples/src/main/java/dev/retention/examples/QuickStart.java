package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.MessageSender;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.customer.EventOutcome;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.QualificationWindow;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/** The README's quick start, kept compiling and tested ({@code QuickStartTest}). */
public final class QuickStart {
    private QuickStart() {}

    /** What the facade's quick start computed, for its test. */
    public record ShopDay(EventOutcome second, long points, String export, Erasure erased) {}

    /** The facade: one entry point for the shop's events; {@code sender} is the shop's (email, webhook, ...). */
    public static ShopDay annaAtTheShop(MessageSender sender) {
        // facade:begin
        TierPolicy tiers = TierPolicy.builder().spend("EUR").window(QualificationWindow.rollingMonths(12))
                .baseTier("Member", TierBenefits.none())
                .tier("Silver", Money.of(500, "EUR"), TierBenefits.multiplier("1.25"))
                .build();
        Retention retention = Retention.builder()
                .state(CustomerStateStore.inMemory())     // or CustomerStateStore.composedOf(your stores)
                .campaign(Campaign.builder("loyalty-invite")
                        .trigger(LoyaltyThresholdTrigger.of(2, Money.of(100, "EUR")))
                        .message(Message.email("join-our-loyalty-club"))
                        .build())
                .points(PointsProgram.builder().currency("EUR").earn(1, Money.of(1, "EUR"))
                        .redeem(100, Money.of(5, "EUR")).tierMultipliers(tiers).build())
                .tiers(tiers)
                .sender(sender)
                .clock(Clock.fixed(Instant.parse("2026-03-06T00:00:00Z"), ZoneOffset.UTC)) // Clock.systemUTC() in production
                .build();

        CustomerId anna = CustomerId.of("anna");
        retention.state().profiles().put(CustomerProfile.builder(anna).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, Instant.parse("2026-01-01T00:00:00Z"))).build());
        retention.onEvent(OrderPlaced.of("ev-1", anna, Instant.parse("2026-03-01T10:20:00Z"), OrderId.of("o-1001"),
                List.of(LineItem.of(ProductId.of("sneaker-42"), 1, Money.parse("89.90", "EUR")))));
        EventOutcome second = retention.onEvent(OrderPlaced.of("ev-2", anna, Instant.parse("2026-03-05T18:00:00Z"),
                OrderId.of("o-1002"), List.of(LineItem.of(ProductId.of("socks-7"), 3, Money.parse("9.90", "EUR")))));
        // second.fireEntries(): the loyalty invitation, decided and sent within this call
        long points = retention.points().orElseThrow()
                .balance(anna, Instant.parse("2026-03-06T00:00:00Z")).total();      // 89 + 29 = 118
        retention.tick();                        // from your scheduler, every few minutes: time-driven campaigns
        String export = retention.export(anna);  // GDPR art. 20: everything kept about anna, as JSON
        Erasure erased = retention.erase(anna);  // GDPR art. 17: 2 events, 1 profile, 1 decision, 2 ledger entries
        // facade:end
        return new ShopDay(second, points, export, erased);
    }

    public static CustomerHistory annasHistory() {
        // quick-start:begin
        EventStore events = new InMemoryEventStore();
        CustomerId anna = CustomerId.of("anna");
        ProductId sneaker = ProductId.of("sneaker-42");

        events.append(new ProductViewed("ev-1", anna, Instant.parse("2026-03-01T10:00:00Z"), sneaker));
        events.append(OrderPlaced.of("ev-2", anna, Instant.parse("2026-03-01T10:20:00Z"), OrderId.of("o-1001"),
                List.of(LineItem.of(sneaker, 2, Money.parse("44.95", "EUR")))));
        events.append(new OrderRefunded("ev-3", anna, Instant.parse("2026-03-09T09:00:00Z"), OrderId.of("o-1001"),
                Money.parse("44.95", "EUR")));
        events.append(new ProductViewed("ev-1", anna, Instant.parse("2026-03-01T10:00:00Z"), sneaker)); // repeat: ignored

        CustomerHistory history = events.history(anna);
        Instant now = Instant.parse("2026-03-10T00:00:00Z");
        int orders = history.orderCountAsOf(now);                                  // 1
        Money spent = history.netSpendAsOf(Currency.getInstance("EUR"), now);      // 44.95 EUR
        List<ProductId> viewed = history.productsViewed(now.minusSeconds(86_400 * 30), now); // [sneaker-42]
        // quick-start:end
        return history;
    }
}
