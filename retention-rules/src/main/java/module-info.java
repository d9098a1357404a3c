/** Segments, triggers, the campaign engine and loyalty programs. */
module dev.retention.rules {
    requires transitive dev.retention.core;
    requires com.google.common;
    requires org.slf4j;

    exports dev.retention.rules.trigger;
    exports dev.retention.rules.campaign;
}
