package dev.retention.jdbc;

import dev.retention.rules.campaign.FireLog;
import dev.retention.testkit.contract.FireLogContract;

/** FireLogContract, unchanged, against an SQLite file: every test gets tables of its own. */
class SqliteFireLogContractTest extends FireLogContract {
    @Override
    protected FireLog newFireLog() {
        return Databases.newSqliteStore().fireLog();
    }
}
