package dev.retention.bench;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What workload 3 could cost at best on this machine: the running engine's replay (as
 * {@link EngineBenchmark} with {@code campaigns=running}) through an idealised store and engine in
 * which everything the four playbook campaigns read about a customer lies in one object, reached by
 * one map lookup and one lock: the events' times and kinds, the order columns, the id hashes, the
 * trigger inputs kept up to date on append (order count, net spend, last order, last view), the
 * consent and each campaign's entries. The same decisions as the engine's (the smoke test checks
 * who entered each campaign at the replay's start and how many entries the replay records on the
 * small shop), but not the library and not a design to ship: no {@code CustomerHistory}, fire log
 * entries, messages or sender; the playbook's rules written out for these four campaigns; a
 * reference to every event kept for the id check, so its memory is no guide.
 *
 * <pre>{@code
 * java -Xmx14g -cp retention-bench/target/benchmarks.jar dev.retention.bench.EngineFloor large 4
 * }</pre>
 *
 * Prints microseconds per replayed event for the store part alone and with the decisions, per
 * round (the first is warm-up). For RESULTS.md's analysis of what limits workload 3.
 */
final class EngineFloor {
    private static final long HOUR = 3_600_000_000_000L;
    private static final long DAY = 24 * HOUR;
    /** The ids of {@link EngineBenchmark#playbook()}'s campaigns, in its order. */
    static final List<String> CAMPAIGNS = List.of("abandoned-view", "loyalty-threshold", "rising-frequency", "win-back");
    private static final int ABANDONED_VIEW = 0;
    private static final int LOYALTY = 1;
    private static final int RISING = 2;
    private static final int WIN_BACK = 3;
    private static final int VIEW = 0;
    private static final int ORDER = 1;
    private static final int REFUND = 2;
    private static final int OTHER = 3;

    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Integer> products = new ConcurrentHashMap<>();

    /**
     * Everything about one customer. The event arrays are sorted by time; {@code kinds} holds the kind in
     * its low two bits and a viewed product's code above them.
     */
    private static final class Customer {
        boolean consent = true; // from the profile, in the library
        long[] times = new long[4];
        int[] kinds = new int[4];
        int[] idHashes = new int[4];
        CustomerEvent[] events = new CustomerEvent[4];
        int size;
        long[] orderTimes = new long[2];
        int[] orderFirstLine = new int[3];
        int orders;
        int[] lineProducts = new int[4];
        int lines;
        long netSpend;
        long lastOrder = Long.MIN_VALUE;
        long lastView = Long.MIN_VALUE;
        /** Bit k: campaign k sent the customer a message, at {@code sentAt[k]}. */
        int sent;
        final long[] sentAt = new long[CAMPAIGNS.size()];
        /** The episode of the last entry into each campaign. */
        final long[] episode = new long[CAMPAIGNS.size()];
        /** Bit k: seen not firing since the last entry into campaign k. */
        int seenOutside;
        /** Bit k: the customer has entered campaign k. */
        int entries;
    }

    /** Appends the event unless its customer has one with its id; returns whether it was added. */
    boolean append(CustomerEvent event) {
        Customer c = customers.get(event.customerId().value());
        if (c == null) {
            c = customers.computeIfAbsent(event.customerId().value(), id -> new Customer());
        }
        synchronized (c) {
            int hash = event.eventId().hashCode();
            for (int i = 0; i < c.size; i++) {
                if (c.idHashes[i] == hash && c.events[i].eventId().equals(event.eventId())) {
                    return false;
                }
            }
            long at = nanos(event.occurredAt());
            int kind;
            if (event instanceof ProductViewed view) {
                kind = intern(view.productId().value()) << 2 | VIEW;
                c.lastView = Math.max(c.lastView, at);
            } else if (event instanceof OrderPlaced order) {
                kind = ORDER;
                addOrder(c, at, order);
            } else if (event instanceof OrderRefunded refund) {
                kind = REFUND;
                c.netSpend -= refund.amount().minorUnits();
            } else {
                kind = OTHER;
            }
            if (c.size == c.times.length) {
                int capacity = c.size + (c.size >> 1) + 1;
                c.times = Arrays.copyOf(c.times, capacity);
                c.kinds = Arrays.copyOf(c.kinds, capacity);
                c.idHashes = Arrays.copyOf(c.idHashes, capacity);
                c.events = Arrays.copyOf(c.events, capacity);
            }
            int at0 = c.size;
            while (at0 > 0 && c.times[at0 - 1] > at) {
                at0--;
            }
            int tail = c.size - at0;
            System.arraycopy(c.times, at0, c.times, at0 + 1, tail);
            System.arraycopy(c.kinds, at0, c.kinds, at0 + 1, tail);
            System.arraycopy(c.idHashes, at0, c.idHashes, at0 + 1, tail);
            System.arraycopy(c.events, at0, c.events, at0 + 1, tail);
            c.times[at0] = at;
            c.kinds[at0] = kind;
            c.idHashes[at0] = hash;
            c.events[at0] = event;
            c.size++;
        }
        return true;
    }

