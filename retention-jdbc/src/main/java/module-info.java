/**
 * Durable state over JDBC: the per-customer seam and the four stores over PostgreSQL or an
 * embedded SQLite file, and the versioned schema scripts.
 */
module dev.retention.jdbc {
    requires transitive dev.retention.rules;
    requires transitive java.sql;
    requires com.google.common;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    // the drivers are the user's choice; PostgreSQL's is compiled against for COPY
    requires static org.postgresql.jdbc;

    exports dev.retention.jdbc;
}
