package dev.retention.bench;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.EventCsvWriter;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.testkit.SyntheticShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The benchmark data: the seeded synthetic shop of a size, as a generator, a store and a CSV file. */
public final class BenchShop {
    public static final long SEED = 20_261_124L;

    private final ShopSize size;
    private final SyntheticShop shop;

    public BenchShop(ShopSize size) {
        this.size = size;
        this.shop = SyntheticShop.of(size.customers(), SEED);
    }

    public ShopSize size() {
        return size;
    }

    /** The end of the generated history, the "now" of every workload. */
    public Instant now() {
        return shop.end();
    }

    public void generate(Consumer<? super CustomerEvent> sink) {
        shop.generate(sink);
    }

    public InMemoryEventStore loadStore() {
        InMemoryEventStore store = new InMemoryEventStore();
        shop.generate(store::append);
        store.trimToSize();
        return store;
    }

    /** The shop as a CSV event log, written once into {@code dir} and reused. */
    public Path csv(Path dir) {
        Path file = dir.resolve("shop-" + size.name().toLowerCase(java.util.Locale.ROOT) + "-" + SEED + ".csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "shop", ".csv.part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                List<CustomerEvent> chunk = new ArrayList<>();
                boolean[] header = {true};
                shop.generate(event -> {
                    chunk.add(event);
                    if (chunk.size() == 100_000) {
                        writeChunk(chunk, out, header);
                    }
                });
                writeChunk(chunk, out, header);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeChunk(List<CustomerEvent> chunk, Writer out, boolean[] header) {
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            EventCsvWriter.create().write(chunk, text);
            String csv = text.toString();
            out.write(header[0] ? csv : csv.substring(csv.indexOf('\n') + 1));
            header[0] = false;
            chunk.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
