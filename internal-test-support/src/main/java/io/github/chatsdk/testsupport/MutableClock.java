package io.github.chatsdk.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The one clock of chatsdk's own tests (sdk-core's and the clients'): it stands still until a test
 * (or a {@link RecordingSleeper}) moves it. Thread-safe. The test kit's public {@code ManualClock}
 * is the same idea for users' tests of sandboxes; it cannot serve here, because the test kit's own
 * tests depend on the clients (a reactor cycle).
 */
public final class MutableClock extends Clock {
    /** Where a clock made with {@link #MutableClock()} starts: 2026-11-05T10:00:00Z. */
    public static final Instant START = Instant.parse("2026-11-05T10:00:00Z");

    private volatile Instant now;

    /**
     * @param start the first instant it reports
     */
    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start == null");
    }

    /** A clock at {@link #START}. */
    public MutableClock() {
        this(START);
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param d how far
     * @return the new instant
     */
    public synchronized Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }

    /**
     * Sets the clock.
     *
     * @param instant the new instant
     */
    public synchronized void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant == null");
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
