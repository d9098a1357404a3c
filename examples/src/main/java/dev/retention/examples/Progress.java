package dev.retention.examples;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress of a long command on stderr, so that stdout holds the result alone: one line a step,
 * {@code NAME: what (seconds since the start)}, and while a step runs a line every few seconds that
 * says it still does.
 */
final class Progress {
    private static final long HEARTBEAT_SECONDS = 5;

    private final PrintWriter err;
    private final String name;
    private final long start = System.nanoTime();

    Progress(PrintWriter err, String name) {
        this.err = err;
        this.name = name;
    }

    /** Says what happened, e.g. {@code read 69,659 events from FILE}. */
    void say(String format, Object... args) {
        err.printf(Locale.ROOT, "%s: %s (%.1f s)%n", name, String.format(Locale.ROOT, format, args), seconds());
        err.flush();
    }

    /** Runs a long step, saying when it starts, that it still runs every few seconds, and when it ends. */
    <T> T during(String step, Supplier<T> work) {
        say("%s", step);
        // a daemon thread, so a step that throws never keeps the JVM alive
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-progress");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> say("still %s", step), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        T result;
        try {
            result = work.get();
        } finally {
            stop(heartbeat);
        }
        say("%s: done", step);
        return result;
    }

    private static void stop(ScheduledExecutorService heartbeat) {
        heartbeat.shutdownNow();
        try {
            // a heartbeat line being printed now comes before the step's last line
            heartbeat.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
