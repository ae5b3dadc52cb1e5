package io.github.chatsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told, for sandboxes whose rate-limit windows, timestamps and ids
 * a test wants to control. Thread-safe.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-02-18T23:22:33.407Z"));
 * try (BrekSandbox brek = BrekSandbox.builder().clock(clock).rateLimitPerMinute(2).start()) {
 *     // ... two requests, the third gets 429 ...
 *     clock.advance(Duration.ofMinutes(1)); // a new window
 * }
 * }</pre>
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * A clock that stands at {@code start}, in UTC.
     *
     * @param start the initial instant
     */
    public ManualClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start == null")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration == null");
        return now.updateAndGet(i -> i.plus(duration));
    }

    /**
     * Sets the clock.
     *
     * @param instant the new instant
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant == null"));
    }

    /**
     * The zone, UTC unless derived with {@link #withZone(ZoneId)}.
     *
     * @return the zone
     */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view in another zone that shares this clock's instant (advancing one advances both).
     *
     * @param zone the zone
     * @return the view
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return new ManualClock(now, Objects.requireNonNull(zone, "zone == null"));
    }

    /**
     * The current instant.
     *
     * @return the instant
     */
    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + ", " + zone + "]";
    }
}
