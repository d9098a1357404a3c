package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.send.OutgoingMessage;
import java.time.Instant;

/**
 * A message the sender accepted, with the instant it was sent on the test's clock.
 *
 * @param message the message as the engine handed it to the sender: addressed (see
 *     {@link OutgoingMessage#recipient()}) and with its idempotency key
 * @param sentAt when the sender accepted it, on the {@link CampaignTestDriver}'s virtual clock
 */
public record SentMessage(OutgoingMessage message, Instant sentAt) {

    /**
     * Checks that both parts are given.
     *
     * @param message the message
     * @param sentAt when it was sent
     */
    public SentMessage {
        requireNonNull(message, "message");
        requireNonNull(sentAt, "sentAt");
    }
}
