package dev.retention.rules.campaign;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's own sending threads, when the user gives it none: daemon threads (they never keep
 * the JVM alive), started when a send needs one and ended after a minute idle, and at most 64, so
 * senders that hang and ignore interrupts cannot take up threads without bound: past that, a send
 * fails for now and is retried.
 */
final class SendThreads {
    private static final int MAX_THREADS = 64;

    private SendThreads() {
    }

    static ExecutorService create() {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "retention-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }
}
