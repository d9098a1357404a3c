package dev.retention.rules.campaign;

import dev.retention.core.send.MessageSender;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the engine's deciding and dispatching halves share; immutable. */
record EngineParts(
        EventStore events,
        ProfileStore profiles,
        FireLog fireLog,
        MessageSender sender,
        Map<String, Campaign> campaigns,
        List<Campaign> campaignsByPriority,
        Guards guards,
        RetryPolicy retry) {

    Optional<Campaign> campaign(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    int priority(FireEntry entry) {
        return campaign(entry.campaignId()).map(Campaign::priority).orElse(0);
    }
}
