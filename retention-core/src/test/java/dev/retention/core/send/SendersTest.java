package dev.retention.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class SendersTest {
    private static final OutgoingMessage WIN_BACK = new OutgoingMessage("win-back:anna:1", CustomerId.of("anna"),
            "win-back", Channel.EMAIL, "win-back-v1",
            Map.of("firstName", "Anna", "email", "anna@example.com", "discountCode", "COMEBACK10"));

    @Test
    void recordingSenderCountsEveryCallAndAnswersARepeatedKeyAsDuplicate() {
        RecordingSender sender = new RecordingSender();
        assertThat(sender.send(WIN_BACK).status()).isEqualTo(DeliveryResult.Status.SENT);
        assertThat(sender.send(WIN_BACK).status()).isEqualTo(DeliveryResult.Status.DUPLICATE);
        // a same-key resend is a call the sender saw: sent() shows it, distinct() shows each key once
        assertThat(sender.sent()).containsExactly(WIN_BACK, WIN_BACK);
        assertThat(sender.distinct()).containsExactly(WIN_BACK);
        assertThat(sender.sentTo(CustomerId.of("anna"))).hasSize(2);
        assertThat(sender.sentTo(CustomerId.of("bob"))).isEmpty();
        assertThat(sender.duplicateCount()).isEqualTo(1);
        sender.clear();
        assertThat(sender.sent()).isEmpty();
        assertThat(sender.distinct()).isEmpty();
    }

    @Test
    void loggingSenderLogsNoPersonalData() {
        List<String> lines = new ArrayList<>();
        Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("info")) {
                        lines.add(Arrays.deepToString(args));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        DeliveryResult result = new LoggingSender(logger).send(WIN_BACK);

        assertThat(result.isDelivered()).isTrue();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("win-back", "email", "anna", "discountCode")
                .doesNotContain("anna@example.com", "Anna", "COMEBACK10");
        assertThat(WIN_BACK.toString()).doesNotContain("anna@example.com", "COMEBACK10");
    }

    @Test
    void outgoingMessagesAreValidated() {
        assertThatThrownBy(() -> new OutgoingMessage(" ", CustomerId.of("a"), "c", Channel.EMAIL, "t", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> new OutgoingMessage("k", CustomerId.of("a"), "c", Channel.EMAIL, "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("templateId");
        assertThatThrownBy(() -> Channel.of("E-Mail")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E-Mail");
    }

    @Test
    void aRecipientAddressesTheSameMessageAndStaysOutOfItsString() {
        OutgoingMessage addressed = WIN_BACK.withRecipient("anna@example.com");

        assertThat(WIN_BACK.recipient()).isEmpty();
        assertThat(addressed.recipient()).contains("anna@example.com");
        assertThat(addressed.idempotencyKey()).isEqualTo(WIN_BACK.idempotencyKey());
        assertThat(addressed.withoutRecipient()).isEqualTo(WIN_BACK);
        assertThat(addressed.toString()).contains("recipient=<set>").doesNotContain("anna@example.com");
        assertThatThrownBy(() -> WIN_BACK.withRecipient(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient");
        assertThatThrownBy(() -> new OutgoingMessage("k", CustomerId.of("a"), "c", Channel.EMAIL, "t", Map.of(),
                Optional.of(""))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    }

    @Test
    void theLocaleTravelsWithTheAddressAndNamesALanguage() {
        OutgoingMessage german = WIN_BACK.withRecipient("anna@example.com").withLocale(Locale.forLanguageTag("de-AT"));

        assertThat(german.locale()).contains(Locale.forLanguageTag("de-AT"));
        assertThat(german.withoutRecipient().locale()).contains(Locale.forLanguageTag("de-AT"));
        assertThat(german.withRecipient("anna@new.example").locale()).contains(Locale.forLanguageTag("de-AT"));
        assertThat(WIN_BACK.locale()).isEmpty();
        assertThat(german.toString()).contains("locale=de-AT").doesNotContain("anna@");
        assertThatThrownBy(() -> WIN_BACK.withLocale(Locale.ROOT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("locale");
    }

    @Test
    void aPlannedMessageKeepsItsFieldsSortedAndASenderAcceptsEveryPlanByDefault() {
        PlannedMessage planned = new PlannedMessage("win-back", 1, Channel.EMAIL, "win-back-v1",
                Set.of("step", "campaignId", "orderCount"));

        assertThat(planned.fields()).containsExactly("campaignId", "orderCount", "step");
        new RecordingSender().check(planned); // nothing to render, nothing to refuse
        assertThatThrownBy(() -> new PlannedMessage("win-back", -1, Channel.EMAIL, "t", Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step").hasMessageContaining("-1");
        assertThatThrownBy(() -> new PlannedMessage("win-back", 0, Channel.EMAIL, "t", Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
    }
}
