package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private int sequence;

    private void order(String customer, String at, String amount, String currency) {
        sequence++;
        store.append(new dev.retention.core.event.OrderPlaced("e" + sequence, CustomerId.of(customer),
                Instant.parse(at), OrderId.of("o" + sequence), List.of(), Money.parse(amount, currency)));
    }

    @Test
    void repeatPurchasesOnlyWithRecencyAndAgeFromTheFirst() {
        order("anna", "2026-01-01T10:00:00Z", "50.00", "EUR");
        order("anna", "2026-01-08T10:00:00Z", "20.00", "EUR");
        order("anna", "2026-01-15T10:00:00Z", "30.00", "EUR");
        order("bob", "2026-01-20T10:00:00Z", "99.00", "EUR");
        order("anna", "2026-03-01T10:00:00Z", "1000.00", "EUR"); // after now: left out

        List<CustomerSummary> weeks = CustomerSummaries.builder().timeUnit(Duration.ofDays(7)).build()
                .of(store, Instant.parse("2026-01-29T10:00:00Z"));

        assertThat(weeks).containsExactly(
                new CustomerSummary(CustomerId.of("anna"), 2, 2, 4, 25),
                new CustomerSummary(CustomerId.of("bob"), 0, 0, 9.0 / 7, 0));
    }

    @Test
    void sameDayOrdersCountAsOnePurchaseWorthTheirSum() {
        order("anna", "2026-01-01T10:00:00Z", "50.00", "EUR");
        order("anna", "2026-01-02T09:00:00Z", "20.00", "EUR");
        order("anna", "2026-01-02T21:00:00Z", "5.00", "EUR");

        Instant now = Instant.parse("2026-01-03T09:00:00Z");
        CustomerSummary merged = CustomerSummaries.builder().sameDayOrdersAsOne(ZoneOffset.UTC).build()
                .of(store, now).get(0);
        CustomerSummary separate = CustomerSummaries.ofDefaults().of(store, now).get(0);

        assertThat(merged).isEqualTo(new CustomerSummary(CustomerId.of("anna"), 1, 23.0 / 24, 47.0 / 24, 25));
        assertThat(separate).isEqualTo(new CustomerSummary(CustomerId.of("anna"), 2, 35.0 / 24, 47.0 / 24, 12.5));
    }

    @Test
    void ordersInTwoCurrenciesAreRefusedNamingThem() {
        order("anna", "2026-01-01T10:00:00Z", "50.00", "EUR");
        order("bob", "2026-01-02T10:00:00Z", "50.00", "USD");

        assertThatThrownBy(() -> CustomerSummaries.ofDefaults().of(store, Instant.parse("2026-02-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    void aZeroOrNegativeTimeUnitIsRefused() {
        assertThatThrownBy(() -> CustomerSummaries.builder().timeUnit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeUnit").hasMessageContaining("PT0S");
    }

    @Test
    void anEmptyStoreHasNoSummaries() {
        assertThat(CustomerSummaries.ofDefaults().of(store, Instant.EPOCH)).isEmpty();
    }

    @Test
    void theCdnowSampleLogGivesThePublishedCalibrationSummary() throws IOException {
        Path folder = Path.of(System.getProperty("retention.data", "../data"), "cdnow");
        EventCsvReader.strict().importInto(store, folder.resolve("sample_orders.csv"));
        List<CustomerSummary> published = CdnowModelsTest.read(folder.resolve("cdnow_customers_summary_with_transactions.csv"),
                "ID,x,t_x,T,zbar");

        List<CustomerSummary> ours = CustomerSummaries.builder().timeUnit(Duration.ofDays(7))
                .sameDayOrdersAsOne(ZoneOffset.UTC).build()
                .of(store, Instant.parse("1997-09-30T00:00:00Z"));

        assertThat(ours).hasSameSizeAs(published);
        java.util.Map<Integer, CustomerSummary> byId = new java.util.HashMap<>();
        for (CustomerSummary s : ours) {
            byId.put(Integer.parseInt(s.customerId().value()), s);
        }
        for (CustomerSummary expected : published) {
            CustomerSummary actual = byId.get(Integer.parseInt(expected.customerId().value()));
            assertThat(actual).as("customer %s", expected.customerId()).isNotNull();
            assertThat(actual.frequency()).as("frequency of %s", expected.customerId()).isEqualTo(expected.frequency());
            assertThat(actual.recency()).as("recency of %s", expected.customerId()).isCloseTo(expected.recency(), within(0.0051));
            assertThat(actual.age()).as("T of %s", expected.customerId()).isCloseTo(expected.age(), within(0.0051));
            assertThat(actual.averageValue()).as("zbar of %s", expected.customerId())
                    .isCloseTo(expected.averageValue(), within(0.0051));
        }
    }
}
