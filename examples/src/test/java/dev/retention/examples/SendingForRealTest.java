package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.MessageSender;
import dev.retention.examples.playbook.AbandonedViewExample;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import dev.retention.rules.trigger.Recommender;
import dev.retention.senders.SmtpSender;
import dev.retention.senders.Templates;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Sending for real" wiring, end to end behind the facade: a signed webhook, SMTP
 * email in the customer's language, and templates checked against the campaigns when it is built.
 */
class SendingForRealTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("news@shop.example", "news", "pw"));

    private static final String BASE = "/META-INF/retention/templates/abandoned-view";

    /** The shipped letter, fired by the abandoned-view trigger: its messages carry what it uses. */
    private static final Campaign ABANDONED_VIEW = Campaign.builder("abandoned-view")
            .trigger(AbandonedViewTrigger.builder().build()).message(Message.email("abandoned-view")).build();

    private static void subscribe(Retention retention, String id, Locale locale) {
        CustomerProfile.Builder profile = CustomerProfile.builder(CustomerId.of(id)).email(id + "@example.com")
                .consent(Consent.given(Channel.EMAIL, Instant.now().minus(Duration.ofDays(30))));
        if (locale != null) {
            profile.locale(locale);
        }
        retention.state().profiles().put(profile.build());
    }

    @Test
    void aGermanCustomerGetsTheGermanLetterOneWithoutALocaleTheDefaultAndAnUnknownLocaleFallsBack() throws Exception {
        Retention retention = SendingForReal.email("127.0.0.1", MAIL.getSmtp().getPort(), "pw", false, ABANDONED_VIEW);
        subscribe(retention, "anna", Locale.forLanguageTag("de-AT"));
        subscribe(retention, "bob", null);
        subscribe(retention, "chloe", Locale.forLanguageTag("fr-FR"));
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2)); // the trigger waits an hour after the last view

        for (String id : List.of("anna", "bob", "chloe")) {
            retention.onEvent(new ProductViewed("view-" + id, CustomerId.of(id), twoHoursAgo, ProductId.of("kettle")));
        }

        Map<String, MimeMessage> byRecipient = java.util.Arrays.stream(MAIL.getReceivedMessages()).collect(
                Collectors.toMap(m -> to(m), Function.identity()));
        assertThat(byRecipient).containsOnlyKeys("anna@example.com", "bob@example.com", "chloe@example.com");
        assertThat(byRecipient.get("anna@example.com").getSubject()).isEqualTo("Noch am Überlegen?");
        assertThat(body(byRecipient.get("anna@example.com"))).contains("Sie haben sich kürzlich angesehen", "kettle");
        assertThat(byRecipient.get("bob@example.com").getSubject()).isEqualTo("Still thinking it over?");
        assertThat(byRecipient.get("chloe@example.com").getSubject()).isEqualTo("Still thinking it over?");
        assertThat(body(byRecipient.get("chloe@example.com"))).contains("you recently looked at");
    }

    @Test
    void aTemplateUsingAVariableTheCampaignsMessagesLackFailsTheBuildNamingItAll() {
        Campaign thanks = Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ofDays(1)))
                .message(Message.email("abandoned-view")).build();

        assertThatThrownBy(() -> SendingForReal.email("127.0.0.1", MAIL.getSmtp().getPort(), "pw", false, thanks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("campaign thanks, step 0 of 1 (email, trigger post-purchase, whose firings "
                        + "always carry [orderId, orderTotal, products]): template abandoned-view (root locale) uses the "
                        + "variables recommendations, viewedProducts, which the messages do not carry");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void theShippedAbandonedViewLetterPassesWithThePlaybookCampaign() {
        // the playbook's campaign sends two A/B variants of the letter: each is the shipped one here
        Templates.Builder templates = Templates.builder();
        for (String variant : List.of("abandoned-view-plain", "abandoned-view-urgent")) {
            templates.fromResources(Templates.class, BASE, variant, Locale.ROOT)
                    .fromResources(Templates.class, BASE + "_de", variant, Locale.GERMAN);
        }
        MessageSender email = SmtpSender.builder("127.0.0.1", MAIL.getSmtp().getPort())
                .from("news@shop.example", "Shop").renderer(templates.build()).build();

        Retention retention = Retention.builder().state(CustomerStateStore.inMemory())
                .campaign(AbandonedViewExample.campaign(Recommender.none())).sender(email).clock(Clock.systemUTC())
                .build();

        assertThat(retention.engine().explain(CustomerId.of("anna"), "abandoned-view")).startsWith("not triggered");
    }

    @Test
    void theWebhookCarriesTheCustomersLocaleAndItsSignatureVerifies() throws IOException {
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        List<Boolean> verified = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                SendingForReal.verify("whsec_readme", exchange.getRequestHeaders().getFirst("Retention-Signature"), body);
                verified.add(true);
                bodies.add(new ObjectMapper().readTree(body));
                exchange.sendResponseHeaders(204, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.start();
        try {
            Campaign thanks = Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                    .message(Message.email("thank-you")).build();
            Retention retention = SendingForReal.webhook(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "whsec_readme", thanks);
            subscribe(retention, "anna", Locale.forLanguageTag("de-AT"));

            retention.onEvent(OrderPlaced.of("ev-1", CustomerId.of("anna"), Instant.now().minusSeconds(60),
                    OrderId.of("o-1"), List.of(LineItem.of(ProductId.of("kettle"), 1, Money.of(30, "EUR")))));

            assertThat(verified).containsExactly(true);
            assertThat(bodies).singleElement().satisfies(b -> {
                assertThat(b.get("template").asText()).isEqualTo("thank-you");
                assertThat(b.get("recipient").asText()).isEqualTo("anna@example.com");
                assertThat(b.get("locale").asText()).isEqualTo("de-AT");
                assertThat(b.get("data").get("orderId").asText()).isEqualTo("o-1");
            });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theReadmeShowsTheSnippetsVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/main/java/dev/retention/examples/SendingForReal.java"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String name : List.of("webhook", "verifier", "smtp")) {
            String snippet = source.substring(source.indexOf("// " + name + ":begin") + ("// " + name + ":begin").length(),
                    source.indexOf("// " + name + ":end"));
            for (String line : snippet.strip().split("\n")) {
                String expected = line.strip().replace(".startTls(startTls)", ".startTls(true)");
                assertThat(readme).as("README line").contains(expected);
            }
        }
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The letter's plain-text part, decoded. */
    private static String body(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }
}
