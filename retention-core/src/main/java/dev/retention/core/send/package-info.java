/**
 * The sender SPI: the campaign engine hands each {@link dev.retention.core.send.OutgoingMessage} to
 * a {@link dev.retention.core.send.MessageSender}, which delivers it on its channel and answers
 * with a {@link dev.retention.core.send.DeliveryResult}. {@link
 * dev.retention.core.send.LoggingSender} (dry runs) and {@link
 * dev.retention.core.send.RecordingSender} (tests) are ready-made senders that deliver nothing.
 */
package dev.retention.core.send;
