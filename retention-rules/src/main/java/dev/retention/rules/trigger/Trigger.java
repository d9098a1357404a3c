package dev.retention.rules.trigger;

import dev.retention.rules.segment.Catalog;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Segment;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that looks at one customer at one instant and decides whether a campaign should start:
 * history + profile + now, to an optional {@link Firing} with its reason and payload.
 *
 * <p>Triggers are pure: the same arguments give the same answer, they read no clock and keep no
 * state, so they are thread-safe and the engine may evaluate them as often as it likes. Whether a
 * firing is "new" is told by its {@link Firing#episode()}; the engine, not the trigger, remembers
 * what was already sent. Events after {@code now} in the history are ignored.
 *
 * <p>Ready-made triggers: {@link AbandonedViewTrigger}, {@link AbandonedCartTrigger},
 * {@link LoyaltyThresholdTrigger}, {@link RisingFrequencyTrigger}, {@link WinBackTrigger},
 * {@link BirthdayTrigger}, {@link PostPurchaseTrigger}, and {@link #onEntering} for any segment.
 */
public interface Trigger {

    /**
     * A short stable name, used in reasons and the fire log, e.g. {@code "abandoned-view"}.
     *
     * @return the name, not blank, the same on every call
     */
    String name();

    /**
     * Whether the trigger fires for the customer at {@code now}, and why. Pure: ignores events after
     * {@code now} and reads no clock.
     *
     * <p>Read the history within this call (a {@link Firing#lazy lazy} firing's reason and payload
     * may read it too: the engine asks for them before the customer's step ends) and do not keep
     * it: the engine may hand over the customer's live events, which refuse every query once the
     * step is over.
     *
     * @param history the customer's events
     * @param profile the customer's profile
     * @param now the instant of evaluation
     * @return the firing with its episode, reason and payload, or empty if the trigger does not fire
     */
    Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now);

    /**
     * The episode {@link #evaluate} would fire with now, or empty if it would not fire, without
     * building the firing. The engine asks this first and evaluates the firing only for an episode
     * it may still decide: a trigger that fires on many events while the same situation lasts
     * (rising frequency) is mostly refused as the same episode, and building each refused firing
     * would be garbage per event.
     *
     * <p>Must agree with {@link #evaluate}: present exactly when it fires, with its firing's
     * episode; pure, under the same rules. The default evaluates and takes the firing's episode; a
     * trigger overrides it when the answer is cheaper than the firing.
     *
     * @param history the customer's events
     * @param profile the customer's profile
     * @param now the instant of evaluation
     * @return the episode of the firing {@link #evaluate} would return, or empty if it does not fire
     */
    default Optional<String> episode(CustomerHistory history, CustomerProfile profile, Instant now) {
        return evaluate(history, profile, now).map(Firing::episode);
    }

    /**
     * The payload fields every firing of this trigger carries. The campaign engine tells its sender
     * these (with its own fields) when it is built, so a template that uses a field the messages
     * will not carry fails the build, not a customer's letter. Fields a firing carries only
     * sometimes (an incentive code) are left out: a template must say what to write without them.
     *
     * <p>The default is none, as for {@link #onEntering}: a trigger of your own whose firings carry
     * a payload lists the fields they always carry here.
     *
     * @return the field names, the same on every call
     */
    default Set<String> payloadFields() {
        return Set.of();
    }

    /**
     * A trigger that fires while the customer meets the condition; with the campaign re-entry
     * policy "every new firing" it fires on entering: once when the customer comes in, again only
     * after the engine has seen them out of it. This is how a segment becomes a trigger:
     * {@link #onEntering(Segment)}, or for any test of your own,
     * {@code Trigger.onEntering("big-spenders", (history, profile, now) -> ...)}.
     *
     * @param name the trigger's name, not blank
     * @param condition the condition; must be pure and thread-safe
     * @return the trigger; its firings have the episode {@code "in"} and no payload
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    static Trigger onEntering(String name, CustomerCondition condition) {
        return new EnteringTrigger(name, condition);
    }

    /**
     * A trigger that fires on entering the segment (with the re-entry policy "every new firing"),
     * named after it; it has no {@link Catalog}, so a category condition in it fails
     * (IllegalStateException) on evaluation: use {@link #onEntering(Segment, Catalog)}.
     *
     * @param segment the segment
     * @return the trigger, named {@code segment.name()}
     */
    static Trigger onEntering(Segment segment) {
        return onEntering(segment, Catalog.empty());
    }

    /**
     * {@link #onEntering(Segment)}, resolving product categories with {@code catalog}.
     *
     * @param segment the segment
     * @param catalog the catalog for category conditions
     * @return the trigger, named {@code segment.name()}
     */
    static Trigger onEntering(Segment segment, Catalog catalog) {
        java.util.Objects.requireNonNull(segment, "segment");
        java.util.Objects.requireNonNull(catalog, "catalog");
        return new EnteringTrigger(segment.name(),
                (history, profile, now) -> segment.test(new EvaluationContext(history, profile, now, catalog)));
    }
}
