package dev.retention.rules.loyalty;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The realistic program of the issue and helpers to write orders and refunds tersely. */
final class Fixtures {
    static final CustomerId ANNA = CustomerId.of("anna");
    static final CustomerId BEN = CustomerId.of("ben");

    private Fixtures() {}

    /** 1 point per 1.00 (rounded down), 100 points = 5.00 off from 100 points, 12-month expiry, 30-day returns. */
    static PointsProgram.Builder realistic() {
        return PointsProgram.builder()
                .currency("USD")
                .earn(1, usd("1.00"))
                .redeem(100, usd("5.00"))
                .minimumRedemption(100)
                .expireAfterMonths(12)
                .returnWindow(Duration.ofDays(30));
    }

    /** Silver from 500.00 and Gold from 1500.00 of net spend in the rolling 12 months, reviewed on 1 January. */
    static TierPolicy.Builder realisticTiers() {
        return TierPolicy.builder()
                .spend("USD")
                .window(QualificationWindow.rollingMonths(12))
                .baseTier("Member", TierBenefits.none())
                .tier("Silver", usd("500.00"), TierBenefits.multiplier("1.25"))
                .tier("Gold", usd("1500.00"), TierBenefits.multiplier("1.5").withFreeShipping().withEarlyAccess());
    }

    static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    static Instant at(String isoInstantOrDate) {
        return isoInstantOrDate.length() == 10 ? Instant.parse(isoInstantOrDate + "T00:00:00Z")
                : Instant.parse(isoInstantOrDate);
    }

    static OrderPlaced order(CustomerId customer, String orderId, String when, String total) {
        return new OrderPlaced("placed-" + orderId, customer, at(when), OrderId.of(orderId), List.of(), usd(total));
    }

    static OrderPlaced order(CustomerId customer, String orderId, String when, LineItem... lines) {
        return OrderPlaced.of("placed-" + orderId, customer, at(when), OrderId.of(orderId), List.of(lines));
    }

    static LineItem line(String product, String amount) {
        return new LineItem(ProductId.of(product), 1, usd(amount));
    }

    static OrderRefunded refund(CustomerId customer, String eventId, String orderId, String when, String amount) {
        return new OrderRefunded(eventId, customer, at(when), OrderId.of(orderId), usd(amount));
    }
}
