package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbandonedViewTriggerTest {
    private static final CustomerId ANNA = customer("anna");
    private static final CustomerProfile PROFILE = CustomerProfile.unknown(ANNA);
    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private final AbandonedViewTrigger trigger = AbandonedViewTrigger.builder()
            .lookback(Duration.ofHours(24)).settleDelay(Duration.ofHours(1)).build();

    private Optional<Firing> at(Instant now, CustomerHistory history) {
        return trigger.evaluate(history, PROFILE, now);
    }

    @Test
    void firesExactlyWhenTheSettleDelayHasPassedAfterTheLastView() {
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T), view(ANNA, "p2", T.plusSeconds(600)));
        Instant lastView = T.plusSeconds(600);

        assertThat(at(lastView.plus(Duration.ofHours(1)).minusNanos(1), history)).isEmpty();
        assertThat(at(lastView.plus(Duration.ofHours(1)), history)).isPresent();
    }

    @Test
    void stopsFiringWhenTheLastViewLeavesTheLookback() {
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T));

        assertThat(at(T.plus(Duration.ofHours(24)), history)).isPresent();
        assertThat(at(T.plus(Duration.ofHours(24)).plusNanos(1), history)).isEmpty();
    }

    @Test
    void buyingAViewedProductAfterTheViewPreventsTheFiring() {
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T), view(ANNA, "p2", T.plusSeconds(60)),
                order(ANNA, T.plusSeconds(120), "p1"));

        assertThat(at(T.plus(Duration.ofHours(2)), history)).isEmpty();
    }

    @Test
    void buyingOtherProductsDoesNotPreventTheFiring() {
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T), order(ANNA, T.plusSeconds(60), "p9"));

        assertThat(at(T.plus(Duration.ofHours(2)), history)).isPresent();
    }

    @Test
    void aPurchaseBeforeTheViewsDoesNotCount() {
        CustomerHistory history = CustomerHistory.of(ANNA, order(ANNA, T.minusSeconds(60), "p1"), view(ANNA, "p1", T));

        assertThat(at(T.plus(Duration.ofHours(2)), history)).isPresent();
    }

    @Test
    void payloadListsViewedProductsMostRecentFirstWithoutRepeats() {
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T), view(ANNA, "p2", T.plusSeconds(60)),
                view(ANNA, "p1", T.plusSeconds(120)), view(ANNA, "p3", T.plusSeconds(180)));

        Firing firing = at(T.plus(Duration.ofHours(2)), history).orElseThrow();

        assertThat(firing.payload().get("viewedProducts")).isEqualTo(List.of("p3", "p1", "p2"));
        // what it declares for the build-time template check is what it carries
        assertThat(firing.payload().keySet()).isEqualTo(trigger.payloadFields());
        assertThat(firing.reason()).contains("viewed 3 products", "bought none of them");
    }

    @Test
    void eachNewViewStartsANewEpisode() {
        CustomerHistory first = CustomerHistory.of(ANNA, view(ANNA, "p1", T));
        CustomerHistory second = CustomerHistory.of(ANNA, view(ANNA, "p1", T), view(ANNA, "p2", T.plusSeconds(3600)));

        String before = at(T.plus(Duration.ofHours(1)), first).orElseThrow().episode();
        String after = at(T.plus(Duration.ofHours(3)), second).orElseThrow().episode();

        assertThat(before).isNotEqualTo(after);
        assertThat(at(T.plus(Duration.ofHours(5)), first).orElseThrow().episode()).isEqualTo(before);
    }

    @Test
    void viewsAfterNowAreIgnored() {
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T.plus(Duration.ofHours(5))));

        assertThat(at(T.plus(Duration.ofHours(2)), history)).isEmpty();
    }

    @Test
    void addsRecommendationsAndTheIncentive() {
        CustomerId other = customer("bob");
        CoPurchaseRecommender recommender = CoPurchaseRecommender.fromOrders(List.of(
                order(other, T, "p1", "p7"), order(other, T, "p1", "p7", "p8"), order(other, T, "p2", "p9")));
        AbandonedViewTrigger withExtras = AbandonedViewTrigger.builder().recommender(recommender, 2)
                .incentives(IncentivePolicy.firstOrderOnly(new Incentive("WELCOME5", "5% off"))).build();
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T));

        Firing firing = withExtras.evaluate(history, PROFILE, T.plus(Duration.ofHours(2))).orElseThrow();

        assertThat(firing.payload().get("recommendations")).isEqualTo(List.of("p7", "p8"));
        assertThat(firing.payload()).containsEntry("incentiveCode", "WELCOME5");
    }

    @Test
    void recommendationsDoNotSeePurchasesAfterNow() {
        CustomerId other = customer("bob");
        CoPurchaseRecommender recommender = CoPurchaseRecommender.fromOrders(List.of(
                order(other, T, "p1", "p7"), order(other, T, "p1", "p7", "p8")));
        AbandonedViewTrigger withRecommendations = AbandonedViewTrigger.builder().recommender(recommender, 2).build();
        // a backtest's history holds the customer's later life too: p7 is bought a day after now
        CustomerHistory history = CustomerHistory.of(ANNA, view(ANNA, "p1", T),
                order(ANNA, T.plus(Duration.ofDays(1)), "p7"));

        Firing firing = withRecommendations.evaluate(history, PROFILE, T.plus(Duration.ofHours(2))).orElseThrow();

        assertThat(firing.payload().get("recommendations")).isEqualTo(List.of("p7", "p8"));
    }

    @Test
    void rejectsASettleDelayNotShorterThanTheLookback() {
        assertThatThrownBy(() -> AbandonedViewTrigger.builder().lookback(Duration.ofHours(1))
                .settleDelay(Duration.ofHours(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settleDelay");
    }
}
