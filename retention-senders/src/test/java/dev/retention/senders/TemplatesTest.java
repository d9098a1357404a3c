package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private static final String EXAMPLE = "/META-INF/retention/templates/abandoned-view";

    private static final Templates SHIPPED = Templates.builder()
            .fromResources(Templates.class, EXAMPLE, "abandoned-view", Locale.ROOT)
            .fromResources(Templates.class, EXAMPLE + "_de", "abandoned-view", Locale.GERMAN)
            .build();

    /** A campaign step sending {@code templateId} with messages carrying {@code fields}. */
    private static PlannedMessage plan(String templateId, String... fields) {
        return new PlannedMessage("abandoned-view", 0, Channel.EMAIL, templateId, Set.of(fields));
    }

    /** What the abandoned-view trigger and the engine put into a message. */
    private static OutgoingMessage abandonedView(Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(Map.of(
                "viewedProducts", List.of("Kettle <Steel>", "Mug & Saucer"),
                "recommendations", List.of("Tea sampler"),
                "campaignId", "abandoned-view", "step", 0, "triggerReason", "viewed 2 products"));
        fields.putAll(extra);
        return new OutgoingMessage("abandoned-view:c-1:0:0", new CustomerId("c-1"), "abandoned-view", Channel.EMAIL,
                "abandoned-view", fields);
    }

    @Test
    void rendersTheShippedAbandonedViewLetterWithProductsRecommendationsAndDiscount() {
        RenderedEmail email = SHIPPED.render(abandonedView(Map.of(
                "incentiveCode", "COMEBACK10", "incentiveDescription", "10% off your next order")));

        assertThat(email.subject()).isEqualTo("Still thinking it over? 10% off your next order for you");
        assertThat(email.text()).contains("  - Kettle <Steel>\n  - Mug & Saucer\n", "  - Tea sampler\n",
                "Use the code COMEBACK10 at checkout: 10% off your next order.");
        assertThat(email.html()).contains("<li>Kettle &lt;Steel&gt;</li>", "<li>Mug &amp; Saucer</li>",
                "<li>Tea sampler</li>", "<strong>COMEBACK10</strong>").doesNotContain("<Steel>");
    }

    @Test
    void withoutADiscountTheLetterSaysNothingOfOne() {
        RenderedEmail email = SHIPPED.render(abandonedView(Map.of()));

        assertThat(email.subject()).isEqualTo("Still thinking it over?");
        assertThat(email.text()).doesNotContain("code");
        assertThat(email.html()).doesNotContain("<strong>");
    }

    @Test
    void theLocaleIsChosenFromTheMessageWithFallbackToLanguageThenRoot() {
        assertThat(SHIPPED.render(abandonedView(Map.of("locale", "de-CH"))).subject()).isEqualTo("Noch am Überlegen?");
        assertThat(SHIPPED.render(abandonedView(Map.of("locale", "de"))).text()).contains("Bis bald!");
        assertThat(SHIPPED.render(abandonedView(Map.of("locale", "fr-FR"))).subject()).isEqualTo("Still thinking it over?");

        Templates germanOnly = Templates.builder().template("t", Locale.GERMAN, "Hallo", "Hallo", "<p>Hallo</p>").build();
        OutgoingMessage french = new OutgoingMessage("k", new CustomerId("c-1"), "c", Channel.EMAIL, "t",
                Map.of("locale", "fr"));
        assertThatThrownBy(() -> germanOnly.render(french)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template t has no version for fr and no fallback");
    }

    @Test
    void theLocaleIsTheCustomersFromTheProfileFallingBackFromRegionToLanguageToRoot() {
        assertThat(SHIPPED.render(abandonedView(Map.of()).withLocale(Locale.forLanguageTag("de-AT"))).subject())
                .isEqualTo("Noch am Überlegen?");
        assertThat(SHIPPED.render(abandonedView(Map.of()).withLocale(Locale.GERMAN)).text()).contains("Bis bald!");
        assertThat(SHIPPED.render(abandonedView(Map.of())).subject()).isEqualTo("Still thinking it over?");
        assertThat(SHIPPED.render(abandonedView(Map.of()).withLocale(Locale.forLanguageTag("pt-BR"))).subject())
                .isEqualTo("Still thinking it over?");
        // a locale field in the personalisation overrides the profile's
        assertThat(SHIPPED.render(abandonedView(Map.of("locale", "en")).withLocale(Locale.GERMAN)).subject())
                .isEqualTo("Still thinking it over?");
    }

    @Test
    void aVariableOnlyOneLocaleUsesIsNamedWithThatLocale() {
        Templates t = Templates.builder()
                .template("welcome", Locale.ROOT, "Welcome", "Welcome!", "<p>Welcome!</p>")
                .template("welcome", Locale.forLanguageTag("de-AT"), "Servus {{firstName}}", "Servus!", "<p>Servus!</p>")
                .build();

        t.check(plan("welcome", "firstName"));
        assertThatThrownBy(() -> t.check(plan("welcome", "campaignId", "step")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("template welcome (locale de-AT) uses the variable firstName, which the "
                        + "messages do not carry (they carry [campaignId, step])");
    }

    @Test
    void aMissingFieldIsFoundAtBuildTimeAndNeverRendersAsABlank() {
        assertThat(SHIPPED.requiredFields("abandoned-view")).containsExactly("recommendations", "viewedProducts");
        SHIPPED.check(plan("abandoned-view", "viewedProducts", "recommendations", "incentiveCode"));
        assertThatThrownBy(() -> SHIPPED.check(plan("abandoned-view", "viewedProducts", "campaignId")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template abandoned-view (root locale) uses the variable recommendations, "
                        + "which the messages do not carry (they carry [campaignId, viewedProducts])");

        Map<String, Object> noRecommendations = new HashMap<>(abandonedView(Map.of()).personalisation());
        noRecommendations.remove("recommendations");
        OutgoingMessage incomplete = new OutgoingMessage("k", new CustomerId("c-1"), "abandoned-view", Channel.EMAIL,
                "abandoned-view", noRecommendations);
        assertThatThrownBy(() -> SHIPPED.render(incomplete)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the field 'recommendations'");
    }

    @Test
    void htmlIsEscapedAndPlainTextIsNot() {
        Templates t = Templates.builder().template("points", Locale.ROOT, "{{name}}: {{points}} points, tier {{tier}}",
                "{{name}} has {{points}} points", "<p>{{name}} has {{points}} points{{{trusted}}}</p>").build();
        OutgoingMessage m = new OutgoingMessage("k", new CustomerId("c-1"), "points", Channel.EMAIL, "points",
                Map.of("name", "Tom & \"Jerry\"", "points", 1200, "tier", "gold", "trusted", "<br>"));

        RenderedEmail email = t.render(m);

        assertThat(email.subject()).isEqualTo("Tom & \"Jerry\": 1200 points, tier gold");
        assertThat(email.text()).isEqualTo("Tom & \"Jerry\" has 1200 points");
        assertThat(email.html()).isEqualTo("<p>Tom &amp; &quot;Jerry&quot; has 1200 points<br></p>");
        assertThat(t.requiredFields("points")).containsExactly("name", "points", "tier", "trusted");
        t.check(plan("points", "name", "points", "tier", "trusted"));
    }

    @Test
    void aTemplateThatDoesNotCompileOrIsAddedTwiceIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> Templates.builder().template("broken", Locale.ROOT, "Hi", "{{#items}}open", "<p>x</p>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken").hasMessageContaining("text");
        assertThatThrownBy(() -> Templates.builder().template("t", Locale.ROOT, "a", "b", "c")
                .template("t", Locale.ROOT, "a", "b", "c")).hasMessageContaining("already added");
        assertThatThrownBy(() -> Templates.builder().fromResources(Templates.class, "/nowhere", "t", Locale.ROOT))
                .hasMessageContaining("/nowhere.subject.mustache");
        assertThatThrownBy(() -> SHIPPED.check(plan("unknown"))).hasMessageContaining("no template unknown");
    }
}
