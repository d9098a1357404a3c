/** Segments, triggers, campaigns and loyalty: the rules a shop runs over its customers' histories. */
module dev.retention.rules {
    requires transitive dev.retention.core;
    requires com.google.common;
    requires transitive com.fasterxml.jackson.databind; // UserConditionCodec works on ObjectNode

    exports dev.retention.rules.segment;
    exports dev.retention.rules.loyalty;
}
