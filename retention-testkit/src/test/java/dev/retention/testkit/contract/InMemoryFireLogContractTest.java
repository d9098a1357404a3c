package dev.retention.testkit.contract;

import dev.retention.rules.campaign.*;
class InMemoryFireLogContractTest extends FireLogContract {

    @Override
    protected FireLog newFireLog() {
        return new InMemoryFireLog();
    }
}
