/** Test kit: fixtures and a seeded generator of realistic shops. */
module dev.retention.testkit {
    requires transitive dev.retention.core;
    requires com.google.common;

    exports dev.retention.testkit;
}
