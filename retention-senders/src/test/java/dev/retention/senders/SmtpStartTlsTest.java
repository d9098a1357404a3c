package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.DeliveryResult.Status;
import dev.retention.core.send.OutgoingMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** With STARTTLS required, the sender logs in and sends only over TLS, and never falls back to plaintext. */
class SmtpStartTlsTest {
    @RegisterExtension
    static final GreenMailExtension PLAIN_SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@example.com", "shop", "s3cret"));

    private static final EmailRenderer RENDERER = m -> new RenderedEmail("Ihre Bestellung", "Danke!", "<p>Danke!</p>");
    private static final OutgoingMessage MESSAGE = new OutgoingMessage("thanks:c-1:1:0", new CustomerId("c-1"), "thanks",
            Channel.EMAIL, "thanks", Map.of()).withRecipient("anna@example.com");

    private static StartTlsSmtpServer.TestCertificate certificate;

    @BeforeAll
    static void makeCertificate(@TempDir Path dir) {
        certificate = new StartTlsSmtpServer.TestCertificate(dir);
    }

    private static SmtpSender.Builder requiringStartTls(int port) {
        return SmtpSender.builder("127.0.0.1", port).from("news@shop.example", "Shop").login("shop", "s3cret")
                .startTls(true).renderer(RENDERER).timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aServerOfferingStartTlsGetsTheLoginAndTheLetterOnlyAfterTheUpgrade() throws IOException {
        try (StartTlsSmtpServer server = new StartTlsSmtpServer(certificate, true)) {
            SmtpSender smtp = requiringStartTls(server.port()).sslContext(certificate.clientContextTrustingIt()).build();

            DeliveryResult result = smtp.send(MESSAGE);

            assertThat(result.status()).isEqualTo(Status.SENT);
            List<String> commands = server.commands;
            assertThat(commands.subList(0, 2)).extracting(c -> c.split(" ")[0]).containsExactly("EHLO", "STARTTLS");
            assertThat(commands.subList(2, commands.size())).allSatisfy(c -> assertThat(c).startsWith("TLS:"))
                    .anySatisfy(c -> assertThat(c).startsWith("TLS:AUTH PLAIN"))
                    .anySatisfy(c -> assertThat(c).startsWith("TLS:MAIL FROM:<news@shop.example>"));
            assertThat(server.letters).singleElement().satisfies(l -> assertThat(l).contains("Ihre Bestellung"));
        }
    }

    @Test
    void aServerThatDoesNotOfferStartTlsFailsForGoodAndGetsNothingInPlaintext() throws IOException {
        try (StartTlsSmtpServer server = new StartTlsSmtpServer(certificate, false)) {
            DeliveryResult result = requiringStartTls(server.port()).sslContext(certificate.clientContextTrustingIt())
                    .build().send(MESSAGE);

            assertThat(result).isEqualTo(DeliveryResult.permanentFailure(
                    "the SMTP server does not offer STARTTLS, which this sender requires; nothing was sent in plaintext"));
            // no AUTH, no MAIL: the password and the letter never crossed the wire unencrypted
            assertThat(server.commands).extracting(c -> c.split(" ")[0]).contains("EHLO").isSubsetOf("EHLO", "QUIT");
        }
    }

    @Test
    void greenMailsPlainSmtpWithoutStartTlsIsAPermanentFailureAndReceivesNothing() {
        DeliveryResult result = requiringStartTls(PLAIN_SMTP.getSmtp().getPort()).build().send(MESSAGE);

        assertThat(result.status()).isEqualTo(Status.PERMANENT_FAILURE);
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("does not offer STARTTLS"));
        assertThat(PLAIN_SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCertificateTheSenderDoesNotTrustFailsForGoodBeforeTheLogin() throws IOException {
        try (StartTlsSmtpServer server = new StartTlsSmtpServer(certificate, true)) {
            DeliveryResult result = requiringStartTls(server.port()).build().send(MESSAGE); // the JVM's trust store

            assertThat(result.status()).isEqualTo(Status.PERMANENT_FAILURE);
            assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("TLS handshake"));
            assertThat(server.commands).extracting(c -> c.split(" ")[0]).containsExactly("EHLO", "STARTTLS");
            assertThat(server.letters).isEmpty();
        }
    }
}
