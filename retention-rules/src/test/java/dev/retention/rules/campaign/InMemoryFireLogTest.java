package dev.retention.rules.campaign;

class InMemoryFireLogTest extends FireLogContract {

    @Override
    protected FireLog newFireLog() {
        return new InMemoryFireLog();
    }
}
