/**
 * Test kit: a virtual clock, fixtures, backtests, a seeded generator of realistic shops and the
 * contract suites every store implementation extends.
 */
module dev.retention.testkit {
    requires transitive dev.retention.core;
    requires transitive dev.retention.rules;
    requires transitive dev.retention.metrics;
    requires transitive org.assertj.core;
    requires transitive org.junit.jupiter.api; // the suites' tests
    requires transitive net.jqwik.api; // the suites' properties and their generators
    requires com.google.common;

    exports dev.retention.testkit;
    exports dev.retention.testkit.backtest;
    exports dev.retention.testkit.contract;
}
