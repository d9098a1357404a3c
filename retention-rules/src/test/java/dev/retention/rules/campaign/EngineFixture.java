package dev.retention.rules.campaign;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.RecordingSender;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Stores, fire log, recording sender and a settable clock for engine tests. */
final class EngineFixture {
    static final Instant START = Instant.parse("2026-03-02T12:00:00Z");

    final InMemoryEventStore events = new InMemoryEventStore();
    final InMemoryProfileStore profiles = new InMemoryProfileStore();
    final InMemoryFireLog fireLog = new InMemoryFireLog();
    final RecordingSender sender = new RecordingSender();
    final MutableClock clock = new MutableClock(START);

    /** A customer in UTC who consented to email long ago. */
    CustomerId subscriber(String id) {
        return subscriber(id, ZoneOffset.UTC);
    }

    CustomerId subscriber(String id, ZoneId zone) {
        CustomerId customer = CustomerId.of(id);
        profiles.put(CustomerProfile.builder(customer).email(id + "@example.com").zone(zone)
                .consent(Consent.given(Channel.EMAIL, START.minusSeconds(86_400 * 365))).build());
        return customer;
    }

    CampaignEngine.Builder engine(MessageSender messageSender, Campaign... campaigns) {
        CampaignEngine.Builder builder = CampaignEngine.builder().events(events).profiles(profiles).fireLog(fireLog)
                .sender(messageSender).clock(clock);
        for (Campaign campaign : campaigns) {
            builder.campaign(campaign);
        }
        return builder;
    }

    CampaignEngine.Builder engine(Campaign... campaigns) {
        return engine(sender, campaigns);
    }

    List<FireEntry> entries(CustomerId customer, String campaignId) {
        return fireLog.entries(customer).stream().filter(e -> e.campaignId().equals(campaignId)).toList();
    }
}
