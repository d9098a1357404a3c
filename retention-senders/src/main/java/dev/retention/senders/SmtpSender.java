package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code email} messages over SMTP through Jakarta Mail: a {@code multipart/alternative}
 * letter with a text and an HTML part rendered by an {@link EmailRenderer}, to the recipient the
 * campaign engine resolved from the profile.
 *
 * <p>The {@code Message-ID} is derived from the idempotency key, so a resend after a retry carries
 * the same id and the receiving side (or the shop's own mail log) can recognise it. With an
 * unsubscribe URL builder, each letter carries {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058), as the large mailbox
 * providers expect from bulk senders.
 *
 * <p>Results: accepted by the server is sent; an authentication failure, a refused address (5xx),
 * a message without recipient, a template that cannot render, or (with {@link Builder#startTls}
 * required) a server without STARTTLS or a TLS handshake that fails is a permanent failure; an
 * unreachable server, a timeout or a temporary refusal (4xx) is retried by the engine. Addresses
 * are masked in logs ({@link Masking}). Thread-safe: each send opens its own connection.
 *
 * <pre>{@code
 * MessageSender email = SmtpSender.builder("smtp.example.com", 587)
 *         .from("news@shop.example", "Shop").login("news@shop.example", password).startTls(true)
 *         .renderer(templates).unsubscribe(m -> URI.create("https://shop.example/unsub?c=" + m.customerId().value()))
 *         .build();
 * }</pre>
 */
public final class SmtpSender implements MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    /** How Jakarta Mail (Angus) refuses a server without STARTTLS when it is required. */
    private static final String STARTTLS_NOT_OFFERED = "STARTTLS is required but host does not support STARTTLS";

    private final Session session;
    private final InternetAddress from;
    private final Optional<String> user;
    private final Optional<String> password;
    private final EmailRenderer renderer;
    private final Optional<Function<OutgoingMessage, URI>> unsubscribe;
    private final Function<OutgoingMessage, Optional<String>> recipientName;
    private final String messageIdDomain;

    private SmtpSender(Builder b) {
        Properties props = new Properties();
        props.put("mail.smtp.host", b.host);
        props.put("mail.smtp.port", String.valueOf(b.port));
        props.put("mail.smtp.auth", String.valueOf(b.user.isPresent()));
        props.put("mail.smtp.starttls.enable", String.valueOf(b.startTls));
        props.put("mail.smtp.starttls.required", String.valueOf(b.startTls));
        // the server's certificate must name the host we connect to, whatever Jakarta Mail's default
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        b.sslContext.ifPresent(c -> props.put("mail.smtp.ssl.socketFactory", c.getSocketFactory()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(b.connectTimeout.toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(b.timeout.toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(b.timeout.toMillis()));
        this.session = Session.getInstance(props);
        this.from = b.from;
        this.user = b.user;
        this.password = b.password;
        this.renderer = b.renderer;
        this.unsubscribe = b.unsubscribe;
        this.recipientName = b.recipientName;
        this.messageIdDomain = b.from.getAddress().substring(b.from.getAddress().lastIndexOf('@') + 1);
    }

    /**
     * Starts a sender for the SMTP server at {@code host:port}.
     *
     * @param host the server's host name, not blank
     * @param port the server's port, 1 to 65535 (587 for submission with STARTTLS)
     * @return a builder: no login, no STARTTLS, 10 seconds connect and read timeout
     * @throws IllegalArgumentException if {@code host} is blank or {@code port} out of range
     */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * The {@code Message-ID} a message with this idempotency key gets: every attempt the same.
     *
     * @param idempotencyKey the message's key
     * @return {@code <retention.HASH@DOMAIN>}, the domain the sender's address's
     */
    public String messageId(String idempotencyKey) {
        // hashed: keys may hold characters a Message-ID may not, and the id should not spell the customer id
        String hash = Hashing.sha256().hashString(idempotencyKey, StandardCharsets.UTF_8).toString().substring(0, 40);
        return "<retention." + hash + "@" + messageIdDomain + ">";
    }

    /**
     * Asks the renderer whether it can render the step's messages (for {@link Templates}: the
     * template exists and every field it requires is among the step's fields, in every locale).
     *
     * @param planned the campaign step
     * @throws IllegalArgumentException if the renderer refuses it, naming the template, locale and field
     */
    @Override
    public void check(PlannedMessage planned) {
        renderer.check(requireNonNull(planned, "planned"));
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        if (message.recipient().isEmpty()) {
            return DeliveryResult.permanentFailure("no email address for the message");
        }
        String to = message.recipient().get();
        RenderedEmail email;
        try {
            email = RenderedEmail.requireRendered(renderer.render(message), message.templateId());
        } catch (IllegalArgumentException e) {
            return DeliveryResult.permanentFailure("template " + message.templateId() + " cannot be rendered: "
                    + e.getMessage());
        }
        String messageId = messageId(message.idempotencyKey());
        try {
            MimeMessage mime = mime(message, to, email, messageId);
            if (user.isPresent()) {
                Transport.send(mime, user.get(), password.orElse(""));
            } else {
                Transport.send(mime);
            }
            LOG.debug("email sent: key={} to={}", message.idempotencyKey(), Masking.email(to));
            return DeliveryResult.sent(messageId);
        } catch (AuthenticationFailedException e) {
            return DeliveryResult.permanentFailure("SMTP authentication failed");
        } catch (AddressException e) {
            LOG.debug("email not sent: key={} invalid address {}", message.idempotencyKey(), Masking.email(to));
            // the detail goes into the fire log, which keeps no contact data
            return DeliveryResult.permanentFailure("invalid email address");
        } catch (SendFailedException e) {
            return refused(message, to, e);
        } catch (MessagingException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(STARTTLS_NOT_OFFERED)) {
                // never fall back to plaintext: the password and the letter would cross the network readable
                return DeliveryResult.permanentFailure("the SMTP server does not offer STARTTLS, which this sender "
                        + "requires; nothing was sent in plaintext");
            }
            Optional<SSLHandshakeException> handshake = cause(e, SSLHandshakeException.class);
            if (handshake.isPresent()) {
                // an untrusted or misnamed certificate: a setting to fix, which no retry changes
                return DeliveryResult.permanentFailure("the TLS handshake with the SMTP server failed ("
                        + handshake.get().getClass().getSimpleName() + "; is its certificate trusted and does it name "
                        + "the host?)");
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // the class, not the message: a server's reply may quote the address
            LOG.debug("email failed: key={} to={} {}", message.idempotencyKey(), Masking.email(to),
                    cause.getClass().getSimpleName());
            return DeliveryResult.retryableFailure("SMTP unavailable: " + cause.getClass().getSimpleName());
        }
    }

    /** A refusal during the SMTP dialogue: a 4xx reply is temporary, a 5xx one final. */
    private DeliveryResult refused(OutgoingMessage message, String to, SendFailedException e) {
        int code = replyCode(e);
        LOG.debug("email refused: key={} to={} code={}", message.idempotencyKey(), Masking.email(to), code);
        String detail = "SMTP refused the message" + (code > 0 ? " (" + code + ")" : "");
        return code >= 400 && code < 500 ? DeliveryResult.retryableFailure(detail)
                : DeliveryResult.permanentFailure(detail);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable t, Class<T> type) {
        for (Throwable x = t; x != null; x = x.getCause() != null ? x.getCause()
                : x instanceof MessagingException m ? m.getNextException() : null) {
            if (type.isInstance(x)) {
                return Optional.of(type.cast(x));
            }
        }
        return Optional.empty();
    }

    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return -1;
    }

    private MimeMessage mime(OutgoingMessage message, String to, RenderedEmail email, String messageId)
            throws MessagingException {
        MimeMessage mime = new FixedIdMessage(session, messageId);
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, address(to, recipientName.apply(message)));
        mime.setSubject(email.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mime.setContent(alternative);
        if (unsubscribe.isPresent()) {
            URI url = requireNonNull(unsubscribe.get().apply(message), "unsubscribe URL");
            mime.setHeader("List-Unsubscribe", "<" + url.toASCIIString() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress address(String to, Optional<String> name) throws AddressException {
        InternetAddress address = new InternetAddress(to, true);
        if (name.isPresent()) {
            try {
                address.setPersonal(name.get(), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return address;
    }

    /** Keeps the Message-ID derived from the key, where Jakarta Mail would make up a new one on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Configures an {@link SmtpSender}; {@link #build()} checks the settings. */
    public static final class Builder {
        private final String host;
        private final int port;
        private InternetAddress from;
        private Optional<String> user = Optional.empty();
        private Optional<String> password = Optional.empty();
        private boolean startTls;
        private Optional<SSLContext> sslContext = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofSeconds(10);
        private EmailRenderer renderer;
        private Optional<Function<OutgoingMessage, URI>> unsubscribe = Optional.empty();
        private Function<OutgoingMessage, Optional<String>> recipientName = m -> Optional.empty();

        private Builder(String host, int port) {
            checkArgument(host != null && !host.isBlank(), "host must not be blank");
            checkArgument(port >= 1 && port <= 65535, "port must be between 1 and 65535, got %s", port);
            this.host = host;
            this.port = port;
        }

        /**
         * The sender's address and display name (required).
         *
         * @param address the From address, e.g. {@code news@shop.example}; its domain names the Message-IDs
         * @param name the display name, any script (encoded as RFC 2047 where needed)
         * @return this builder
         * @throws IllegalArgumentException if {@code address} is not a valid address or {@code name} is blank
         */
        public Builder from(String address, String name) {
            checkArgument(name != null && !name.isBlank(), "from name must not be blank");
            try {
                InternetAddress parsed = new InternetAddress(requireNonNull(address, "from address"), true);
                checkArgument(parsed.getAddress().indexOf('@') > 0, "from address must hold a domain, got %s", address);
                parsed.setPersonal(name, "UTF-8");
                this.from = parsed;
            } catch (AddressException | UnsupportedEncodingException e) {
                throw new IllegalArgumentException("from address is not a valid email address: " + address, e);
            }
            return this;
        }

        /**
         * Logs in with SMTP AUTH; default no login.
         *
         * @param user the user name, not blank
         * @param password the password
         * @return this builder
         * @throws IllegalArgumentException if {@code user} is blank
         * @throws NullPointerException if {@code password} is null
         */
        public Builder login(String user, String password) {
            checkArgument(user != null && !user.isBlank(), "user must not be blank");
            this.user = Optional.of(user);
            this.password = Optional.of(requireNonNull(password, "password"));
            return this;
        }

        /**
         * Whether to upgrade the connection with STARTTLS before logging in, and refuse to send
         * without it; default false. A server that does not offer STARTTLS then fails each send for
         * good (nothing is sent in plaintext, not even the login), as does one whose certificate is
         * not trusted or does not name the host.
         *
         * @param required true to require STARTTLS
         * @return this builder
         */
        public Builder startTls(boolean required) {
            this.startTls = required;
            return this;
        }

        /**
         * The TLS settings for STARTTLS, e.g. an {@link SSLContext} that trusts your company's own
         * CA, which signed your mail relay's certificate; default the JVM's (its trust store). The
         * certificate must name the host either way.
         *
         * @param context the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Optional.of(requireNonNull(context, "sslContext"));
            return this;
        }

        /**
         * How long to wait for the connection, and for each server reply; default 10 seconds each.
         *
         * @param connect the connect timeout, positive
         * @param read the read and write timeout, positive
         * @return this builder
         * @throws IllegalArgumentException if a timeout is not positive
         */
        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = positive("connect timeout", connect);
            this.timeout = positive("read timeout", read);
            return this;
        }

        /**
         * Renders each message's subject, text and HTML (required), e.g. {@link Templates}.
         *
         * @param renderer the renderer
         * @return this builder
         */
        public Builder renderer(EmailRenderer renderer) {
            this.renderer = requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * Adds {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers with the URL this
         * function builds for each message (a one-click link for the customer, signed by the shop).
         *
         * @param url the URL for a message, not null
         * @return this builder
         */
        public Builder unsubscribe(Function<OutgoingMessage, URI> url) {
            this.unsubscribe = Optional.of(requireNonNull(url, "unsubscribe"));
            return this;
        }

        /**
         * The recipient's display name for a message (e.g. from its personalisation); default none.
         *
         * @param name the name for a message, or empty
         * @return this builder
         */
        public Builder recipientName(Function<OutgoingMessage, Optional<String>> name) {
            this.recipientName = requireNonNull(name, "recipientName");
            return this;
        }

        /**
         * The sender.
         *
         * @return a sender with these settings
         * @throws IllegalStateException if {@code from} or {@code renderer} is not set
         */
        public SmtpSender build() {
            if (from == null) {
                throw new IllegalStateException("from must be set");
            }
            if (renderer == null) {
                throw new IllegalStateException("renderer must be set");
            }
            return new SmtpSender(this);
        }

        private static Duration positive(String name, Duration d) {
            requireNonNull(d, name);
            checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive, got %s", name, d);
            return d;
        }
    }
}
