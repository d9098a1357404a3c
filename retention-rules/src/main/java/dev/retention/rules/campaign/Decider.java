package dev.retention.rules.campaign;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.Firing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether customers enter campaigns: evaluates the triggers, applies the re-entry
 * policy, then the guards in a fixed order (consent, cooldown, frequency cap, holdout, quiet
 * hours), and records the decision in the fire log. Callers hold the customer's lock.
 */
final class Decider {
    private final EngineParts parts;
    /** Campaign + customer pairs the engine saw not firing since their last entry; a cache, lost on restart. */
    private final Set<String> seenOutside = ConcurrentHashMap.newKeySet();

    Decider(EngineParts parts) {
        this.parts = parts;
    }

    List<FireEntry> decide(CustomerId customer, Instant now) {
        CustomerHistory history = parts.events().history(customer);
        CustomerProfile profile = parts.profiles().profileOrUnknown(customer);
        List<FireEntry> log = null;
        List<Map.Entry<Campaign, Firing>> fired = new ArrayList<>();
        for (Campaign campaign : parts.campaignsByPriority()) {
            if (campaign.reEntry().isOnce()) {
                if (log == null) {
                    log = parts.fireLog().entries(customer);
                }
                if (hasEntry(log, campaign)) {
                    continue; // entered once already: whatever the trigger says, the answer is no
                }
            }
            Optional<Firing> firing = campaign.trigger().evaluate(history, profile, now);
            if (firing.isPresent()) {
                fired.add(Map.entry(campaign, firing.get()));
            } else if (campaign.reEntry().isEveryNewFiring()) {
                if (log == null) {
                    log = parts.fireLog().entries(customer);
                }
                if (log.stream().anyMatch(e -> e.campaignId().equals(campaign.id()))) {
                    seenOutside.add(outsideKey(campaign, customer));
                }
            }
        }
        if (fired.isEmpty()) {
            return List.of();
        }
        List<FireEntry> customerLog = new ArrayList<>(log != null ? log : parts.fireLog().entries(customer));
        List<FireEntry> out = new ArrayList<>();
        for (Map.Entry<Campaign, Firing> f : fired) {
            Campaign campaign = f.getKey();
            List<FireEntry> mine = customerLog.stream().filter(e -> e.campaignId().equals(campaign.id())).toList();
            if (refusal(campaign, f.getValue(), mine, customer, now).isPresent()) {
                continue;
            }
            int entry = 1 + mine.stream().mapToInt(FireEntry::entry).max().orElse(0);
            FireEntry decision = decideEntry(campaign, f.getValue(), entry, profile, customerLog, now);
            if (parts.fireLog().record(decision)) {
                customerLog.add(decision);
                out.add(decision);
                seenOutside.remove(outsideKey(campaign, customer));
            }
        }
        return out;
    }

    private static boolean hasEntry(List<FireEntry> log, Campaign campaign) {
        for (FireEntry e : log) {
            if (e.campaignId().equals(campaign.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the customer may not enter the campaign now, or empty if they may. The sentence is built
     * only when asked for: deciding needs just the verdict, and that runs for every event.
     */
    private Optional<Supplier<String>> refusal(Campaign campaign, Firing firing, List<FireEntry> mine,
            CustomerId customer, Instant now) {
        FireEntry pending = null;
        FireEntry last = null;
        boolean episodeDecided = false;
        for (FireEntry e : mine) {
            if (pending == null && e.isPending()) {
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
        return episodeDecided && !seenOutside.contains(outsideKey(campaign, customer))
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
        Optional<Firing> firing = campaign.trigger().evaluate(parts.events().history(customer), profile, now);
        if (firing.isEmpty()) {
            return "not triggered: " + campaign.trigger().name() + " does not fire for " + customer + " at " + now;
        }
        List<FireEntry> customerLog = parts.fireLog().entries(customer);
        List<FireEntry> mine = customerLog.stream().filter(e -> e.campaignId().equals(campaign.id())).toList();
        Optional<Supplier<String>> refusal = refusal(campaign, firing.get(), mine, customer, now);
        if (refusal.isPresent()) {
            return "triggered (" + firing.get().reason() + ") but does not re-enter: " + refusal.get().get();
        }
        int entry = 1 + mine.stream().mapToInt(FireEntry::entry).max().orElse(0);
        FireEntry decision = decideEntry(campaign, firing.get(), entry, profile, customerLog, now);
        return "would be " + decision.status() + " (" + decision.cause() + "): " + decision.reason();
    }

    private FireEntry decideEntry(Campaign campaign, Firing firing, int entry, CustomerProfile profile,
            List<FireEntry> customerLog, Instant now) {
        CustomerId customer = profile.customerId();
        Message first = campaign.steps().get(0).message();
        Optional<Variant> variant = Splits.variant(campaign, customer);
        Map<String, Object> fields = new LinkedHashMap<>(firing.payload());
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

    private static String outsideKey(Campaign campaign, CustomerId customer) {
        return campaign.id().length() + ":" + campaign.id() + customer.value();
    }
}
