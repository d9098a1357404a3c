package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.campaign.FireStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's trigger may put any value into a message's personalisation. One that is no JSON type
 * (here a {@link Money} record, nested in a map) is stored as JSON and reads back as a map, so the
 * engine's claim, made on the entry as it recorded it, must still match the stored entry: else the
 * message could never be claimed, and never sent.
 */
class PersonalisationTest {
    private static final Instant T = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void anEntryWithAPersonalisationValueOfNoJsonTypeCanBeClaimedAsRecordedAndAsRead() {
        FireLog log = Databases.newSqliteStore().fireLog();
        CustomerId anna = CustomerId.of("anna");
        OutgoingMessage message = new OutgoingMessage("k1", anna, "c", Channel.EMAIL, "t",
                Map.of("total", Money.parse("12.50", "EUR"), "nested", Map.of("b", 2, "a", List.of("x", "y"))));
        FireEntry recorded = new FireEntry(message, 1, 0, "e", Optional.empty(), "why", T, FireStatus.PENDING,
                DecisionCause.TRIGGERED, "why", T, 0, T, Optional.empty());
        assertThat(log.record(recorded)).isTrue();

        FireEntry claimed = recorded.claim(T, T.plusSeconds(60));
        assertThat(log.replace(recorded, claimed)).as("claimed on the entry as recorded").isTrue();

        FireEntry read = log.find("k1").orElseThrow();
        assertThat(read.status()).isEqualTo(FireStatus.IN_FLIGHT);
        FireEntry sent = read.with(FireStatus.SENT, DecisionCause.DELIVERED, "sent", T);
        assertThat(log.replace(read, sent)).as("settled on the entry as read").isTrue();
        assertThat(log.replace(read, sent)).as("the compare still compares").isFalse();
        assertThat(log.find("k1").orElseThrow().status()).isEqualTo(FireStatus.SENT);
    }
}
