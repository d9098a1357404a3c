package dev.retention.bench;

import static dev.retention.rules.segment.Conditions.anyOf;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.not;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Conditions.products;
import static dev.retention.rules.segment.Conditions.spendEver;
import static dev.retention.rules.segment.Conditions.viewedWithoutBuying;
import static dev.retention.rules.segment.Conditions.viewsOf;
import static dev.retention.rules.segment.Conditions.anyProduct;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import dev.retention.testkit.SyntheticShop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 1: membership at one instant of the four playbook segments and one compound segment,
 * over every customer. The library runs one {@link SegmentEvaluator} for the five segments
 * (parallel, one pass over the in-memory store); DuckDB runs the five equivalent SQL queries. Both member lists are compared before
 * timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
public class SegmentBenchmark {
    /** The three most popular products of the synthetic shop: "viewed X, Y, Z and did not buy". */
    static final String X = SyntheticShop.productId(0).value();
    static final String Y = SyntheticShop.productId(1).value();
    static final String Z = SyntheticShop.productId(2).value();

    static final List<Segment> SEGMENTS = List.of(
            Segment.named("abandoned-view").where(viewedWithoutBuying(products(X, Y, Z)).within(days(7))),
            Segment.named("loyalty-threshold").where(ordersEver().atLeast(3)).and(spendEver().above(Money.of(300, "USD"))),
            Segment.named("rising-frequency").where(ordersWithin(days(60)).moreThan(2)),
            Segment.named("win-back").where(ordersEver().atLeast(3)).and(noOrderWithin(days(90))),
            Segment.named("engaged-not-lapsed")
                    .where(anyOf(ordersWithin(days(60)).moreThan(2), spendEver().above(Money.of(1000, "USD"))))
                    .and(not(noOrderWithin(days(180))))
                    .and(viewsOf(anyProduct()).within(days(30)).atLeast(1)));

    /** The same five segments in SQL, members sorted; {@code $1} is now, {@code $2..$4} the products. */
    static final List<String> SQL = List.of("""
            WITH last_views AS (
              SELECT customer_id, product_id, max(occurred_at) AS last_view FROM views
              WHERE occurred_at >= $1 - INTERVAL 7 DAY AND occurred_at <= $1 AND product_id IN ($2, $3, $4)
              GROUP BY customer_id, product_id)
            SELECT DISTINCT v.customer_id FROM last_views v
            WHERE NOT EXISTS (
              SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.order_id
              WHERE o.customer_id = v.customer_id AND l.product_id = v.product_id
                AND o.occurred_at >= v.last_view AND o.occurred_at <= $1)
            ORDER BY 1""", """
            WITH o AS (SELECT customer_id, count(*) AS n, sum(total) AS spent FROM orders
                       WHERE occurred_at <= $1 GROUP BY customer_id),
                 r AS (SELECT customer_id, sum(amount) AS refunded FROM refunds
                       WHERE occurred_at <= $1 GROUP BY customer_id)
            SELECT o.customer_id FROM o LEFT JOIN r USING (customer_id)
            WHERE o.n >= 3 AND o.spent - coalesce(r.refunded, 0) > 30000 ORDER BY 1""", """
            SELECT customer_id FROM orders WHERE occurred_at >= $1 - INTERVAL 60 DAY AND occurred_at <= $1
            GROUP BY customer_id HAVING count(*) > 2 ORDER BY 1""", """
            SELECT customer_id FROM orders WHERE occurred_at <= $1 GROUP BY customer_id
            HAVING count(*) >= 3 AND max(occurred_at) < $1 - INTERVAL 90 DAY ORDER BY 1""", """
            WITH o AS (SELECT customer_id,
                         count(*) FILTER (WHERE occurred_at >= $1 - INTERVAL 60 DAY) AS recent,
                         sum(total) AS spent,
                         max(occurred_at) AS last_order
                       FROM orders WHERE occurred_at <= $1 GROUP BY customer_id),
                 r AS (SELECT customer_id, sum(amount) AS refunded FROM refunds
                       WHERE occurred_at <= $1 GROUP BY customer_id),
                 v AS (SELECT DISTINCT customer_id FROM views
                       WHERE occurred_at >= $1 - INTERVAL 30 DAY AND occurred_at <= $1)
            SELECT o.customer_id FROM o LEFT JOIN r USING (customer_id) JOIN v USING (customer_id)
            WHERE (o.recent > 2 OR o.spent - coalesce(r.refunded, 0) > 100000)
              AND o.last_order >= $1 - INTERVAL 180 DAY
            ORDER BY 1""");

    @Param("small")
    public String size;

    InMemoryEventStore store;
    InMemoryProfileStore profiles;
    SegmentEvaluator evaluator;
    DuckShop duck;
    Instant now;

    @Setup
    public void load() throws SQLException {
        BenchShop shop = new BenchShop(ShopSize.parse(size));
        store = shop.loadStore();
        profiles = new InMemoryProfileStore();
        duck = DuckShop.load(shop);
        now = shop.now();
        evaluator = SegmentEvaluator.builder(SEGMENTS.get(0), SEGMENTS.subList(1, SEGMENTS.size()).toArray(Segment[]::new))
                .parallel(true).build();
        List<List<String>> library = library();
        List<List<String>> sql = duckdb();
        for (int i = 0; i < SEGMENTS.size(); i++) {
            if (!library.get(i).equals(sql.get(i))) {
                throw new IllegalStateException("library and DuckDB disagree on " + SEGMENTS.get(i).name() + ": "
                        + library.get(i).size() + " vs " + sql.get(i).size() + " members");
            }
        }
    }

    @TearDown
    public void close() throws SQLException {
        duck.close();
    }

    @Benchmark
    public List<List<String>> library() {
        // one pass for all five, as a nightly refresh would do it
        List<List<String>> members = new ArrayList<>();
        for (Membership membership : evaluator.membersOfEach(store, profiles, now).values()) {
            members.add(membership.members().stream().map(CustomerId::value).toList());
        }
        return members;
    }

    @Benchmark
    public List<List<String>> duckdb() throws SQLException {
        Connection c = duck.connection();
        Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        List<List<String>> members = new ArrayList<>();
        for (String sql : SQL) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, at);
                if (sql.contains("$2")) {
                    s.setString(2, X);
                    s.setString(3, Y);
                    s.setString(4, Z);
                }
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                members.add(ids);
            }
        }
        return members;
    }
}
