package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic synthetic shop: customers with heterogeneous buying rates (gamma distributed)
 * who drop out after any purchase with their own probability (beta distributed), as in the BG/NBD
 * model of customer-base analysis; Zipf-distributed product popularity; several product views per
 * order, browsing without buying, carts (some abandoned) and a few refunds.
 *
 * <p>The same seed and size give the same events. Not thread-safe; cheap to create.
 */
public final class SyntheticShop {
    /** Where the generated history starts; it spans {@link #SPAN}. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /**
     * How long the generated history runs: two years from {@link #START}.
     */
    public static final Duration SPAN = Duration.ofDays(730);
    /**
     * The one currency of every generated amount.
     */
    public static final Currency USD = Currency.getInstance("USD");

    private final int customers;
    private final int products;
    private final long seed;
    private final double[] zipfCumulative;
    private final long[] unitPrices;

    private SyntheticShop(int customers, int products, long seed) {
        checkArgument(customers >= 1, "customers must be at least 1, got %s", customers);
        checkArgument(products >= 10, "products must be at least 10, got %s", products);
        this.customers = customers;
        this.products = products;
        this.seed = seed;
        this.zipfCumulative = zipf(products, 1.07);
        SplittableRandom prices = new SplittableRandom(seed ^ 0x5EED);
        this.unitPrices = new long[products];
        for (int p = 0; p < products; p++) {
            unitPrices[p] = 499 + 100L * prices.nextInt(0, 196); // 4.99 .. 199.99
        }
    }

    /**
     * A shop of {@code customers} customers and a catalog sized to it (a tenth as many products, 50 to 20,000).
     *
     * @param customers how many customers, at least 1
     * @param seed the random seed; the same seed gives the same shop
     * @return the generator
     */
    public static SyntheticShop of(int customers, long seed) {
        return new SyntheticShop(customers, Math.max(50, Math.min(20_000, customers / 10)), seed);
    }

    /**
     * A shop of {@code customers} customers and {@code products} products.
     *
     * @param customers how many customers, at least 1
     * @param products how many products, at least 10
     * @param seed the random seed; the same seed gives the same shop
     * @return the generator
     */
    public static SyntheticShop of(int customers, int products, long seed) {
        return new SyntheticShop(customers, products, seed);
    }

    /**
     * The instant the history ends: a natural "now" for evaluating it.
     *
     * @return {@code START} plus {@code SPAN}
     */
    public Instant end() {
        return START.plus(SPAN);
    }

    /**
     * Every event of the shop, customer by customer, each customer's events in time order.
     *
     * @return the events, a new mutable list
     */
    public List<CustomerEvent> events() {
        List<CustomerEvent> out = new ArrayList<>(customers * 25);
        generate(out::add);
        return out;
    }

    /**
     * Hands every event to {@code sink}, customer by customer, each customer's events in time order.
     *
     * @param sink receives the events; nothing is kept in memory meanwhile
     */
    public void generate(Consumer<? super CustomerEvent> sink) {
        for (int c = 0; c < customers; c++) {
            new CustomerRun(c, new SplittableRandom(seed * 1_000_003L + c), sink).run();
        }
    }

    private final class CustomerRun {
        private final CustomerId id;
        private final String tag;
        private final SplittableRandom random;
        private final Consumer<? super CustomerEvent> sink;
        private int sequence;

        CustomerRun(int index, SplittableRandom random, Consumer<? super CustomerEvent> sink) {
            this.tag = String.format("c%07d", index + 1);
            this.id = CustomerId.of(tag);
            this.random = random;
            this.sink = sink;
        }

        void run() {
            double spanDays = SPAN.toDays();
            double ratePerDay = gamma(random, 0.75, 1 / 40.0); // mean one order per ~53 days
            double dropout = beta(random, 0.8, 2.4);
            double day = random.nextDouble() * spanDays * 0.85;
            boolean alive = true;
            int orders = 0;
            while (day < spanDays) {
                Instant at = START.plus(Duration.ofMinutes((long) (day * 1440)));
                if (alive) {
                    placeOrder(at, ++orders);
                    alive = random.nextDouble() >= dropout;
                } else if (random.nextDouble() < 0.5) {
                    browse(at);
                }
                day += exponential(random, Math.max(ratePerDay, 1 / 400.0));
            }
        }

        private void placeOrder(Instant at, int number) {
            int lines = 1 + (random.nextDouble() < 0.35 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0);
            List<LineItem> items = new ArrayList<>();
            List<Integer> chosen = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                int p = product();
                if (!chosen.contains(p)) {
                    chosen.add(p);
                    items.add(LineItem.of(productId(p), 1 + (random.nextDouble() < 0.2 ? 1 : 0),
                            Money.ofMinor(unitPrices[p], USD)));
                }
            }
            int views = 1 + random.nextInt(5);
            for (int v = 0; v < views; v++) {
                int p = v < chosen.size() ? chosen.get(v) : product();
                emit(new ProductViewed(nextId("v"), id, at.minus(Duration.ofMinutes(5L * (views - v) + 1)),
                        productId(p)));
            }
            if (random.nextDouble() < 0.3) {
                emit(new CartUpdated(nextId("k"), id, at.minusSeconds(60), items));
            }
            OrderPlaced order = OrderPlaced.of(nextId("o"), id, at, OrderId.of(tag + "-" + number), items);
            emit(order);
            double r = random.nextDouble();
            if (r < 0.03) {
                emit(new OrderRefunded(nextId("r"), id, at.plus(Duration.ofDays(3 + random.nextInt(10))),
                        order.orderId(), order.total()));
            } else if (r < 0.05 && order.total().minorUnits() > 1) {
                emit(new OrderRefunded(nextId("r"), id, at.plus(Duration.ofDays(3 + random.nextInt(10))),
                        order.orderId(), Money.ofMinor(order.total().minorUnits() / 2, USD)));
            }
        }

        private void browse(Instant at) {
            int views = 1 + random.nextInt(4);
            int last = product();
            for (int v = 0; v < views; v++) {
                last = product();
                emit(new ProductViewed(nextId("v"), id, at.plus(Duration.ofMinutes(3L * v)), productId(last)));
            }
            if (random.nextDouble() < 0.15) {
                emit(new CartUpdated(nextId("k"), id, at.plus(Duration.ofMinutes(3L * views)),
                        List.of(LineItem.of(productId(last), 1, Money.ofMinor(unitPrices[last], USD)))));
            }
        }

        private void emit(CustomerEvent event) {
            if (event.occurredAt().isBefore(end())) {
                sink.accept(event);
            }
        }

        private String nextId(String kind) {
            return tag + "-" + kind + (++sequence);
        }

        private int product() {
            double u = random.nextDouble();
            int lo = 0;
            int hi = products - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (zipfCumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /**
     * The id of the generator's product {@code index}.
     *
     * @param index the product's index, from 0; lower indexes are more popular
     * @return the id, {@code p00001} for index 0
     */
    public static ProductId productId(int index) {
        return ProductId.of(String.format("p%05d", index + 1));
    }

    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static double exponential(SplittableRandom random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    /** Marsaglia and Tsang's method; for shape below 1 it boosts with u^(1/shape). */
    static double gamma(SplittableRandom random, double shape, double scale) {
        if (shape < 1) {
            return gamma(random, shape + 1, scale) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * scale;
            }
        }
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a, 1);
        double y = gamma(random, b, 1);
        return x / (x + y);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
