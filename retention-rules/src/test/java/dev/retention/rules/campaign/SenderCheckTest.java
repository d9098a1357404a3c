package dev.retention.rules.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine asks its sender, when it is built, whether every campaign step's template gets the fields it uses. */
class SenderCheckTest {
    private final EngineFixture shop = new EngineFixture();

    /** A sender whose templates use the fields given per template id; records the plans it was asked about. */
    private static final class TemplatedSender implements MessageSender {
        final List<PlannedMessage> asked = new ArrayList<>();
        private final Map<String, Set<String>> uses;

        TemplatedSender(Map<String, Set<String>> uses) {
            this.uses = uses;
        }

        @Override
        public DeliveryResult send(OutgoingMessage message) {
            return DeliveryResult.sent("ok");
        }

        @Override
        public void check(PlannedMessage planned) {
            asked.add(planned);
            for (String field : uses.getOrDefault(planned.templateId(), Set.of())) {
                if (!planned.fields().contains(field)) {
                    throw new IllegalArgumentException("template " + planned.templateId() + " (locale de) uses the "
                            + "variable " + field + ", which the messages do not carry");
                }
            }
        }
    }

    private static Campaign abandonedViewWithVariantsAndAReminder() {
        return Campaign.builder("abandoned-view").trigger(AbandonedViewTrigger.builder().build())
                .message(Message.email("abandoned-view"))
                .variants(Variant.of("plain", "abandoned-view-plain", 1), Variant.of("urgent", "abandoned-view-urgent", 1))
                .then(Duration.ofDays(3), Message.of(Channel.PUSH, "reminder"))
                .build();
    }

    @Test
    void everyStepAndVariantIsCheckedWithTheFieldsItsMessagesCarry() {
        TemplatedSender sender = new TemplatedSender(Map.of());

        shop.engine(sender, abandonedViewWithVariantsAndAReminder()).build();

        Set<String> fields = Set.of("viewedProducts", "recommendations", "campaignId", "step", "triggerReason",
                "variant");
        // the first message's own template is never sent when there are variants: each variant's is
        assertThat(sender.asked).containsExactly(
                new PlannedMessage("abandoned-view", 0, Channel.EMAIL, "abandoned-view-plain", fields),
                new PlannedMessage("abandoned-view", 0, Channel.EMAIL, "abandoned-view-urgent", fields),
                new PlannedMessage("abandoned-view", 1, Channel.PUSH, "reminder", fields));
    }

    @Test
    void aTemplateUsingAVariableTheStepsMessagesDoNotCarryFailsTheBuildNamingCampaignAndStep() {
        TemplatedSender sender = new TemplatedSender(Map.of("reminder", Set.of("viewedProducts", "firstName")));

        assertThatThrownBy(() -> shop.engine(sender, abandonedViewWithVariantsAndAReminder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("campaign abandoned-view, step 1 of 2 (push, trigger abandoned-view, whose firings always "
                        + "carry [recommendations, viewedProducts]): template reminder (locale de) uses the variable "
                        + "firstName, which the messages do not carry");
    }

    @Test
    void aCampaignWhoseTemplatesGetWhatTheyUseBuilds() {
        TemplatedSender sender = new TemplatedSender(Map.of(
                "abandoned-view-plain", Set.of("viewedProducts", "recommendations", "variant"),
                "thanks", Set.of("orderId", "products", "step")));

        shop.engine(sender, abandonedViewWithVariantsAndAReminder(), Campaign.builder("thanks")
                .trigger(PostPurchaseTrigger.after(Duration.ZERO)).message(Message.email("thanks")).build()).build();

        assertThat(sender.asked).extracting(PlannedMessage::templateId)
                .containsExactly("abandoned-view-plain", "abandoned-view-urgent", "reminder", "thanks");
        // no variants, no variant field
        assertThat(sender.asked.get(3).fields()).containsExactly("campaignId", "orderId", "orderTotal", "products",
                "step", "triggerReason");
    }

    @Test
    void theFacadeFailsItsBuildToo() {
        TemplatedSender sender = new TemplatedSender(Map.of("thanks", Set.of("firstName")));

        assertThatThrownBy(() -> Retention.builder().state(CustomerStateStore.inMemory()).sender(sender)
                .clock(shop.clock).campaign(Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                        .message(Message.email("thanks")).build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("campaign thanks, step 0 of 1 (email, trigger post-purchase")
                .hasMessageContaining("variable firstName");
    }
}
