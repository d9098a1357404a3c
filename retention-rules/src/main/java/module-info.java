/** Segments, triggers, campaigns and loyalty programs over the core event model. */
module dev.retention.rules {
    requires transitive dev.retention.core;
    requires com.google.common;

    exports dev.retention.rules.loyalty;
}
