package dev.retention.testkit;

import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.OutgoingMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxAssertTest {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final CustomerId BEN = CustomerId.of("ben");

    private static OutgoingMessage message(String key, CustomerId to, String campaign, String template,
            Map<String, Object> fields) {
        return new OutgoingMessage(key, to, campaign, Channel.EMAIL, template, fields);
    }

    private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-09T09:00:00Z");

    private final Outbox outbox = new Outbox(List.of(
            new SentMessage(message("k1", ANNA, "abandoned-view", "abandoned-view-a",
                    Map.of("viewedProducts", List.of("tent", "mat"))).withRecipient("anna@example.com"), T1),
            new SentMessage(message("k2", ANNA, "win-back", "we-miss-you", Map.of("orderCount", 3)), T1),
            new SentMessage(message("k3", ANNA, "win-back", "feedback-form", Map.of("orderCount", 3)), T2),
            new SentMessage(message("k4", BEN, "upsell", "upsell", Map.of("favouriteProducts", List.of("beans"))),
                    T2)), List.of());

    @Test
    void narrowsByCustomerCampaignAndTemplateAndCounts() {
        assertThat(outbox).sentTo(ANNA).campaign("abandoned-view").exactlyOnce().withProduct("tent")
                .withProduct(ProductId.of("mat"));
        assertThat(outbox).sentTo(ANNA).campaign("win-back").times(2).withField("orderCount", 3)
                .templatesInOrder("we-miss-you", "feedback-form");
        assertThat(outbox).sentTo(ANNA).template("feedback-form").exactlyOnce();
        assertThat(outbox).sentTo(BEN).campaign("win-back").never();
        assertThat(outbox).times(4);
        assertThat(assertThat(outbox).sentTo(BEN).messages()).extracting(OutgoingMessage::idempotencyKey)
                .containsExactly("k4");
    }

    @Test
    void aWrongCountNamesTheSelectionAndListsWhatWasSent() {
        assertThatThrownBy(() -> assertThat(outbox).sentTo(BEN).campaign("win-back").exactlyOnce())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting exactly 1 message sent to ben of campaign win-back, but found 0")
                .hasMessageContaining("ben <- upsell [upsell]")
                .hasMessageContaining("Decisions about ben:");
    }

    @Test
    void aMissingProductShowsThePersonalisation() {
        assertThatThrownBy(() -> assertThat(outbox).sentTo(ANNA).campaign("abandoned-view").withProduct("stove"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to name product stove")
                .hasMessageContaining("viewedProducts=[tent, mat]");
    }

    @Test
    void contentChecksNeedAtLeastOneMessage() {
        assertThatThrownBy(() -> assertThat(outbox).sentTo(BEN).campaign("win-back").withTemplate("we-miss-you"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but there is none");
    }

    @Test
    void aWrongSequenceShowsTheActualTemplates() {
        assertThatThrownBy(() -> assertThat(outbox).sentTo(ANNA).campaign("win-back")
                .templatesInOrder("feedback-form", "we-miss-you"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but found [we-miss-you, feedback-form]");
    }

    @Test
    void aResendOfOneKeyFailsExactlyOnceAndAnyCount() {
        TestSender sender = new TestSender();
        OutgoingMessage letter = message("k1", ANNA, "win-back", "we-miss-you", Map.of());
        sender.send(letter);
        sender.send(letter); // the provider answers duplicate, but the engine did send it twice
        Outbox resent = new Outbox(sender.deliveries(), List.of());

        assertThatThrownBy(() -> assertThat(resent).sentTo(ANNA).exactlyOnce())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("idempotency key k1 sent 2 times");
        assertThatThrownBy(() -> assertThat(resent).sentTo(ANNA).times(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("idempotency key k1 sent 2 times");
    }

    @Test
    void sentAtAndAddressedToCheckEverySelectedMessage() {
        assertThat(outbox).sentTo(ANNA).template("we-miss-you").sentAt(T1);
        assertThat(outbox).sentTo(ANNA).campaign("abandoned-view").addressedTo("anna@example.com");
        assertThat(outbox.sent()).extracting(SentMessage::sentAt).containsExactly(T1, T1, T2, T2);

        assertThatThrownBy(() -> assertThat(outbox).sentTo(ANNA).campaign("win-back").sentAt(T1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("every message sent to anna of campaign win-back to be sent at " + T1)
                .hasMessageContaining("k3 was sent at " + T2);
        assertThatThrownBy(() -> assertThat(outbox).sentTo(BEN).sentAt(T1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("k4 was sent at " + T2);
        assertThatThrownBy(() -> assertThat(outbox).sentTo(BEN).addressedTo("ben@example.com"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("k4 has no recipient");
        assertThatThrownBy(() -> assertThat(outbox).sentTo(BEN).campaign("win-back").sentAt(T1))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but there is none");
    }
}
