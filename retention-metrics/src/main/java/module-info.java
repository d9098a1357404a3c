/** Retention metrics: pure functions over an order log and a period. */
module dev.retention.metrics {
    requires transitive dev.retention.core;
    requires com.google.common;

    exports dev.retention.metrics;
}