    /**
     * Appends the order after the customer's others: the shop emits each customer's orders in time
     * order, so the floor does not insert (the smoke test's rising-frequency check would catch it).
     */
    private void addOrder(Customer c, long at, OrderPlaced order) {
        if (c.orders + 1 >= c.orderFirstLine.length) {
            c.orderTimes = Arrays.copyOf(c.orderTimes, c.orders * 2 + 2);
            c.orderFirstLine = Arrays.copyOf(c.orderFirstLine, c.orders * 2 + 3);
        }
        int first = c.lines;
        for (LineItem item : order.items()) {
            if (c.lines == c.lineProducts.length) {
                c.lineProducts = Arrays.copyOf(c.lineProducts, c.lines * 2);
            }
            c.lineProducts[c.lines++] = intern(item.productId().value());
        }
        c.orderTimes[c.orders] = at;
        c.orderFirstLine[c.orders] = first;
        c.orders++;
        c.orderFirstLine[c.orders] = c.lines;
        c.netSpend += order.total().minorUnits();
        c.lastOrder = Math.max(c.lastOrder, at);
    }

    private int intern(String product) {
        Integer code = products.get(product);
        return code != null ? code : products.computeIfAbsent(product, p -> products.size());
    }

    /** Evaluates the four campaigns for the customer at {@code now}; returns how many it entered. */
    int decide(String customer, long now) {
        Customer c = customers.get(customer);
        int entered = 0;
        synchronized (c) {
            for (int k = 0; k < CAMPAIGNS.size(); k++) {
                boolean once = k == LOYALTY || k == WIN_BACK;
                boolean inBefore = (c.entries & 1 << k) != 0;
                if (once && inBefore) {
                    continue;
                }
                boolean fires = switch (k) {
                    case ABANDONED_VIEW -> c.lastView >= now - DAY && c.lastView <= now - HOUR && !boughtViewed(c, now - DAY);
                    case LOYALTY -> c.orders >= 3 && c.netSpend > 30_000;
                    case RISING -> c.orders >= 3 && c.orders - lowerBound(c.orderTimes, c.orders, now - 60 * DAY) >= 3;
                    default -> c.orders >= 3 && now - c.lastOrder >= 90 * DAY;
                };
                if (!fires) {
                    if (inBefore) {
                        c.seenOutside |= 1 << k;
                    }
                    continue;
                }
                // the episode: each last view for the abandoned view, one for rising frequency
                long episode = k == ABANDONED_VIEW ? c.lastView : 0;
                if (inBefore && c.episode[k] == episode && (c.seenOutside & 1 << k) == 0) {
                    continue; // the same firing, decided already
                }
                c.entries |= 1 << k;
                c.episode[k] = episode;
                c.seenOutside &= ~(1 << k);
                entered++; // recorded as sent, or as suppressed within the cooldown (as the engine records it)
                long cooldown = (k == ABANDONED_VIEW ? 7 : 30) * DAY;
                if (c.consent && ((c.sent & 1 << k) == 0 || now - c.sentAt[k] >= cooldown)) {
                    c.sent |= 1 << k;
                    c.sentAt[k] = now;
                }
            }
        }
        return entered;
    }

    /** Whether an order at or after {@code from} holds a product viewed at or after {@code from}. */
    private static boolean boughtViewed(Customer c, long from) {
        for (int i = c.size - 1; i >= 0 && c.times[i] >= from; i--) {
            if ((c.kinds[i] & 3) != VIEW) {
                continue;
            }
            int product = c.kinds[i] >>> 2;
            for (int o = c.orders - 1; o >= 0 && c.orderTimes[o] >= from; o--) {
                for (int line = c.orderFirstLine[o]; line < c.orderFirstLine[o + 1]; line++) {
                    if (c.lineProducts[line] == product) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int lowerBound(long[] sorted, int size, long value) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The floor holding the benchmark's history, every customer evaluated once at the replay's start. */
    static EngineFloor running(EngineBenchmark benchmark) {
        EngineFloor floor = new EngineFloor();
        benchmark.history.forEach(floor::append);
        long start = nanos(benchmark.replay.get(0).occurredAt());
        floor.customers.keySet().forEach(customer -> floor.decide(customer, start));
        return floor;
    }

    /** The customers that have entered the campaign. */
    Set<String> entered(String campaign) {
        int k = CAMPAIGNS.indexOf(campaign);
        Set<String> out = new HashSet<>();
        customers.forEach((id, c) -> {
            if ((c.entries & 1 << k) != 0) {
                out.add(id);
            }
        });
        return out;
    }

    /** Replays the benchmark's replay; with {@code decide}, evaluates the event's customer after each event. */
    long replay(EngineBenchmark benchmark, boolean decide) {
        long decided = 0;
        for (CustomerEvent event : benchmark.replay) {
            append(event);
            if (decide) {
                decided += decide(event.customerId().value(), nanos(event.occurredAt()));
            }
        }
        return decided;
    }

    public static void main(String[] args) {
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.size = args.length > 0 ? args[0] : "small";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        benchmark.campaigns = "running";
        benchmark.split();
        for (int round = 0; round < rounds; round++) {
            for (boolean decide : new boolean[] {false, true}) {
                EngineFloor floor = running(benchmark);
                System.gc();
                long start = System.nanoTime();
                long decided = floor.replay(benchmark, decide);
                double micros = (System.nanoTime() - start) / 1e3 / benchmark.replayedEvents();
                System.out.printf(Locale.ROOT, "round %d, %s: %.3f us per event, %,d entries%n", round,
                        decide ? "store and decisions" : "store alone", micros, decided);
            }
        }
    }
}
