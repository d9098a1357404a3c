package dev.retention.rules.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FrequencyCap;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.WinBackTrigger;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Win-back and loyalty-threshold campaigns over the real CDNOW log (23,570 customers), checked
 * against counts computed straight from the CSV rows.
 */
class CdnowCampaignTest {
    private static final Instant END_OF_LOG = Instant.parse("1998-07-01T00:00:00Z");
    private static final Duration LAPSE = Duration.ofDays(180);
    private static final Path ORDERS = Path.of(System.getProperty("retention.data", "../data"))
            .resolve("cdnow/orders.csv");

    private static InMemoryEventStore events;
    private static InMemoryProfileStore profiles;
    private static Set<String> lapsed;
    private static Set<String> loyal;

    /** Per customer from the raw rows: orders, cents spent, last order date. */
    private record Tally(int orders, long cents, LocalDate last) {
    }

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isRegularFile(ORDERS), "CDNOW data not found at " + ORDERS);
        events = new InMemoryEventStore();
        EventCsvReader.strict().importInto(events, ORDERS);
        profiles = new InMemoryProfileStore();
        events.customerIds().forEach(id -> profiles.put(CustomerProfile.builder(id).email(id.value() + "@example.com")
                .consent(Consent.given(Channel.EMAIL, Instant.parse("1997-01-01T00:00:00Z"))).build()));

        Map<String, Tally> tallies = new HashMap<>();
        Map<String, String> orderOwner = new HashMap<>();
        List<String> lines = Files.readAllLines(ORDERS);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            String customer = cells[1];
            long cents = new BigDecimal(cells[5]).movePointRight(2).longValueExact();
            boolean newOrder = orderOwner.put(cells[4], customer) == null;
            LocalDate date = LocalDate.parse(cells[0]);
            tallies.merge(customer, new Tally(newOrder ? 1 : 0, cents, date), (a, b) ->
                    new Tally(a.orders + b.orders, a.cents + b.cents, a.last.isAfter(b.last) ? a.last : b.last));
        }
        LocalDate lapsedBy = LocalDate.ofInstant(END_OF_LOG.minus(LAPSE), ZoneOffset.UTC);
        lapsed = tallies.entrySet().stream()
                .filter(e -> e.getValue().orders >= 2 && !e.getValue().last.isAfter(lapsedBy))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        loyal = tallies.entrySet().stream().filter(e -> e.getValue().orders >= 3 && e.getValue().cents > 100_00)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Campaign winBack() {
        return Campaign.builder("win-back")
                .trigger(WinBackTrigger.builder().atLeastOrders(2).noOrderFor(LAPSE).build())
                .message(Message.email("we-miss-you")).build();
    }

    private static Campaign loyaltyInvite() {
        return Campaign.builder("loyalty-invite").trigger(LoyaltyThresholdTrigger.of(3, Money.of(100, "USD")))
                .message(Message.email("join-loyalty")).reEntry(ReEntry.once()).priority(10).build();
    }

    private static Set<String> customersSent(RecordingSender sender, String campaign) {
        return sender.sent().stream().filter(m -> m.campaignId().equals(campaign)).map(m -> m.customerId().value())
                .collect(Collectors.toSet());
    }

    @Test
    void oneTickAtTheEndOfTheLogWritesToExactlyTheLapsedAndTheLoyalCustomers() {
        RecordingSender sender = new RecordingSender();
        CampaignEngine engine = CampaignEngine.builder().events(events).profiles(profiles)
                .fireLog(new InMemoryFireLog()).sender(sender).clock(Clock.fixed(END_OF_LOG, ZoneOffset.UTC))
                .campaign(winBack()).campaign(loyaltyInvite()).build();

        engine.tick();
        engine.tick();

        assertThat(lapsed).hasSizeGreaterThan(1000);
        assertThat(customersSent(sender, "win-back")).isEqualTo(lapsed);
        assertThat(customersSent(sender, "loyalty-invite")).isEqualTo(loyal);
        assertThat(sender.sent()).hasSize(lapsed.size() + loyal.size());
        assertThat(sender.duplicateCount()).isZero();
    }

    @Test
    void aTightCapGivesCustomersInBothCampaignsOnlyTheHigherPriorityLetter() {
        RecordingSender sender = new RecordingSender();
        InMemoryFireLog fireLog = new InMemoryFireLog();
        CampaignEngine engine = CampaignEngine.builder().events(events).profiles(profiles).fireLog(fireLog)
                .sender(sender).clock(Clock.fixed(END_OF_LOG, ZoneOffset.UTC))
                .frequencyCap(FrequencyCap.overall(1, Duration.ofDays(30)))
                .campaign(winBack()).campaign(loyaltyInvite()).build();

        engine.tick();

        Set<String> both = lapsed.stream().filter(loyal::contains).collect(Collectors.toSet());
        assertThat(both).isNotEmpty();
        assertThat(customersSent(sender, "loyalty-invite")).isEqualTo(loyal);
        assertThat(customersSent(sender, "win-back")).doesNotContainAnyElementsOf(both)
                .hasSize(lapsed.size() - both.size());
        assertThat(fireLog.entries().filter(e -> e.cause() == DecisionCause.FREQUENCY_CAP)
                .map(FireEntry::customerId).map(CustomerId::value).collect(Collectors.toSet())).isEqualTo(both);
    }
}
