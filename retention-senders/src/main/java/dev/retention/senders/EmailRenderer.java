package dev.retention.senders;

import static java.util.Objects.requireNonNull;

import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;

/**
 * Turns a message into an email's subject, text and HTML: {@link Templates} with Mustache, or the
 * shop's own templating.
 */
@FunctionalInterface
public interface EmailRenderer {

    /**
     * Renders the message's template with its personalisation.
     *
     * @param message the message, with its template id and personalisation
     * @return the rendered email, not null
     * @throws IllegalArgumentException if the message's template is unknown or cannot be rendered
     *     (the sender reports it as a permanent failure: no retry will help)
     */
    RenderedEmail render(OutgoingMessage message);

    /**
     * Checks, when the campaign engine is built, that a campaign step's messages can be rendered:
     * its template exists and uses no field the messages will not carry. {@link SmtpSender} forwards
     * the engine's {@link dev.retention.core.send.MessageSender#check} here.
     *
     * <p>The default accepts every plan; {@link Templates} checks its templates.
     *
     * @param planned the step: its template and the fields its messages carry
     * @throws IllegalArgumentException if such messages could not be rendered, saying why
     */
    default void check(PlannedMessage planned) {
        requireNonNull(planned, "planned");
    }
}
