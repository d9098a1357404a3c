package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult.Status;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Sending for real" snippets, run against loopback servers, and shown there verbatim. */
class ReadmeWiringTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("news@shop.example", "news", "pw"));

    private static final OutgoingMessage MESSAGE = new OutgoingMessage("abandoned-view:c-1:0:0", new CustomerId("c-1"),
            "abandoned-view", Channel.EMAIL, "abandoned-view",
            Map.of("viewedProducts", List.of("kettle"), "recommendations", List.of("mug"))).withRecipient("c1@example.com");

    @Test
    void theWebhookSnippetSendsASignedMessageTheReceiverAccepts() {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            String hookUrl = server.url().toString();
            String secret = "whsec_readme";
            // webhook:begin
            MessageSender webhook = WebhookSender.builder(URI.create(hookUrl), secret)
                    .requestTimeout(Duration.ofSeconds(5))
                    .build();
            // webhook:end

            assertThat(webhook.send(MESSAGE).status()).isEqualTo(Status.SENT);
            LoopbackHttpServer.Received request = server.received.get(0);
            // verifier:begin
            WebhookVerifier verifier = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.systemUTC());
            verifier.verify(request.headers().getFirst("Retention-Signature"), request.body()); // throws if forged or replayed
            // verifier:end
        }
    }

    @Test
    void theSmtpSnippetSendsTheAbandonedViewLetter() throws Exception {
        String smtpHost = "127.0.0.1";
        int smtpPort = MAIL.getSmtp().getPort();
        String password = "pw";
        boolean starttls = false; // GreenMail speaks plain SMTP; the README's line says true
        // smtp:begin
        Templates templates = Templates.builder()
                .fromResources(Templates.class, "/META-INF/retention/templates/abandoned-view", "abandoned-view", Locale.ROOT)
                .build();
        MessageSender email = SmtpSender.builder(smtpHost, smtpPort)
                .from("news@shop.example", "Shop").login("news", password)
                .startTls(starttls)
                .renderer(templates)
                .unsubscribe(m -> URI.create("https://shop.example/unsubscribe?c=" + m.customerId().value()))
                .build();
        // smtp:end

        assertThat(email.send(MESSAGE).status()).isEqualTo(Status.SENT);
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("Still thinking it over?");
    }

    @Test
    void theReadmeShowsTheSnippetsVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/retention/senders/ReadmeWiringTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String name : List.of("webhook", "verifier", "smtp")) {
            String snippet = source.substring(source.indexOf("// " + name + ":begin") + name.length() + 9,
                    source.indexOf("// " + name + ":end"));
            for (String line : snippet.strip().split("\n")) {
                String expected = line.strip().replace(".startTls(starttls)", ".startTls(true)");
                assertThat(readme).as("README line").contains(expected);
            }
        }
    }
}
