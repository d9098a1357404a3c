package dev.retention.core.send;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MessageSender} that only logs, at INFO, which campaign would send which template to
 * which customer id on which channel, for dry runs and demos. It logs no personal data: neither
 * contact points nor personalisation values, only the personalisation field names. Thread-safe.
 */
public final class LoggingSender implements MessageSender {
    private final Logger log;

    /** A sender that logs to the SLF4J logger {@code dev.retention.core.send.LoggingSender}. */
    public LoggingSender() {
        this(LoggerFactory.getLogger(LoggingSender.class));
    }

    /**
     * A sender that logs to the given logger, e.g. one a test captures.
     *
     * @param log where to log each message, at INFO
     * @throws NullPointerException if {@code log} is null
     */
    public LoggingSender(Logger log) {
        this.log = requireNonNull(log, "log");
    }

    /**
     * Logs the message's campaign, channel, template, customer id, idempotency key and
     * personalisation field names (not values), and sends nothing.
     *
     * @param message the message
     * @return always {@link DeliveryResult#sent()}, repeats of a key included
     * @throws NullPointerException if {@code message} is null
     */
    @Override
    public DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        log.info("send campaign={} channel={} template={} customer={} key={} fields={}", message.campaignId(),
                message.channel(), message.templateId(), message.customerId(), message.idempotencyKey(),
                message.personalisation().keySet());
        return DeliveryResult.sent();
    }
}
