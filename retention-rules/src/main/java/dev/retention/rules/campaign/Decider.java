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
            if (!mayEnter(campaign, f.getValue(), mine, customer, now)) {
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

    private boolean mayEnter(Campaign campaign, Firing firing, List<FireEntry> mine, CustomerId customer,
            Instant now) {
        if (mine.stream().anyMatch(FireEntry::isPending)) {
            return false;
        }
        List<FireEntry> entries = mine.stream().filter(e -> e.step() == 0).toList();
        if (entries.isEmpty()) {
            return true;
        }
        ReEntry policy = campaign.reEntry();
        if (policy.isOnce()) {
            return false;
        }
        if (policy.period().isPresent()) {
            Instant last = entries.get(entries.size() - 1).decidedAt();
            return !last.plus(policy.period().get()).isAfter(now);
        }
        boolean episodeDecided = entries.stream().anyMatch(e -> e.episode().equals(firing.episode()));
        return !episodeDecided || seenOutside.contains(outsideKey(campaign, customer));
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
