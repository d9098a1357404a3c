package dev.retention.senders;

import dev.retention.core.send.OutgoingMessage;

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
}
