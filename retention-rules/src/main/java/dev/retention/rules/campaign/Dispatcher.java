package dev.retention.rules.campaign;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.internal.HumanDurations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches one claimable entry in two halves, each run under the customer's lock, with the
 * send between them run with no lock held: {@link #claim} checks the exit conditions and guards and
 * claims the attempt in the fire log (in flight, leased until the engine's clock says the claim is
 * abandoned); {@link #settle} records the sender's answer and schedules the next step of a sequence.
 *
 * <p>Crash safety comes from the order of the writes: the claim is recorded before the send, so a
 * crash before or during the send leaves an in-flight entry that another engine takes over once
 * its lease ends (sending with the same idempotency key); the next step is recorded (by a
 * deterministic key, if absent) before the entry is marked sent, so a crash in between loses
 * nothing and at worst repeats the send under the same idempotency key.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final EngineParts parts;

    Dispatcher(EngineParts parts) {
        this.parts = parts;
    }

    /**
     * The entry's new state, or empty if it was not (or no longer) claimable. An
     * {@link FireStatus#IN_FLIGHT} result is this engine's claim: the caller sends its message and
     * hands the answer to {@link #settle}.
     *
     * @param known the customer's profile if the caller has read it (used when it is the entry's customer's), or null
     */
    Optional<FireEntry> claim(String key, CustomerProfile known, Instant now) {
        Optional<FireEntry> found = parts.fireLog().find(key);
        if (found.isEmpty() || !found.get().isClaimable(now)) {
            return Optional.empty();
        }
        FireEntry entry = found.get();
        if (entry.attempts() >= parts.retry().maxAttempts()) {
            // only an in-flight entry whose lease ran out gets here: its last attempt's answer was lost
            return settle(entry, entry.with(FireStatus.FAILED, DecisionCause.SEND_FAILED, "gave up after "
                    + entry.attempts() + " attempts (the lease of the last one ended without an answer)", now));
        }
        CustomerProfile profile = known != null && known.customerId().equals(entry.customerId()) ? known
                : parts.profiles().profileOrUnknown(entry.customerId());
        List<FireEntry> customerLog = parts.fireLog().entries(entry.customerId());
        if (entry.isInFlight()) {
            // taking over an abandoned claim: it counted as being sent, but must not count against itself
            customerLog = customerLog.stream().filter(e -> !e.key().equals(entry.key())).toList();
        }
        Optional<FireEntry> decided;
        try {
            decided = guardsSay(entry, profile, customerLog, now);
        } catch (RuntimeException e) {
            // a bug or bad data about this one customer (an overflowing total, a throwing trigger): fail the entry alone
            LOG.warn("dispatch failed: campaign={} key={} error={}", entry.campaignId(), entry.key(),
                    e.getClass().getName());
            return settle(entry, entry.with(FireStatus.FAILED, DecisionCause.SEND_FAILED,
                    "could not be dispatched: " + e, now));
        }
        if (decided.isPresent()) {
            return settle(entry, decided.get());
        }
        FireEntry claimed = entry.claim(now, now.plus(parts.lease()));
        return parts.fireLog().replace(entry, claimed) ? Optional.of(claimed) : Optional.empty();
    }

    /** The entry's next state if an exit condition or guard stops or defers it, or empty to send it now. */
    private Optional<FireEntry> guardsSay(FireEntry entry, CustomerProfile profile, List<FireEntry> customerLog,
            Instant now) {
        Optional<Campaign> campaign = parts.campaign(entry.campaignId());

        Optional<Guards.Verdict> exit = campaign.filter(c -> entry.step() > 0).flatMap(c -> exit(c, entry, profile, now));
        if (exit.isPresent()) {
            return Optional.of(entry.with(FireStatus.CANCELLED, exit.get().cause(), exit.get().reason(), now));
        }
        Guards guards = parts.guards();
        Optional<Guards.Verdict> no = guards.consent(entry.message().channel(), profile, now)
                .or(() -> guards.contact(entry.message().channel(), profile, now))
                .or(() -> campaign.filter(c -> entry.step() == 0)
                        .flatMap(c -> guards.cooldown(c, entry.entry(), customerLog, now)));
        if (no.isPresent()) {
            return Optional.of(entry.with(FireStatus.SUPPRESSED, no.get().cause(), no.get().reason(), now));
        }
        Optional<Instant> quietUntil = guards.quietUntil(profile, now);
        if (quietUntil.isPresent()) {
            return Optional.of(entry.pendingUntil(quietUntil.get(), DecisionCause.QUIET_HOURS,
                    guards.quietReason(profile, now, quietUntil.get()), now));
        }
        Optional<Guards.Verdict> capped = guards.cap(entry.message().channel(), customerLog, now, false);
        if (capped.isPresent()) {
            return Optional.of(entry.with(FireStatus.SUPPRESSED, capped.get().cause(), capped.get().reason(), now));
        }
        return Optional.empty();
    }

    /**
     * The claimed entry's message addressed to the customer's contact point for its channel and in
     * the customer's language, both read from the profile now (so a changed address is used; the
     * fire log keeps neither), or empty if the channel needs a contact point the profile no longer
     * has (removed since the claim checked it).
     *
     * @param known the customer's profile if the caller has read it, or null
     */
    Optional<OutgoingMessage> addressed(FireEntry claimed, CustomerProfile known) {
        CustomerProfile profile = known != null && known.customerId().equals(claimed.customerId()) ? known
                : parts.profiles().profileOrUnknown(claimed.customerId());
        OutgoingMessage message = profile.locale().map(claimed.message()::withLocale).orElse(claimed.message());
        if (!Guards.needsContactPoint(message.channel())) {
            return Optional.of(message);
        }
        return Guards.recipient(message.channel(), profile).map(message::withRecipient);
    }

    /**
     * Records the sender's answer to the attempt {@link #claim} made, or nothing if the claim was
     * lost meanwhile (its lease ended and another engine took the entry over).
     */
    Optional<FireEntry> settle(FireEntry claimed, DeliveryResult result, Instant now) {
        int attempt = claimed.attempts();
        if (result.isDelivered()) {
            parts.campaign(claimed.campaignId()).ifPresent(c -> scheduleNextStep(c, claimed, now));
            String how = result.status() == DeliveryResult.Status.DUPLICATE
                    ? "sent (the sender already had this idempotency key)" : "sent";
            return settle(claimed, claimed.with(FireStatus.SENT, DecisionCause.DELIVERED,
                    how + " on attempt " + attempt + "; " + claimed.reason(), now));
        }
        String detail = result.detail().orElse(result.status().toString());
        // the key, never the message: its personalisation and the customer's contact data stay out of logs
        LOG.warn("send failed: campaign={} key={} attempt={} status={}", claimed.campaignId(), claimed.key(),
                attempt, result.status());
        if (result.status() == DeliveryResult.Status.RETRYABLE_FAILURE && attempt < parts.retry().maxAttempts()) {
            Instant retryAt = now.plus(parts.retry().backoffAfter(attempt, result.retryAfter()));
            return settle(claimed, claimed.pendingUntil(retryAt, DecisionCause.RETRY,
                    "attempt " + attempt + " failed (" + detail + "); retry at " + retryAt, now));
        }
        String why = result.status() == DeliveryResult.Status.PERMANENT_FAILURE
                ? "failed permanently on attempt " + attempt + " (" + detail + ")"
                : "gave up after " + attempt + " attempts (" + detail + ")";
        return settle(claimed, claimed.with(FireStatus.FAILED, DecisionCause.SEND_FAILED, why, now));
    }

    private Optional<Guards.Verdict> exit(Campaign campaign, FireEntry entry, CustomerProfile profile, Instant now) {
        CustomerHistory history = parts.events().historyInStep(entry.customerId()); // under the claim's hold
        if (campaign.exitConditions().contains(ExitCondition.CUSTOMER_ORDERED)
                && history.orderCount(entry.decidedAt(), now.plusNanos(1)) > 0) {
            Instant ordered = history.orders(entry.decidedAt(), now.plusNanos(1)).get(0).occurredAt();
            return Optional.of(new Guards.Verdict(DecisionCause.CUSTOMER_ORDERED,
                    "cancelled: the customer ordered at " + ordered + ", after entering at " + entry.decidedAt()));
        }
        if (campaign.exitConditions().contains(ExitCondition.LEFT_TRIGGER)
                && campaign.trigger().evaluate(history, profile, now).isEmpty()) {
            return Optional.of(new Guards.Verdict(DecisionCause.LEFT_TRIGGER,
                    "cancelled: " + campaign.trigger().name() + " no longer fires for the customer at " + now));
        }
        return Optional.empty();
    }

    private void scheduleNextStep(Campaign campaign, FireEntry sent, Instant now) {
        int next = sent.step() + 1;
        if (next >= campaign.steps().size()) {
            return;
        }
        Step step = campaign.steps().get(next);
        Instant due = sent.decidedAt().plus(step.afterEntry());
        if (due.isBefore(now)) {
            due = now;
        }
        Map<String, Object> fields = new LinkedHashMap<>(sent.message().personalisation());
        fields.put("step", next);
        OutgoingMessage message = new OutgoingMessage(
                Splits.key(campaign.id(), sent.customerId(), sent.entry(), next), sent.customerId(), campaign.id(),
                step.message().channel(), step.message().templateId(), fields);
        parts.fireLog().record(new FireEntry(message, sent.entry(), next, sent.episode(), sent.variant(),
                sent.triggerReason(), sent.decidedAt(), FireStatus.PENDING, DecisionCause.SEQUENCE_STEP,
                "step " + (next + 1) + " of " + campaign.steps().size() + ", due "
                        + HumanDurations.format(step.afterEntry()) + " after entering",
                due, 0, now));
    }

    private Optional<FireEntry> settle(FireEntry current, FireEntry next) {
        return parts.fireLog().replace(current, next) ? Optional.of(next) : Optional.empty();
    }
}
