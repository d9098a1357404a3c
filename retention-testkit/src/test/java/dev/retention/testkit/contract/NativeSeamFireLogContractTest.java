package dev.retention.testkit.contract;

import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.customer.CustomerStateStore;

/** The native in-memory seam's {@code fireLog} view passes the fire log contract, each test on a new seam. */
class NativeSeamFireLogContractTest extends FireLogContract {

    @Override
    protected FireLog newFireLog() {
        return CustomerStateStore.inMemory().fireLog();
    }
}
