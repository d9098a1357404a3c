package dev.retention.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.InMemoryEventStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run on the small shop: every workload runs once and both sides agree on the answer.
 * No timing is asserted here; speed is measured by {@link BenchMain}.
 */
class BenchSmokeTest {
    private static final BenchShop SHOP = new BenchShop(ShopSize.SMALL);

    @TempDir
    Path dir;

    @Test
    void csvImportStoresTheSameEventsOnBothSides() throws Exception {
        InMemoryEventStore store = SHOP.loadStore();
        CsvImportBenchmark benchmark = new CsvImportBenchmark();
        benchmark.csv = SHOP.csv(dir);

        long library = benchmark.library();
        assertThat(library).isEqualTo(store.eventCount());
        long csvRows = benchmark.duckdb();
        long lineRows = store.histories().mapToLong(h -> h.orders().stream()
                .mapToLong(o -> Math.max(1, o.items().size())).sum()
                + h.viewCount() + h.refunds(java.time.Instant.MIN, java.time.Instant.MAX).size()
                + cartRows(h)).sum();
        assertThat(csvRows).as("DuckDB reads one row per view, line and refund").isEqualTo(lineRows);
    }

    @Test
    void duckDbHoldsTheSameShopAsTheStore() throws Exception {
        InMemoryEventStore store = SHOP.loadStore();
        try (DuckShop duck = DuckShop.load(SHOP)) {
            assertThat(duck.rowCount("orders")).isEqualTo(store.histories().mapToLong(CustomerHistory::orderCount).sum());
            assertThat(duck.rowCount("views")).isEqualTo(store.histories().mapToLong(CustomerHistory::viewCount).sum());
        }
        assertThat(store.customerCount()).isEqualTo(ShopSize.SMALL.customers());
        assertThat(store.eventCount() / (double) store.customerCount()).as("events per customer").isBetween(15.0, 35.0);
    }

    @Test
    void metricsAgreeWithTheSqlPeer() throws Exception {
        MetricsBenchmark benchmark = new MetricsBenchmark();
        benchmark.size = "small";
        benchmark.load(); // compares both answers and throws if they differ
        try {
            MetricsBenchmark.Answer answer = benchmark.library();
            assertThat(answer.customersAtEnd()).isPositive();
            assertThat(answer.retained()).isPositive().isLessThanOrEqualTo(answer.customersAtStart());
            assertThat(answer.cohorts()).hasSizeGreaterThan(12);
            assertThat(benchmark.duckdb()).isEqualTo(answer);
        } finally {
            benchmark.close();
        }
    }

    @Test
    void segmentsAgreeWithTheSqlPeer() throws Exception {
        SegmentBenchmark benchmark = new SegmentBenchmark();
        benchmark.size = "small";
        benchmark.load(); // compares both member lists and throws if they differ
        try {
            java.util.List<java.util.List<String>> members = benchmark.library();
            assertThat(members).hasSize(5).allSatisfy(m -> assertThat(m).isNotEmpty());
            assertThat(benchmark.duckdb()).isEqualTo(members);
        } finally {
            benchmark.close();
        }
    }

    @Test
    void theEngineReplaysTheLastMonthAndDecides() {
        EngineBenchmark benchmark = smallEngine("switched-on");
        EngineBenchmark.Allocation allocation = new EngineBenchmark.Allocation();
        long decisions = benchmark.library(allocation);
        assertThat(benchmark.replayedEvents()).isGreaterThan(1_000);
        assertThat(decisions).isPositive();
        assertThat(allocation.bytesPerEvent).as("a replay allocates (decisions make messages)").isPositive();
        benchmark.freshEngine();
        assertThat(benchmark.library(allocation)).as("every replay does the same work").isEqualTo(decisions);
        benchmark.freshEngine();
        assertThat(benchmark.storeOnly()).as("the replay is new to a store holding the history")
                .isEqualTo(benchmark.replayedEvents());

        benchmark.campaigns = "running";
        benchmark.freshEngine();
        long running = benchmark.library(allocation);
        assertThat(running).as("an engine that has evaluated everyone before the replay still decides")
                .isPositive()
                .as("but far less than campaigns switched on with the replay").isLessThan(decisions / 2);
    }

    /** The facade over the native seam and the engine over separate stores make the same decisions. */
    @Test
    void bothLayoutsDecideAlike() {
        for (String campaigns : List.of("running", "switched-on")) {
            EngineBenchmark facade = smallEngine(campaigns);
            EngineBenchmark separate = new EngineBenchmark();
            separate.size = "small";
            separate.campaigns = campaigns;
            separate.layout = "separate";
            separate.split();
            separate.freshEngine();
            assertThat(facade.retention).isNotNull();
            assertThat(separate.retention).isNull();

            assertThat(facade.library(new EngineBenchmark.Allocation())).as(campaigns)
                    .isPositive().isEqualTo(separate.library(new EngineBenchmark.Allocation()));
            assertThat(facade.engine.fireLog().entries().collect(Collectors.toList())).as(campaigns)
                    .containsExactlyInAnyOrderElementsOf(separate.engine.fireLog().entries().toList());
        }
    }

