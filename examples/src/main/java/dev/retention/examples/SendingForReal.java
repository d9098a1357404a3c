package dev.retention.examples;

import dev.retention.core.send.MessageSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.senders.SmtpSender;
import dev.retention.senders.Templates;
import dev.retention.senders.WebhookSender;
import dev.retention.senders.WebhookVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** The README's "Sending for real" wiring, kept compiling and tested ({@code SendingForRealTest}). */
public final class SendingForReal {
    private SendingForReal() {}

    /** A signed webhook to the shop's own messaging service, behind the facade. */
    public static Retention webhook(String hookUrl, String secret, Campaign campaign) {
        // webhook:begin
        MessageSender webhook = WebhookSender.builder(URI.create(hookUrl), secret)
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        Retention retention = Retention.builder().state(CustomerStateStore.inMemory()).campaign(campaign)
                .sender(webhook).clock(Clock.systemUTC()).build();
        // webhook:end
        return retention;
    }

    /** The receiving service's check of a request; throws if it is forged or replayed. */
    public static void verify(String secret, String signatureHeader, byte[] body) {
        // verifier:begin
        WebhookVerifier verifier = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.systemUTC());
        verifier.verify(signatureHeader, body); // throws if forged or replayed
        // verifier:end
    }

    /**
     * Email over SMTP with the shipped abandoned-view letter, in English and German, behind the
     * facade; {@code build()} fails if a template uses a field the campaign's messages lack.
     * {@code startTls} is false only for a test server without TLS; the README says true.
     */
    public static Retention email(String smtpHost, int smtpPort, String password, boolean startTls,
            Campaign campaign) {
        // smtp:begin
        Templates templates = Templates.builder()
                .fromResources(Templates.class, "/META-INF/retention/templates/abandoned-view", "abandoned-view", Locale.ROOT)
                .fromResources(Templates.class, "/META-INF/retention/templates/abandoned-view_de", "abandoned-view", Locale.GERMAN)
                .build();
        MessageSender email = SmtpSender.builder(smtpHost, smtpPort)
                .from("news@shop.example", "Shop").login("news", password)
                .startTls(startTls)
                .renderer(templates)
                .unsubscribe(m -> URI.create("https://shop.example/unsubscribe?c=" + m.customerId().value()))
                .build();
        Retention retention = Retention.builder().state(CustomerStateStore.inMemory()).campaign(campaign)
                .sender(email).clock(Clock.systemUTC()).build(); // checks each step's template against its fields
        // smtp:end
        return retention;
    }
}
