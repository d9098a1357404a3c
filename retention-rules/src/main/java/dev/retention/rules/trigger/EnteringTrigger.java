package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.Optional;

/** {@link Trigger#onEntering}: one episode for as long as the customer stays in. */
final class EnteringTrigger implements Trigger {
    private final String name;
    private final CustomerCondition condition;

    EnteringTrigger(String name, CustomerCondition condition) {
        checkArgument(name != null && !name.isBlank(), "trigger name must not be blank");
        this.name = name;
        this.condition = requireNonNull(condition, "condition");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        if (!condition.test(history, profile, now)) {
            return Optional.empty();
        }
        return Optional.of(Firing.of(name, "in", "entered " + name));
    }

    @Override
    public String toString() {
        return "onEntering(" + name + ")";
    }
}
