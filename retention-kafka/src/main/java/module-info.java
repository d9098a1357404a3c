/**
 * Kafka Streams topology for the retention library: the same campaigns, segments and loyalty
 * program, keyed by customer across partitions and machines.
 */
module dev.retention.kafka {
    requires transitive dev.retention.core;
    requires transitive dev.retention.rules;
    requires transitive kafka.streams;
    requires transitive kafka.clients;
    requires com.google.common;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.retention.kafka;
}
