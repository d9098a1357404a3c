package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.Channel;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A campaign: when a {@link Trigger} fires for a customer, send a message (and optionally later
 * steps), subject to the campaign's guards.
 *
 * <pre>{@code
 * Campaign abandonedView = Campaign.builder("abandoned-view")
 *         .trigger(AbandonedViewTrigger.builder().recommendFrom(store).build())
 *         .message(Message.email("abandoned-view"))
 *         .variants(Variant.of("plain", "abandoned-view-a", 1), Variant.of("discount", "abandoned-view-b", 1))
 *         .cooldown(Duration.ofDays(7))
 *         .holdout(0.10)
 *         .priority(10)
 *         .build();
 * }</pre>
 *
 * <p>Defaults: re-entry {@link ReEntry#everyNewFiring()}, no cooldown, no holdout, no variants,
 * priority 0, no further steps. Immutable and thread-safe.
 */
public final class Campaign {
    private final String id;
    private final Trigger trigger;
    private final List<Step> steps;
    private final List<Variant> variants;
    private final ReEntry reEntry;
    private final Duration cooldown;
    private final double holdout;
    private final int priority;
    private final Set<ExitCondition> exitConditions;

    private Campaign(Builder b) {
        this.id = b.id;
        this.trigger = b.trigger;
        this.steps = List.copyOf(b.steps);
        this.variants = List.copyOf(b.variants);
        this.reEntry = b.reEntry;
        this.cooldown = b.cooldown;
        this.holdout = b.holdout;
        this.priority = b.priority;
        this.exitConditions = Set.copyOf(b.exitConditions);
    }

    /**
     * @param id a stable id, recorded in the fire log and part of the idempotency keys and of the
     *     holdout and variant hashes: renaming a campaign makes it a new one
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** The steps, the first message at index 0. */
    public List<Step> steps() {
        return steps;
    }

    public List<Variant> variants() {
        return variants;
    }

    public ReEntry reEntry() {
        return reEntry;
    }

    /** The least time between two messages of this campaign's first step to one customer; zero for none. */
    public Duration cooldown() {
        return cooldown;
    }

    /** The share of customers, in {@code [0, 1)}, kept out as a control group. */
    public double holdout() {
        return holdout;
    }

    /** Higher first, when several campaigns fire for a customer at once and a frequency cap allows only some. */
    public int priority() {
        return priority;
    }

    public Set<ExitCondition> exitConditions() {
        return exitConditions;
    }

    @Override
    public String toString() {
        return "Campaign[" + id + ", trigger=" + trigger.name() + ", steps=" + steps.size() + ", reEntry=" + reEntry
                + ", cooldown=" + cooldown + ", holdout=" + holdout + ", priority=" + priority + "]";
    }

    /** Builds a {@link Campaign}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private Trigger trigger;
        private final List<Step> steps = new ArrayList<>();
        private final List<Variant> variants = new ArrayList<>();
        private ReEntry reEntry = ReEntry.everyNewFiring();
        private Duration cooldown = Duration.ZERO;
        private double holdout;
        private int priority;
        private final Set<ExitCondition> exitConditions = EnumSet.noneOf(ExitCondition.class);

        private Builder(String id) {
            checkArgument(id != null && !id.isBlank(), "campaign id must not be blank, got %s",
                    id == null ? "null" : "'" + id + "'");
            this.id = id;
        }

        public Builder trigger(Trigger trigger) {
            this.trigger = requireNonNull(trigger, "trigger");
            return this;
        }

        /** The first message, sent when the customer enters. */
        public Builder message(Message message) {
            requireNonNull(message, "message");
            checkArgument(steps.isEmpty(), "campaign %s: message(...) must come before then(...) and only once", id);
            steps.add(new Step(Duration.ZERO, message));
            return this;
        }

        public Builder message(Channel channel, String templateId) {
            return message(Message.of(channel, templateId));
        }

        /** A further step, sent {@code afterEntry} after the customer entered, unless an exit condition holds. */
        public Builder then(Duration afterEntry, Message message) {
            checkArgument(!steps.isEmpty(), "campaign %s: set message(...) before then(...)", id);
            Step step = new Step(afterEntry, message);
            Step last = steps.get(steps.size() - 1);
            checkArgument(step.afterEntry().compareTo(last.afterEntry()) >= 0,
                    "campaign %s: step delays must not decrease, got %s after %s", id, afterEntry, last.afterEntry());
            steps.add(step);
            return this;
        }

        /** A/B variants of the first message; customers are split by a deterministic hash of campaign and customer. */
        public Builder variants(Variant... variants) {
            this.variants.clear();
            this.variants.addAll(List.of(variants));
            return this;
        }

        public Builder reEntry(ReEntry reEntry) {
            this.reEntry = requireNonNull(reEntry, "reEntry");
            return this;
        }

        public Builder cooldown(Duration cooldown) {
            requireNonNull(cooldown, "cooldown");
            checkArgument(!cooldown.isNegative(), "cooldown must not be negative, got %s", cooldown);
            this.cooldown = cooldown;
            return this;
        }

        /** The share of customers held out as a control group, in {@code [0, 1)}. */
        public Builder holdout(double share) {
            checkArgument(share >= 0.0 && share < 1.0, "holdout share must be in [0, 1), got %s", share);
            this.holdout = share;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Ends the sequence early for a customer when any of these holds before a later step. */
        public Builder exitWhen(ExitCondition... conditions) {
            this.exitConditions.addAll(List.of(conditions));
            return this;
        }

        public Campaign build() {
            checkArgument(trigger != null, "campaign %s: trigger is not set", id);
            checkArgument(!steps.isEmpty(), "campaign %s: message is not set", id);
            Set<String> names = new HashSet<>();
            for (Variant variant : variants) {
                checkArgument(names.add(variant.name()), "campaign %s: variant name %s is used twice", id,
                        variant.name());
            }
            checkArgument(variants.size() != 1, "campaign %s: a single variant is no A/B test; set none or two+", id);
            return new Campaign(this);
        }
    }
}
