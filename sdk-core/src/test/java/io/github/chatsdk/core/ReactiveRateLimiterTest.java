package io.github.chatsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.github.chatsdk.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class ReactiveRateLimiterTest {
    private static final RateLimiter.Attempt ATTEMPT = new RateLimiter.Attempt() {
        @Override
        public String operation() {
            return "test.op";
        }

        @Override
        public int number() {
            return 1;
        }

        @Override
        public int refusals() {
            return 0;
        }
    };

    private static void record(RateLimiter limiter, int status, RateLimit rateLimit) {
        limiter.onResponse(new RateLimiter.Response() {
            @Override
            public String operation() {
                return "test.op";
            }

            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public Optional<RateLimit> rateLimit() {
                return Optional.ofNullable(rateLimit);
            }
        });
    }

    @Test
    void waitsNothingUntilAResponseSaysTheWindowIsExhausted() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = RateLimiter.reactive(clock, Duration.ofSeconds(60));
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));
        record(limiter, 200, new RateLimit(100L, 5L, null));
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));
        record(limiter, 200, null);
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));
    }

    @Test
    void exhaustedWindowWaitsForRetryAfterOrOneMinuteAndTheWaitShrinksAsTimePasses() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = RateLimiter.reactive(clock, Duration.ofSeconds(60));
        record(limiter, 200, new RateLimit(100L, 0L, Duration.ofSeconds(7)));
        assertEquals(Duration.ofSeconds(7), limiter.tryAcquire(ATTEMPT));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire(ATTEMPT));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));

        record(limiter, 200, new RateLimit(100L, 0L, null));
        assertEquals(Duration.ofSeconds(60), limiter.tryAcquire(ATTEMPT));
    }

    @Test
    void a429WithRetryAfterHoldsLaterRequestsAndALaterAnswerNeverShortensTheWait() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = RateLimiter.reactive(clock, Duration.ofSeconds(60));
        record(limiter, 429, new RateLimit(null, null, Duration.ofSeconds(4)));
        assertEquals(Duration.ofSeconds(4), limiter.tryAcquire(ATTEMPT));
        record(limiter, 429, new RateLimit(null, null, Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(120), limiter.tryAcquire(ATTEMPT), "the transport caps the wait, not the limiter");
        // a later response with requests left does not shorten a wait the server asked for
        record(limiter, 200, new RateLimit(100L, 50L, null));
        assertEquals(Duration.ofSeconds(120), limiter.tryAcquire(ATTEMPT));
    }
}