    @Test
    void theAblationMeasuresEveryConfigurationAndItsCampaignsDecideIndependently() {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.size = "small";
        Map<String, EngineAblation.Row> rows = EngineAblation.run(benchmark, 2);

        assertThat(rows.keySet()).containsExactly(EngineAblation.STORE_ONLY, "the engine, no campaign",
                "abandoned-view only", "loyalty-threshold only", "rising-frequency only", "win-back only", "all four",
                EngineAblation.ENGINE_THREADS);
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.microsPerEvent()).hasSize(1).allMatch(t -> t > 0));
        assertThat(rows.get("the engine, no campaign").decided()).isZero();
        long all = rows.get("all four").decided();
        assertThat(all).isPositive();
        // no frequency cap ties the campaigns together, so each decides alone what it decides among the four
        long alone = rows.entrySet().stream().filter(e -> e.getKey().endsWith(" only"))
                .mapToLong(e -> e.getValue().decided()).sum();
        assertThat(alone).isEqualTo(all);
        // where the sender runs changes the cost, not the decisions
        assertThat(rows.get(EngineAblation.ENGINE_THREADS).decided()).isEqualTo(all);
    }

    @Test
    void theFloorDecidesAsTheEngineDoes() {
        EngineBenchmark benchmark = smallEngine("running"); // the engine has ticked at the replay's start
        EngineFloor floor = EngineFloor.running(benchmark);

        for (String campaign : EngineFloor.CAMPAIGNS) {
            Set<String> engine = benchmark.engine.fireLog().entries()
                    .filter(e -> e.campaignId().equals(campaign)).map(e -> e.customerId().value())
                    .collect(Collectors.toSet());
            assertThat(engine).as(campaign).isNotEmpty();
            assertThat(floor.entered(campaign)).as(campaign).isEqualTo(engine);
        }
        long atStart = benchmark.engine.fireLog().entries().count();
        benchmark.library(new EngineBenchmark.Allocation());
        long decidedByTheEngine = benchmark.engine.fireLog().entries().count() - atStart;
        assertThat(decidedByTheEngine).isPositive();
        assertThat(floor.replay(benchmark, true)).as("decisions during the replay").isEqualTo(decidedByTheEngine);
        assertThat(benchmark.replay.stream().filter(floor::append)).as("the replay once more: repeats").isEmpty();
        EngineFloor fresh = EngineFloor.running(benchmark);
        assertThat(benchmark.replay.stream().filter(fresh::append)).as("the replay is new to the history")
                .hasSize(benchmark.replayedEvents());
    }

    @Test
    void theHeavyCustomerKeepsEveryViewOnceAndRepeatsAddNothing() {
        HeavyCustomerBenchmark benchmark = new HeavyCustomerBenchmark();
        benchmark.events = 1_000;
        benchmark.history();

        assertThat(benchmark.appendHistory()).isEqualTo(1_000);
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(benchmark.history);
        assertThat(store.appendAll(benchmark.history)).as("a second delivery of the whole history").isZero();
        assertThat(store.eventCount()).isEqualTo(1_000);
    }

    private static long cartRows(CustomerHistory h) {
        return h.events().stream().filter(e -> e instanceof dev.retention.core.event.CartUpdated)
                .mapToLong(e -> Math.max(1, ((dev.retention.core.event.CartUpdated) e).items().size())).sum();
    }

    /** The engine benchmark on the small shop, set up for its first replay. */
    private static EngineBenchmark smallEngine(String campaigns) {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.size = "small";
        benchmark.campaigns = campaigns;
        benchmark.split();
        benchmark.freshEngine();
        return benchmark;
    }

    @Test
    void workloadSevenFitsAndScoresEveryBuyer() {
        InMemoryEventStore store = SHOP.loadStore();
        PredictiveBenchmark.Answer answer = PredictiveBenchmark.run(store, SHOP.now());
        long buyers = store.histories().filter(h -> h.orderCount() > 0).count();
        assertThat(answer.customers()).isEqualTo(buyers);
        assertThat(answer.sumPAlive() / buyers).isBetween(0.2, 1.0);
        assertThat(answer.sumExpectedOrders()).isPositive();
        assertThat(answer.sumExpectedValue()).isPositive().isFinite();
    }
}
