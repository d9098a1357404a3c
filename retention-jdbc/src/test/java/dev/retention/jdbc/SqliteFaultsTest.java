package dev.retention.jdbc;

import java.nio.file.Path;
import org.sqlite.SQLiteDataSource;

/** Failures mid-call on SQLite: a connection closed inside a transaction rolls it back. */
class SqliteFaultsTest extends FaultsTestBase {
    @Override
    Tables newTables() {
        Path file = Databases.newSqlitePath();
        RetentionSchema.migrate(Databases.sqlite(file));
        SQLiteDataSource unpooled = new SQLiteDataSource();
        unpooled.setUrl("jdbc:sqlite:" + file);
        return new Tables(Databases.sqlite(file), RetentionSchema.DEFAULT_PREFIX, unpooled);
    }
}
