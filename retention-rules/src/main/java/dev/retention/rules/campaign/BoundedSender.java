package dev.retention.rules.campaign;

import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.internal.HumanDurations;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the user's sender on an executor and waits at most the send timeout, turning whatever
 * happens into a {@link DeliveryResult}: a hanging, throwing or null-answering sender fails one
 * attempt of one entry, never the engine's call. Exceptions are not retried when they are
 * {@link Error}s or the answer is null: those are bugs, and a retry would repeat them. Without an
 * executor the sender runs on the calling thread ({@link CampaignEngine.Builder#sendOnCallingThread}):
 * the same answers for a throwing or null-answering sender, but no timeout.
 */
final class BoundedSender {
    private final MessageSender sender;
    private final Executor executor;
    private final Duration timeout;

    /** @param executor the sending threads, or null to call the sender on the calling thread */
    BoundedSender(MessageSender sender, Executor executor, Duration timeout) {
        this.sender = sender;
        this.executor = executor;
        this.timeout = timeout;
    }

    DeliveryResult send(OutgoingMessage message) {
        if (executor == null) {
            return sendHere(message);
        }
        FutureTask<DeliveryResult> call = new FutureTask<>(() -> sender.send(message));
        try {
            executor.execute(call);
        } catch (RejectedExecutionException e) {
            return DeliveryResult.retryableFailure("no thread free to send (" + describe(e) + ")");
        }
        DeliveryResult result;
        try {
            result = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true); // interrupts a sender that listens; one that does not keeps its thread
            return DeliveryResult.retryableFailure("the send timed out after " + HumanDurations.format(timeout));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return DeliveryResult.retryableFailure("interrupted while waiting for the sender");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof Error
                    ? DeliveryResult.permanentFailure("the sender threw " + describe(cause))
                    : DeliveryResult.retryableFailure("the sender threw " + describe(cause));
        }
        return result != null ? result : DeliveryResult.permanentFailure("the sender answered null");
    }

    /** The caller's thread: no task, no handoff, no timeout; a throw is answered as on the executor. */
    private DeliveryResult sendHere(OutgoingMessage message) {
        DeliveryResult result;
        try {
            result = sender.send(message);
        } catch (RuntimeException e) {
            return DeliveryResult.retryableFailure("the sender threw " + describe(e));
        } catch (Error e) {
            return DeliveryResult.permanentFailure("the sender threw " + describe(e));
        }
        return result != null ? result : DeliveryResult.permanentFailure("the sender answered null");
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
