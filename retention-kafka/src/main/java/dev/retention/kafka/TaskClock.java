package dev.retention.kafka;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The facade's clock inside a task: set by the task's thread to the instant of the record (or the
 * punctuation) it handles, so the library decides at stream time, the same on a replay. Only the
 * task's thread sets and reads it.
 */
final class TaskClock extends Clock {
    private Instant now = Instant.EPOCH;

    void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a task's clock is UTC");
    }
}
