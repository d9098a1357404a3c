/** Test kit: a virtual clock, fixtures, backtests and a seeded generator of realistic shops. */
module dev.retention.testkit {
    requires transitive dev.retention.core;
    requires transitive dev.retention.rules;
    requires transitive dev.retention.metrics;
    requires transitive org.assertj.core;
    requires com.google.common;

    exports dev.retention.testkit;
    exports dev.retention.testkit.backtest;
}
