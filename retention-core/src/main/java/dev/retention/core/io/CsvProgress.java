package dev.retention.core.io;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Hears how far an import of a file has got, for a progress bar. Called after each block read, one
 * call at a time but not always on the importing thread (a large file is read on all cores), with
 * {@code read} growing; must be quick.
 */
@FunctionalInterface
public interface CsvProgress {

    /**
     * Part of the file is read.
     *
     * @param read bytes read so far, growing from call to call
     * @param total the file's size in bytes
     */
    void bytesRead(long read, long total);

    /** The file is read (called once, also after an error). */
    default void finished() {}

    /**
     * A listener that hears nothing, the readers' default.
     *
     * @return a listener that does nothing
     */
    static CsvProgress none() {
        return (read, total) -> { };
    }

    /**
     * A text bar on {@code err} ({@code [#####.....] 48%  120 of 250 MB}) that appears only once an
     * import has taken two seconds, so small files stay quiet, and is redrawn at most four times a
     * second.
     *
     * @param err where the bar is drawn, on one line redrawn with {@code \r}
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @return a listener drawing the bar; it ends the bar's line when the file is read
     */
    static CsvProgress bar(PrintStream err, LongSupplier nanoTime) {
        requireNonNull(err, "err");
        requireNonNull(nanoTime, "nanoTime");
        long start = nanoTime.getAsLong();
        return new CsvProgress() {
            private long lastDrawn = Long.MIN_VALUE;
            private boolean drawn;

            @Override
            public void bytesRead(long read, long total) {
                long now = nanoTime.getAsLong();
                if (now - start < TimeUnit.SECONDS.toNanos(2) || total <= 0
                        || (drawn && now - lastDrawn < TimeUnit.MILLISECONDS.toNanos(250))) {
                    return;
                }
                int percent = (int) Math.min(100, read * 100 / total);
                String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
                err.printf("\r[%s] %3d%%  %,d of %,d MB", bar, percent, read >> 20, total >> 20);
                err.flush();
                drawn = true;
                lastDrawn = now;
            }

            @Override
            public void finished() {
                if (drawn) {
                    err.println();
                }
            }
        };
    }
}
