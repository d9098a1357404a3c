package dev.retention.jdbc;

import dev.retention.rules.campaign.FireLog;
import dev.retention.testkit.contract.FireLogContract;

/** FireLogContract, unchanged, against PostgreSQL: every test gets tables of its own. */
class PostgresFireLogContractTest extends FireLogContract {
    @Override
    protected FireLog newFireLog() {
        return Databases.newPostgresStore().fireLog();
    }
}
