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
     * Starts a campaign; set at least its trigger and first message.
     *
     * @param id a stable id, recorded in the fire log and part of the idempotency keys and of the
     *     holdout and variant hashes: renaming a campaign makes it a new one
     * @return a new builder with the defaults of the class comment
     * @throws IllegalArgumentException if {@code id} is null or blank
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * The campaign's stable id.
     *
     * @return the id given to {@link #builder}
     */
    public String id() {
        return id;
    }

    /**
     * What makes a customer enter the campaign.
     *
     * @return the trigger
     */
    public Trigger trigger() {
        return trigger;
    }

    /**
     * The steps, the first message at index 0, then the {@link Builder#then} steps by delay.
     *
     * @return the steps, unmodifiable, at least one
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The A/B variants of the first message; empty for none.
     *
     * @return the variants, unmodifiable; never exactly one
     */
    public List<Variant> variants() {
        return variants;
    }

    /**
     * When a customer may enter the campaign again.
     *
     * @return the re-entry policy; {@link ReEntry#everyNewFiring()} by default
     */
    public ReEntry reEntry() {
        return reEntry;
    }

    /**
     * The least time between two messages of this campaign's first step to one customer; zero for none.
     *
     * @return the cooldown, not negative
     */
    public Duration cooldown() {
        return cooldown;
    }

    /**
     * The share of customers, in {@code [0, 1)}, kept out as a control group.
     *
     * @return the share; 0 for no holdout
     */
    public double holdout() {
        return holdout;
    }

    /**
     * Higher first, when several campaigns fire for a customer at once and a frequency cap allows only some.
     *
     * @return the priority; 0 by default, may be negative
     */
    public int priority() {
        return priority;
    }

    /**
     * What ends a customer's run through the sequence early (later steps are cancelled).
     *
     * @return the exit conditions, unmodifiable; empty for none
     */
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

        /**
         * What makes a customer enter the campaign; required.
         *
         * @param trigger the trigger
         * @return this builder
         */
        public Builder trigger(Trigger trigger) {
            this.trigger = requireNonNull(trigger, "trigger");
            return this;
        }

        /**
         * The first message, sent when the customer enters; required, and set once, before any
         * {@link #then}.
         *
         * @param message the message
         * @return this builder
         * @throws IllegalArgumentException if a first message is already set
         */
        public Builder message(Message message) {
            requireNonNull(message, "message");
            checkArgument(steps.isEmpty(), "campaign %s: message(...) must come before then(...) and only once", id);
            steps.add(new Step(Duration.ZERO, message));
            return this;
        }

        /**
         * The first message, as {@link #message(Message)} with {@link Message#of}.
         *
         * @param channel the channel
         * @param templateId the shop's template, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code templateId} is blank or a first message is already set
         */
        public Builder message(Channel channel, String templateId) {
            return message(Message.of(channel, templateId));
        }

        /**
         * A further step, sent {@code afterEntry} after the customer entered, unless an exit condition holds.
         *
         * @param afterEntry the delay from the entry (not from the previous step); not shorter than the
         *     previous step's
         * @param message the message
         * @return this builder
         * @throws IllegalArgumentException if no first message is set yet, or the delay is negative or shorter
         *     than the previous step's
         */
        public Builder then(Duration afterEntry, Message message) {
            checkArgument(!steps.isEmpty(), "campaign %s: set message(...) before then(...)", id);
            Step step = new Step(afterEntry, message);
            Step last = steps.get(steps.size() - 1);
            checkArgument(step.afterEntry().compareTo(last.afterEntry()) >= 0,
                    "campaign %s: step delays must not decrease, got %s after %s", id, afterEntry, last.afterEntry());
            steps.add(step);
            return this;
        }

        /**
         * A/B variants of the first message; customers are split by a deterministic hash of campaign and customer,
         * in proportion to the variants' weights. Replaces variants set before. Later steps send their own
         * templates; the variant is recorded on their entries too, for attribution.
         *
         * @param variants the variants: none, or two or more with distinct names (checked by {@link #build()})
         * @return this builder
         */
        public Builder variants(Variant... variants) {
            this.variants.clear();
            this.variants.addAll(List.of(variants));
            return this;
        }

        /**
         * When a customer may enter again; default {@link ReEntry#everyNewFiring()}.
         *
         * @param reEntry the policy
         * @return this builder
         */
        public Builder reEntry(ReEntry reEntry) {
            this.reEntry = requireNonNull(reEntry, "reEntry");
            return this;
        }

        /**
         * The least time between two first-step messages of this campaign to one customer; default zero (none).
         * A decision within the cooldown is recorded as suppressed.
         *
         * @param cooldown the cooldown, not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code cooldown} is negative
         */
        public Builder cooldown(Duration cooldown) {
            requireNonNull(cooldown, "cooldown");
            checkArgument(!cooldown.isNegative(), "cooldown must not be negative, got %s", cooldown);
            this.cooldown = cooldown;
            return this;
        }

        /**
         * The share of customers held out as a control group, in {@code [0, 1)}; default 0. Chosen by a
         * deterministic hash of campaign and customer, so a customer stays in or out across entries and engines.
         *
         * @param share the share, e.g. {@code 0.10} for 10%
         * @return this builder
         * @throws IllegalArgumentException if {@code share} is outside {@code [0, 1)} (or NaN)
         */
        public Builder holdout(double share) {
            checkArgument(share >= 0.0 && share < 1.0, "holdout share must be in [0, 1), got %s", share);
            this.holdout = share;
            return this;
        }

        /**
         * Higher first when several campaigns fire for a customer at once and a frequency cap allows only some;
         * default 0.
         *
         * @param priority the priority, any int
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Ends the sequence early for a customer when any of these holds before a later step; adds to those
         * set before.
         *
         * @param conditions the exit conditions
         * @return this builder
         */
        public Builder exitWhen(ExitCondition... conditions) {
            this.exitConditions.addAll(List.of(conditions));
            return this;
        }

        /**
         * Builds the campaign.
         *
         * @return the immutable campaign
         * @throws IllegalArgumentException if the trigger or the first message is not set, there is exactly one
         *     variant, or two variants share a name
         */
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
