package dev.retention.rules.campaign;

import dev.retention.core.profile.Channel;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.internal.HumanDurations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine-wide guards, checked when a customer enters a campaign and again right before each
 * send, so that a deferred or later message obeys the state at the time it goes out.
 */
final class Guards {
    /** Why a guard said no. */
    record Verdict(DecisionCause cause, String reason) {
    }

    private final List<FrequencyCap> caps;
    private final Optional<QuietHours> quietHours;

    Guards(List<FrequencyCap> caps, Optional<QuietHours> quietHours) {
        this.caps = List.copyOf(caps);
        this.quietHours = quietHours;
    }

    Optional<Verdict> consent(Channel channel, CustomerProfile profile, Instant now) {
        if (profile.hasConsent(channel, now)) {
            return Optional.empty();
        }
        String state = profile.consent(channel).map(c -> c.granted() ? "consent given only at " + c.at()
                : "consent withdrawn at " + c.at()).orElse("no consent on record");
        return Optional.of(new Verdict(DecisionCause.NO_CONSENT,
                "suppressed: no " + channel + " consent at " + now + " (" + state + ")"));
    }

    /**
     * Whether the profile lacks the contact point the channel is delivered to (see {@link #recipient}):
     * a message nobody can deliver is not sent, and the decision says why.
     */
    Optional<Verdict> contact(Channel channel, CustomerProfile profile, Instant now) {
        if (!needsContactPoint(channel) || recipient(channel, profile).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(DecisionCause.NO_CONTACT_POINT, "suppressed: no " + channel + " "
                + (channel.equals(Channel.EMAIL) ? "address" : "phone number") + " in the customer's profile at " + now));
    }

    /**
     * The customer's contact point for the channel: the email address for email, the phone number
     * for SMS. Other channels (push, webhook, the shop's own) have no contact point in the profile:
     * their senders address the customer by id, so they need none.
     */
    static Optional<String> recipient(Channel channel, CustomerProfile profile) {
        if (channel.equals(Channel.EMAIL)) {
            return profile.email();
        }
        if (channel.equals(Channel.SMS)) {
            return profile.phone();
        }
        return Optional.empty();
    }

    static boolean needsContactPoint(Channel channel) {
        return channel.equals(Channel.EMAIL) || channel.equals(Channel.SMS);
    }

    /**
     * Whether the customer received a first message of this campaign, from another entry than
     * {@code entry}, in {@code (now - cooldown, now]}.
     */
    Optional<Verdict> cooldown(Campaign campaign, int entry, List<FireEntry> customerLog, Instant now) {
        Duration cooldown = campaign.cooldown();
        if (cooldown.isZero()) {
            return Optional.empty();
        }
        Instant from = now.minus(cooldown);
        for (FireEntry e : customerLog) {
            if (e.campaignId().equals(campaign.id()) && e.step() == 0 && e.entry() != entry
                    && sentOrSending(e) && e.updatedAt().isAfter(from) && !e.updatedAt().isAfter(now)) {
                return Optional.of(new Verdict(DecisionCause.COOLDOWN, "suppressed: received " + campaign.id() + " at "
                        + e.updatedAt() + ", within its cooldown of " + HumanDurations.format(cooldown)));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether sending one more message on {@code channel} at {@code now} would break a cap. Sent
     * messages count at their send time, messages being sent at their claim time; with {@code countDue}, pending messages already due
     * count too (they are about to go out in the same evaluation).
     */
    Optional<Verdict> cap(Channel channel, List<FireEntry> customerLog, Instant now, boolean countDue) {
        for (FrequencyCap cap : caps) {
            if (!cap.covers(channel)) {
                continue;
            }
            Instant from = now.minus(cap.window());
            long used = customerLog.stream()
                    .filter(e -> cap.covers(e.message().channel()))
                    .filter(e -> (sentOrSending(e) && e.updatedAt().isAfter(from)
                            && !e.updatedAt().isAfter(now))
                            || (countDue && e.isPending() && !e.dueAt().isAfter(now)))
                    .count();
            if (used >= cap.max()) {
                return Optional.of(new Verdict(DecisionCause.FREQUENCY_CAP, "suppressed: frequency cap reached, "
                        + used + " of at most " + cap.max() + " messages in the last "
                        + HumanDurations.format(cap.window())
                        + cap.channel().map(c -> " on " + c).orElse(" on all channels") + " already sent or due"));
            }
        }
        return Optional.empty();
    }

    /** Sent, or being sent (claimed at its update time): either way the customer is about to have it. */
    private static boolean sentOrSending(FireEntry e) {
        return e.status() == FireStatus.SENT || e.status() == FireStatus.IN_FLIGHT;
    }

    /** The end of the quiet hours if {@code now} is within them in the customer's zone. */
    Optional<Instant> quietUntil(CustomerProfile profile, Instant now) {
        return quietHours.flatMap(q -> q.endOfQuiet(now, profile.zone()));
    }

    String quietReason(CustomerProfile profile, Instant now, Instant until) {
        return "deferred: " + now.atZone(profile.zone()).toLocalTime().withNano(0) + " in " + profile.zone()
                + " is within the quiet hours " + quietHours.map(Object::toString).orElse("") + "; due at " + until;
    }
}
