package dev.retention.rules.campaign;

import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the engine's deciding and dispatching halves share; immutable. */
record EngineParts(
        EventStore events,
        ProfileStore profiles,
        FireLog fireLog,
        Map<String, Campaign> campaigns,
        List<Campaign> campaignsByPriority,
        Guards guards,
        RetryPolicy retry,
        Duration lease) {

    Optional<Campaign> campaign(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    int priority(FireEntry entry) {
        return campaign(entry.campaignId()).map(Campaign::priority).orElse(0);
    }
}
