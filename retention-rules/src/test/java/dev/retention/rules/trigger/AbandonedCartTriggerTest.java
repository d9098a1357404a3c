package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.cart;
import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbandonedCartTriggerTest {
    private static final CustomerId C = customer("c");
    private static final Instant T = Instant.parse("2026-05-05T18:00:00Z");
    private final AbandonedCartTrigger trigger = AbandonedCartTrigger.after(Duration.ofHours(1));

    private Optional<Firing> at(CustomerHistory history, Instant now) {
        return trigger.evaluate(history, CustomerProfile.unknown(C), now);
    }

    @Test
    void firesAfterTheSettleDelayUntilTheCartIsTooOld() {
        CustomerHistory history = CustomerHistory.of(C, cart(C, T, "shoes", "socks"));

        assertThat(at(history, T.plus(Duration.ofHours(1)).minusNanos(1))).isEmpty();
        Firing firing = at(history, T.plus(Duration.ofHours(1))).orElseThrow();
        assertThat(firing.payload()).containsEntry("cartProducts", List.of("shoes", "socks"))
                .containsEntry("cartTotal", "20.00 USD");
        // what it declares for the build-time template check is what it carries
        assertThat(firing.payload().keySet()).isEqualTo(trigger.payloadFields());
        assertThat(at(history, T.plus(Duration.ofDays(7)))).isPresent();
        assertThat(at(history, T.plus(Duration.ofDays(7)).plusNanos(1))).isEmpty();
    }

    @Test
    void anOrderOrAnEmptiedCartEndsIt() {
        CustomerHistory ordered = CustomerHistory.of(C, cart(C, T, "shoes"), order(C, T.plusSeconds(60), "shoes"));
        CustomerHistory emptied = CustomerHistory.of(C, cart(C, T, "shoes"), cart(C, T.plusSeconds(60)));

        assertThat(at(ordered, T.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(at(emptied, T.plus(Duration.ofHours(2)))).isEmpty();
    }
}
