package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.CallListener.RetryReason;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a call is sent again, and after how long. One policy for every operation of every client:
 *
 * <ul>
 *   <li>statuses 408, 500, 502, 503 and 504 are retried when the operation is retry-safe (GETs,
 *       writes that carry an idempotency key);</li>
 *   <li>429 is retried for every operation: a rate-limited request was refused before it was
 *       processed (RFC 6585; Brek's gateway answers before the request reaches the agent);</li>
 *   <li>a request that certainly never reached the server is resent for every operation (see
 *       {@link Failures}); one lost to a stale pooled connection at once and without spending a
 *       retry (at most {@value #MAX_STALE_RESENDS} per call: each one closes a dead connection of
 *       the pool, which is finite), one refused as an HTTP/2 stream at once and without spending a
 *       retry (at most {@value #MAX_UNDELIVERED_RESENDS} per call), then after the backoff, spending
 *       retries; a connect failure after the backoff;</li>
 *   <li>any other I/O failure is retried only when the operation is retry-safe;</li>
 *   <li>the delay is the response's {@code Retry-After} (seconds or HTTP date) when it has one, else
 *       exponential backoff from 0.5 s, doubling, capped at 8 s, with jitter in [50%, 100%]; a
 *       {@code Retry-After} above {@code maxRetryAfter} is not waited for: the call fails at once
 *       and the exception says how long the server asked to wait.</li>
 * </ul>
 */
final class RetryPolicy {
    /** Resends of refused HTTP/2 streams a call may make at once, beyond its retries. */
    static final int MAX_UNDELIVERED_RESENDS = 3;
    /**
     * Resends after stale pooled connections a call may make at once, beyond its retries. Each one
     * found a dead connection and closed it, so they end when the pool holds no more dead ones;
     * the bound is a safeguard only.
     */
    static final int MAX_STALE_RESENDS = 32;
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(8);

    private final Duration maxRetryAfter;
    private final DoubleSupplier jitter;

    RetryPolicy(Duration maxRetryAfter) {
        this(maxRetryAfter, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(Duration maxRetryAfter, DoubleSupplier jitter) {
        this.maxRetryAfter = maxRetryAfter;
        this.jitter = jitter;
    }

    Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** What to do after an attempt: stop, or send attempt {@code next} after {@code delay}. */
    static final class Decision {
        static final Decision STOP = new Decision(null, null, false, null, false);
        final Duration delay;
        final RetryReason reason;
        /** Whether the retry is a free resend of a never-delivered request (no retry is spent). */
        final boolean free;
        /** Whether the free resend follows a stale pooled connection (else a refused stream). */
        final boolean stale;
        /** Why the call stops although it could have been retried, for the log; {@code null} otherwise. */
        final String note;

        private Decision(Duration delay, RetryReason reason, boolean free, String note, boolean stale) {
            this.delay = delay;
            this.reason = reason;
            this.free = free;
            this.note = note;
            this.stale = stale;
        }

        Decision(Duration delay, RetryReason reason, boolean free, String note) {
            this(delay, reason, free, note, false);
        }

        boolean retry() {
            return delay != null;
        }
    }

    /**
     * After a response with status {@code code}.
     *
     * @param retriesLeft whether the call has a retry left
     * @param retryAfter the response's {@code Retry-After}, or {@code null}
     * @param retry the number of the retry this would be (1 for the first)
     */
    Decision afterStatus(int code, boolean retrySafe, boolean retriesLeft, Duration retryAfter, int retry) {
        RetryReason reason = reasonOf(code);
        if (reason == null || !retriesLeft || (!retrySafe && reason != RetryReason.RATE_LIMITED)) {
            return Decision.STOP;
        }
        if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0) {
            return new Decision(null, null, false, "not retrying: Retry-After " + retryAfter.getSeconds()
                    + " s is longer than maxRetryAfter " + maxRetryAfter.getSeconds() + " s");
        }
        return new Decision(retryAfter != null ? retryAfter : backoff(retry), reason, false, null);
    }

    /**
     * After a failure without a response.
     *
     * @param freeResendsLeft whether a never-delivered request may still be resent without spending a
     *     retry (the budget of the failure's kind: stale connection or refused stream)
     */
    Decision afterFailure(Failures.Failure f, boolean retrySafe, boolean retriesLeft, boolean freeResendsLeft,
            int retry) {
        switch (f.resend) {
            case AT_ONCE_STALE:
            case AT_ONCE_ANY:
                if (freeResendsLeft) {
                    boolean stale = f.resend == Failures.Resend.AT_ONCE_STALE;
                    return new Decision(Duration.ZERO, f.reason, true, null, stale);
                }
                return retriesLeft ? new Decision(backoff(retry), f.reason, false, null) : Decision.STOP;
            case BACKOFF_ANY:
                return retriesLeft ? new Decision(backoff(retry), f.reason, false, null) : Decision.STOP;
            case BACKOFF_IF_SAFE:
                return retriesLeft && retrySafe ? new Decision(backoff(retry), f.reason, false, null) : Decision.STOP;
            default:
                return Decision.STOP;
        }
    }

    /** After a 2xx whose body broke off: the request was processed; only a retry-safe call may be sent again. */
    Decision afterBrokenBody(boolean retrySafe, boolean retriesLeft, boolean timeout, int retry) {
        return retrySafe && retriesLeft
                ? new Decision(backoff(retry), timeout ? RetryReason.TIMEOUT : RetryReason.CONNECTION_FAILED, false, null)
                : Decision.STOP;
    }

    /** The retry reason of a status, or {@code null} when the status is not retried. */
    static RetryReason reasonOf(int code) {
        switch (code) {
            case 408:
                return RetryReason.REQUEST_TIMEOUT;
            case 429:
                return RetryReason.RATE_LIMITED;
            case 500:
            case 502:
            case 503:
            case 504:
                return RetryReason.SERVER_ERROR;
            default:
                return null;
        }
    }

    /** Delay before retry number {@code retry} (1-based): exponential, capped, with jitter in [50%, 100%]. */
    Duration backoff(int retry) {
        long base = BASE_DELAY.toMillis();
        long cap = MAX_DELAY.toMillis();
        long exp = retry >= 31 ? cap : Math.min(cap, base << (retry - 1));
        double factor = 0.5 + 0.5 * jitter.getAsDouble();
        return Duration.ofMillis((long) (exp * factor));
    }
}
