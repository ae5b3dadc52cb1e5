package io.github.chatsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.chatsdk.core.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-05T10:00:00Z");

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

    @Test
    void waitsNothingUntilAResponseSaysTheWindowIsExhausted() {
        MovingClock clock = new MovingClock();
        RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(60));
        assertEquals(Duration.ZERO, limiter.pendingWait());
        limiter.record(200, new RateLimit(100L, 5L, null));
        assertEquals(Duration.ZERO, limiter.pendingWait());
        limiter.record(200, null);
        assertEquals(Duration.ZERO, limiter.pendingWait());
    }

    @Test
    void exhaustedWindowWaitsForRetryAfterOrOneMinuteAndTheWaitShrinksAsTimePasses() {
        MovingClock clock = new MovingClock();
        RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(60));
        limiter.record(200, new RateLimit(100L, 0L, Duration.ofSeconds(7)));
        assertEquals(Duration.ofSeconds(7), limiter.pendingWait());
        clock.now = clock.now.plusSeconds(5);
        assertEquals(Duration.ofSeconds(2), limiter.pendingWait());
        clock.now = clock.now.plusSeconds(2);
        assertEquals(Duration.ZERO, limiter.pendingWait());

        limiter.record(200, new RateLimit(100L, 0L, null));
        assertEquals(Duration.ofSeconds(60), limiter.pendingWait());
    }

    @Test
    void a429WithRetryAfterHoldsLaterRequestsAndTheWaitIsCappedAtMaxRetryAfter() {
        MovingClock clock = new MovingClock();
        RateLimiter limiter = new RateLimiter(clock, Duration.ofSeconds(10));
        limiter.record(429, new RateLimit(null, null, Duration.ofSeconds(4)));
        assertEquals(Duration.ofSeconds(4), limiter.pendingWait());
        limiter.record(429, new RateLimit(null, null, Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(10), limiter.pendingWait());
        // a later response with requests left does not shorten a wait the server asked for
        limiter.record(200, new RateLimit(100L, 50L, null));
        assertEquals(Duration.ofSeconds(10), limiter.pendingWait());
    }
}
