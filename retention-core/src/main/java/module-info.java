/** Domain model, storage and sender SPI, in-memory stores and CSV import of event logs. */
module dev.retention.core {
    requires com.google.common;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;

    exports dev.retention.core;
    exports dev.retention.core.event;
    exports dev.retention.core.profile;
    exports dev.retention.core.store;
    exports dev.retention.core.send;
    exports dev.retention.core.io;
    // internal: the columnar storage; opened to the library's own modules only
    exports dev.retention.core.internal to dev.retention.rules, dev.retention.metrics, dev.retention.jdbc;
}
