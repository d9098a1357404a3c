/** Segments, triggers, the campaign engine and loyalty programs. */
module dev.retention.rules {
    requires transitive dev.retention.core;
    requires com.google.common;
    requires org.slf4j;
    requires transitive com.fasterxml.jackson.databind; // UserConditionCodec works on ObjectNode

    exports dev.retention.rules.segment;
    exports dev.retention.rules.trigger;
    exports dev.retention.rules.campaign;
    exports dev.retention.rules.loyalty;
    exports dev.retention.rules.customer;
}
