package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.DeliveryResult.Status;
import dev.retention.core.send.OutgoingMessage;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSenderTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@example.com", "shop", "s3cret"));

    private static final EmailRenderer RENDERER = m -> new RenderedEmail(
            "Ваша корзина ждёт — " + m.personalisation().get("product"),
            "Hallo Jürgen, " + m.personalisation().get("product") + " wartet.",
            "<p>Hallo J&uuml;rgen, <b>" + m.personalisation().get("product") + "</b> wartet.</p>");

    private static SmtpSender.Builder sender() {
        return SmtpSender.builder("127.0.0.1", MAIL.getSmtp().getPort())
                .from("news@shop.example", "Café Müller").login("shop", "s3cret").renderer(RENDERER)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private static OutgoingMessage message(String key) {
        return new OutgoingMessage(key, new CustomerId("c-42"), "abandoned-view", Channel.EMAIL, "abandoned-view",
                Map.of("product", "Teekanne „Ōsaka“", "name", "Jürgen Groß")).withRecipient("jurgen@example.com");
    }

    @Test
    void sendsAMultipartLetterWithEncodedNamesUnsubscribeHeadersAndAKeyDerivedMessageId() throws Exception {
        SmtpSender smtp = sender().recipientName(m -> Optional.of((String) m.personalisation().get("name")))
                .unsubscribe(m -> URI.create("https://shop.example/unsubscribe?c=" + m.customerId().value())).build();

        DeliveryResult result = smtp.send(message("abandoned-view:c-42:0:0"));

        assertThat(result.status()).isEqualTo(Status.SENT);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Ваша корзина ждёт — Teekanne „Ōsaka“");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // encoded on the wire
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Café Müller");
        assertThat(from.getAddress()).isEqualTo("news@shop.example");
        InternetAddress to = (InternetAddress) mail.getAllRecipients()[0];
        assertThat(to.getPersonal()).isEqualTo("Jürgen Groß");
        assertThat(to.getAddress()).isEqualTo("jurgen@example.com");
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<https://shop.example/unsubscribe?c=c-42>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getMessageID()).isEqualTo(smtp.messageId("abandoned-view:c-42:0:0"))
                .matches("<retention\\.[0-9a-f]{40}@shop\\.example>");
        assertThat(result.providerMessageId()).contains(mail.getMessageID());

        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hallo Jürgen, Teekanne „Ōsaka“ wartet.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<b>Teekanne „Ōsaka“</b>");
    }

    @Test
    void aResendCarriesTheSameMessageIdAndAnotherKeyAnotherOne() throws Exception {
        SmtpSender smtp = sender().build();

        smtp.send(message("k:1"));
        smtp.send(message("k:1"));
        smtp.send(message("k:2"));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
                .isNotEqualTo(received[2].getMessageID());
        assertThat(received[0].getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void aWrongPasswordIsAPermanentFailure() {
        DeliveryResult result = sender().login("shop", "wrong").build().send(message("k:1"));

        assertThat(result.status()).isEqualTo(Status.PERMANENT_FAILURE);
        assertThat(result.detail()).contains("SMTP authentication failed");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsRetried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SmtpSender down = SmtpSender.builder("127.0.0.1", port).from("news@shop.example", "Shop").renderer(RENDERER)
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).build();

        DeliveryResult result = down.send(message("k:1"));

        assertThat(result.status()).isEqualTo(Status.RETRYABLE_FAILURE);
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("SMTP unavailable"));
    }

    @Test
    void noRecipientOrATemplateThatCannotRenderIsPermanentAndSendsNothing() {
        SmtpSender smtp = sender().renderer(m -> {
            throw new IllegalArgumentException("template " + m.templateId() + " needs 'product'");
        }).build();

        assertThat(smtp.send(message("k:1")).detail()).hasValueSatisfying(
                d -> assertThat(d).contains("cannot be rendered", "needs 'product'"));
        assertThat(sender().build().send(message("k:2").withoutRecipient()))
                .isEqualTo(DeliveryResult.permanentFailure("no email address for the message"));
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anInvalidAddressIsPermanentAndStaysOutOfTheFireLog() {
        DeliveryResult result = sender().build().send(message("k:1").withRecipient("anna@@example.com"));

        // the detail goes into the fire log, which keeps no contact data, not even masked
        assertThat(result).isEqualTo(DeliveryResult.permanentFailure("invalid email address"));
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "550 no such mailbox, 250 OK, PERMANENT_FAILURE, 550",
        "450 mailbox busy, 250 OK, RETRYABLE_FAILURE, 450",
        "250 OK, 552 message too large, PERMANENT_FAILURE, 552",
        "250 OK, 451 try again later, RETRYABLE_FAILURE, 451"})
    void aTemporaryRefusalIsRetriedAndAFinalOneIsNot(String rcpt, String data, Status expected, int code)
            throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(rcpt, data)) {
            SmtpSender smtp = SmtpSender.builder("127.0.0.1", server.port()).from("news@shop.example", "Shop")
                    .renderer(RENDERER).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();

            DeliveryResult result = smtp.send(message("k:1"));

            assertThat(result.status()).isEqualTo(expected);
            assertThat(result.detail()).contains("SMTP refused the message (" + code + ")");
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SmtpSender.builder("smtp.example", 0)).hasMessageContaining("port").hasMessageContaining("0");
        assertThatThrownBy(() -> SmtpSender.builder("smtp.example", 25).from("not an address", "Shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an address");
        assertThatThrownBy(() -> SmtpSender.builder("smtp.example", 25).renderer(RENDERER).build())
                .hasMessageContaining("from");
    }
}
