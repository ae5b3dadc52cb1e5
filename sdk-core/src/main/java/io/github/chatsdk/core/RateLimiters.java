package io.github.chatsdk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The built-in {@link RateLimiter}s. */
final class RateLimiters {
    /** {@link RateLimiter#none()}. */
    static final RateLimiter NONE = new RateLimiter() {
        @Override
        public Duration tryAcquire(Attempt attempt) {
            return Duration.ZERO;
        }

        @Override
        public String toString() {
            return "RateLimiter.none()";
        }
    };

    private RateLimiters() {
    }

    /**
     * {@link RateLimiter#reactive(Clock, Duration)}: holds every attempt of every thread until the
     * moment the last exhausted window or 429 named.
     */
    static final class Reactive implements RateLimiter {
        private final Clock clock;
        private final Duration window;
        private final AtomicReference<Instant> resumeAt = new AtomicReference<>();

        Reactive(Clock clock, Duration window) {
            this.clock = clock;
            this.window = window;
        }

        @Override
        public Duration tryAcquire(Attempt attempt) {
            Instant until = resumeAt.get();
            if (until == null) {
                return Duration.ZERO;
            }
            Duration d = Duration.between(clock.instant(), until);
            return d.isNegative() ? Duration.ZERO : d;
        }

        @Override
        public void onResponse(Response response) {
            RateLimit rateLimit = response.rateLimit().orElse(null);
            if (rateLimit == null) {
                return;
            }
            Duration wait = null;
            if (rateLimit.exhausted()) {
                wait = rateLimit.retryAfter().orElse(window);
            } else if (response.statusCode() == 429) {
                wait = rateLimit.retryAfter().orElse(null);
            }
            if (wait == null || wait.isZero() || wait.isNegative()) {
                return;
            }
            Instant until = clock.instant().plus(wait);
            resumeAt.accumulateAndGet(until, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }

        @Override
        public String toString() {
            return "RateLimiter.reactive(window=" + window + ")";
        }
    }
}
