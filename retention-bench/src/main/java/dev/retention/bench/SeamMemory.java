package dev.retention.bench;

import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.rules.customer.CustomerStateStore;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Workload 4 for both in-memory layouts in one JVM: the retained heap per stored event of the
 * shop's events in {@link InMemoryEventStore} and in the native seam's events view (one record per
 * customer), first as loaded (growth slack included), then after each store's {@code trimToSize}
 * (the figure of BenchMain's memory row, which trims {@code InMemoryEventStore}). The difference
 * between the two layouts is the record's own fields.
 *
 * <p>{@code java -Xmx5g -cp retention-bench/target/benchmarks.jar dev.retention.bench.SeamMemory medium}
 */
public final class SeamMemory {
    private SeamMemory() {}

    public static void main(String[] args) throws InterruptedException {
        BenchShop shop = new BenchShop(ShopSize.parse(args.length > 0 ? args[0] : "small"));
        for (String layout : new String[] {"separate", "native"}) {
            long before = usedHeapAfterGc();
            CustomerStateStore seam = layout.equals("native") ? CustomerStateStore.inMemory() : null;
            InMemoryEventStore separate = seam == null ? new InMemoryEventStore() : null;
            EventStore store = seam != null ? seam.events() : separate;
            shop.generate(store::append);
            long untrimmed = usedHeapAfterGc();
            if (seam != null) {
                seam.trimToSize();
            } else {
                separate.trimToSize();
            }
            long trimmed = usedHeapAfterGc();
            double events = store.eventCount();
            System.out.printf(Locale.ROOT, "%s: %,d events, %,d customers, %.2f B per event untrimmed, %.2f B trimmed%n",
                    layout, store.eventCount(), store.customerCount(), (untrimmed - before) / events,
                    (trimmed - before) / events);
            Reference.reachabilityFence(seam);
            Reference.reachabilityFence(separate);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
