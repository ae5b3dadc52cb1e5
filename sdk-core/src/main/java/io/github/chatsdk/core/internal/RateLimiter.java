package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The optional client-side limiter: once a response said that no request is left in the window
 * ({@code x-ratelimit-remaining: 0}) or a 429 asked to wait, later attempts of every thread wait
 * until then instead of being sent and refused. Shared by all calls of one client.
 */
final class RateLimiter {
    /** Brek's window is one minute; without a {@code Retry-After} the limiter waits one window. */
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private final Clock clock;
    private final Duration maxWait;
    private final AtomicReference<Instant> resumeAt = new AtomicReference<>();

    RateLimiter(Clock clock, Duration maxWait) {
        this.clock = clock;
        this.maxWait = maxWait;
    }

    /** How long the next attempt should wait, at most the configured {@code maxRetryAfter}. */
    Duration pendingWait() {
        Instant until = resumeAt.get();
        if (until == null) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(clock.instant(), until);
        if (d.isNegative() || d.isZero()) {
            return Duration.ZERO;
        }
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }

    /** Records what a response said about the rate limit. */
    void record(int status, RateLimit rateLimit) {
        if (rateLimit == null) {
            return;
        }
        Duration wait = null;
        if (rateLimit.exhausted()) {
            wait = rateLimit.retryAfter().orElse(DEFAULT_WINDOW);
        } else if (status == 429) {
            wait = rateLimit.retryAfter().orElse(null);
        }
        if (wait == null || wait.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(wait);
        resumeAt.accumulateAndGet(until, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }
}
