package dev.retention.jdbc;

/** Failures mid-call on PostgreSQL: a closed connection aborts the server's transaction. */
class PostgresFaultsTest extends FaultsTestBase {
    @Override
    Tables newTables() {
        String prefix = Databases.freshPrefix();
        RetentionSchema.migrate(Databases.postgres(), prefix);
        return new Tables(Databases.postgres(), prefix, Databases.postgresUnpooled());
    }
}
