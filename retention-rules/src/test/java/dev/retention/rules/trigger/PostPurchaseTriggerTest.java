package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostPurchaseTriggerTest {
    private static final CustomerId C = customer("c");
    private static final Instant T = Instant.parse("2026-04-01T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private final PostPurchaseTrigger trigger = PostPurchaseTrigger.after(DAY.multipliedBy(3)).within(DAY);

    private Optional<Firing> at(CustomerHistory history, Instant now) {
        return trigger.evaluate(history, CustomerProfile.unknown(C), now);
    }

    @Test
    void firesFromNDaysAfterTheOrderForTheGracePeriod() {
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "kettle"));

        assertThat(at(history, T.plus(DAY.multipliedBy(3)).minusNanos(1))).isEmpty();
        assertThat(at(history, T.plus(DAY.multipliedBy(3)))).isPresent();
        assertThat(at(history, T.plus(DAY.multipliedBy(4)).minusNanos(1))).isPresent();
        assertThat(at(history, T.plus(DAY.multipliedBy(4)))).isEmpty();
    }

    @Test
    void eachOrderIsAnEpisodeWithItsProducts() {
        OrderPlaced first = order(C, T, "kettle", "filter");
        OrderPlaced second = order(C, T.plus(DAY.multipliedBy(10)), "beans");
        CustomerHistory history = CustomerHistory.of(C, first, second);

        Firing one = at(history, T.plus(DAY.multipliedBy(3))).orElseThrow();
        Firing two = at(history, T.plus(DAY.multipliedBy(13))).orElseThrow();

        assertThat(one.payload()).containsEntry("orderId", first.orderId().value())
                .containsEntry("products", List.of("kettle", "filter"));
        assertThat(one.payload().keySet()).isEqualTo(trigger.payloadFields());
        assertThat(two.episode()).isNotEqualTo(one.episode());
    }
}
