package io.github.chatsdk.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test (or a {@link RecordingSleeper}) moves it. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * @param start the first instant it reports
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at 2026-11-05T10:00:00Z. */
    public MutableClock() {
        this(Instant.parse("2026-11-05T10:00:00Z"));
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
