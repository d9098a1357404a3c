package dev.retention.rules.campaign;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.Firing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether customers enter campaigns: evaluates the triggers, applies the re-entry
 * policy, then the guards in a fixed order (consent, cooldown, frequency cap, holdout, quiet
 * hours), and records the decision in the fire log. Callers hold the customer's lock.
 */
final class Decider {
    private static final Logger LOG = LoggerFactory.getLogger(Decider.class);

    private final EngineParts parts;
    /** The campaign and customer pairs whose trigger failed and was logged: logged once, not on every tick. */
    private final Set<String> failuresLogged = ConcurrentHashMap.newKeySet();

    Decider(EngineParts parts) {
        this.parts = parts;
    }

    /**
     * Evaluates every campaign for the customer, in priority order, and records the decisions.
     *
     * @param log the customer's fire log entries as read before this call
     * @return the entries recorded, in order; empty (and immutable) if none
     */
    List<FireEntry> decide(CustomerId customer, CustomerHistory history, CustomerProfile profile, List<FireEntry> log,
            Instant now) {
        List<FireEntry> customerLog = log;
        List<FireEntry> out = List.of();
        List<Campaign> campaigns = parts.campaignsByPriority();
        for (int c = 0, n = campaigns.size(); c < n; c++) {
            Campaign campaign = campaigns.get(c);
            boolean entered = hasEntry(customerLog, campaign);
            if (entered && campaign.reEntry().isOnce()) {
                continue; // entered once already: whatever the trigger says, the answer is no
            }
            // the episode first, the firing only if the episode may enter: most firings are refused as the
            // same episode, and a firing with its lazy reason and payload is garbage per event
            Optional<String> episode;
            Optional<Firing> firing = Optional.empty();
            try {
                episode = campaign.trigger().episode(history, profile, now);
                if (episode.isPresent() && !refused(campaign, episode.get(), customerLog, now)) {
                    firing = campaign.trigger().evaluate(history, profile, now);
                }
            } catch (RuntimeException e) {
                // bad data or a bug about this customer (a total overflowing a long): the others go on
                if (failuresLogged.add(campaign.id() + '\u0000' + customer.value())) {
                    LOG.warn("trigger failed, customer skipped until it evaluates: campaign={} customer={} error={}",
                            campaign.id(), customer.value(), e.getClass().getName());
                }
                continue;
            }
            if (episode.isEmpty()) {
                if (entered && campaign.reEntry().isEveryNewFiring()) {
                    noteLeftTrigger(customerLog, campaign, now);
                }
                continue;
            }
            // refused as the episode said, or a trigger whose two answers disagree: the firing's word counts
            if (firing.isEmpty() || !firing.get().episode().equals(episode.get())
                    && refused(campaign, firing.get().episode(), customerLog, now)) {
                continue;
            }
            FireEntry decision = decideEntry(campaign, firing.get(), nextEntry(customerLog, campaign), profile,
                    customerLog, now);
            if (parts.fireLog().record(decision)) {
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                    customerLog = new ArrayList<>(log);
                }
                customerLog.add(decision);
                out.add(decision);
            }
        }
        return out;
    }

    /**
     * Notes on the customer's last entry into the campaign that its trigger no longer fires, once:
     * in the log, not in this engine's memory, so a restarted engine lets the customer re-enter too.
     * An entry being sent is left alone (the sending engine settles it by compare-and-set); a later
     * evaluation notes it.
     */
    private void noteLeftTrigger(List<FireEntry> customerLog, Campaign campaign, Instant now) {
        FireEntry last = lastEntry(customerLog, campaign);
        if (last != null && last.leftTriggerSince().isEmpty() && !last.isInFlight()) {
            parts.fireLog().replace(last, last.leftTrigger(now));
        }
    }

    private static FireEntry lastEntry(List<FireEntry> log, Campaign campaign) {
        FireEntry last = null;
        for (int i = 0, n = log.size(); i < n; i++) {
            FireEntry e = log.get(i);
            if (e.step() == 0 && e.campaignId().equals(campaign.id())) {
                last = e;
            }
        }
        return last;
    }

    private static int nextEntry(List<FireEntry> log, Campaign campaign) {
        int last = 0;
        for (int i = 0, n = log.size(); i < n; i++) {
            FireEntry e = log.get(i);
            if (e.campaignId().equals(campaign.id())) {
                last = Math.max(last, e.entry());
            }
        }
        return last + 1;
    }

    private static int nextEntry(List<FireEntry> mine) {
        int last = 0;
        for (FireEntry e : mine) {
            last = Math.max(last, e.entry());
        }
        return last + 1;
    }

    private static List<FireEntry> entriesOf(List<FireEntry> log, Campaign campaign) {
        List<FireEntry> mine = new ArrayList<>();
        for (int i = 0, n = log.size(); i < n; i++) {
            if (log.get(i).campaignId().equals(campaign.id())) {
                mine.add(log.get(i));
            }
        }
        return mine;
    }

    // indexed loops: these run for every event, and an iterator per call is garbage per event
    private static boolean hasEntry(List<FireEntry> log, Campaign campaign) {
        for (int i = 0, n = log.size(); i < n; i++) {
            if (log.get(i).campaignId().equals(campaign.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link #refusal} would refuse the customer's entry into the campaign now, read from the
     * customer's whole log without building the list of the campaign's entries or the sentence:
     * deciding needs just the verdict, and that runs for every event a trigger fires on.
     */
    private static boolean refused(Campaign campaign, String episode, List<FireEntry> log, Instant now) {
        FireEntry last = null;
        boolean episodeDecided = false;
        String id = campaign.id();
        for (int i = 0, n = log.size(); i < n; i++) {
            FireEntry e = log.get(i);
            if (!e.campaignId().equals(id)) {
                continue;
            }
            if (e.isOpen()) {
                return true; // a message of this campaign is pending
            }
            if (e.step() == 0) {
                last = e;
                episodeDecided |= e.episode().equals(episode);
            }
        }
        if (last == null) {
            return false;
        }
        ReEntry policy = campaign.reEntry();
        if (policy.isOnce()) {
            return true;
        }
        if (policy.period().isPresent()) {
            return last.decidedAt().plus(policy.period().get()).isAfter(now);
        }
        return episodeDecided && last.leftTriggerSince().isEmpty();
    }

    /**
     * Why the customer may not enter the campaign now, or empty if they may, for {@link #explain}
     * ({@link #refused} gives the same verdict to {@link #decide}). The sentence is built only when
     * asked for.
     */
    private Optional<Supplier<String>> refusal(Campaign campaign, Firing firing, List<FireEntry> mine,
            CustomerId customer, Instant now) {
        FireEntry pending = null;
        FireEntry last = null;
        boolean episodeDecided = false;
        for (FireEntry e : mine) {
            if (pending == null && e.isOpen()) {
                pending = e;
            }
            if (e.step() == 0) {
                last = e;
                episodeDecided |= e.episode().equals(firing.episode());
            }
        }
        if (pending != null) {
            FireEntry p = pending;
            return Optional.of(() -> "a message of this campaign is pending (step " + (p.step() + 1) + ", "
                    + p.reason() + ")");
        }
        if (last == null) {
            return Optional.empty();
        }
        FireEntry entered = last;
        Supplier<String> already = () -> "entered at " + entered.decidedAt() + " (" + entered.status() + ": "
                + entered.reason() + ")";
        ReEntry policy = campaign.reEntry();
        if (policy.isOnce()) {
            return Optional.of(() -> already.get() + " and the campaign allows one entry per customer");
        }
        if (policy.period().isPresent()) {
            Instant next = entered.decidedAt().plus(policy.period().get());
            return next.isAfter(now) ? Optional.of(() -> already.get() + "; may enter again from " + next)
                    : Optional.empty();
        }
        return episodeDecided && entered.leftTriggerSince().isEmpty()
                ? Optional.of(() -> already.get() + " for the same firing (" + firing.episode() + ")")
                : Optional.empty();
    }

    /**
     * Says what would happen to the customer in the campaign at {@code now}, without recording or
     * sending anything: the trigger's verdict, a re-entry refusal, or the decision the guards
     * would make.
     */
    String explain(Campaign campaign, CustomerId customer, Instant now) {
        CustomerProfile profile = parts.profiles().profileOrUnknown(customer);
        Optional<Firing> firing = campaign.trigger().evaluate(parts.events().historyInStep(customer), profile, now);
        if (firing.isEmpty()) {
            return "not triggered: " + campaign.trigger().name() + " does not fire for " + customer + " at " + now;
        }
        List<FireEntry> customerLog = parts.fireLog().entries(customer);
        List<FireEntry> mine = entriesOf(customerLog, campaign);
        Optional<Supplier<String>> refusal = refusal(campaign, firing.get(), mine, customer, now);
        if (refusal.isPresent()) {
            return "triggered (" + firing.get().reason() + ") but does not re-enter: " + refusal.get().get();
        }
        FireEntry decision = decideEntry(campaign, firing.get(), nextEntry(mine), profile, customerLog, now);
        return "would be " + decision.status() + " (" + decision.cause() + "): " + decision.reason();
    }

    /**
     * The fields every message of the campaign carries, at every step: the trigger's payload fields
     * and those {@link #decideEntry} adds (later steps copy them, with their own {@code step}).
     */
    static Set<String> messageFields(Campaign campaign) {
        Set<String> fields = new TreeSet<>(campaign.trigger().payloadFields());
        fields.addAll(List.of("campaignId", "step", "triggerReason"));
        if (!campaign.variants().isEmpty()) {
            fields.add("variant");
        }
        return fields;
    }

    private FireEntry decideEntry(Campaign campaign, Firing firing, int entry, CustomerProfile profile,
            List<FireEntry> customerLog, Instant now) {
        CustomerId customer = profile.customerId();
        Message first = campaign.steps().get(0).message();
        Optional<Variant> variant = Splits.variant(campaign, customer);
        Map<String, Object> fields = new HashMap<>(firing.payload()); // copied once more, unordered, by the message
        fields.put("campaignId", campaign.id());
        fields.put("step", 0);
        fields.put("triggerReason", firing.reason());
        variant.ifPresent(v -> fields.put("variant", v.name()));
        OutgoingMessage message = new OutgoingMessage(Splits.key(campaign.id(), customer, entry, 0), customer,
                campaign.id(), first.channel(), variant.map(Variant::templateId).orElse(first.templateId()), fields);
        FireEntry pending = new FireEntry(message, entry, 0, firing.episode(), variant.map(Variant::name),
                firing.reason(), now, FireStatus.PENDING, DecisionCause.TRIGGERED,
                "triggered: " + firing.reason() + "; every guard passed", now, 0, now);

        Guards guards = parts.guards();
        Optional<Guards.Verdict> no = guards.consent(first.channel(), profile, now)
                .or(() -> guards.contact(first.channel(), profile, now))
                .or(() -> guards.cooldown(campaign, entry, customerLog, now))
                .or(() -> guards.cap(first.channel(), customerLog, now, true));
        if (no.isPresent()) {
            return pending.with(FireStatus.SUPPRESSED, no.get().cause(), no.get().reason(), now);
        }
        if (Splits.heldOut(campaign, customer)) {
            return pending.with(FireStatus.HELD_OUT, DecisionCause.HOLDOUT, "held out: in the "
                    + Math.round(campaign.holdout() * 100) + "% control group of " + campaign.id() + ", never sent",
                    now);
        }
        Optional<Instant> quietUntil = guards.quietUntil(profile, now);
        if (quietUntil.isPresent()) {
            return pending.pendingUntil(quietUntil.get(), DecisionCause.QUIET_HOURS,
                    guards.quietReason(profile, now, quietUntil.get()), now);
        }
        return pending;
    }
}
