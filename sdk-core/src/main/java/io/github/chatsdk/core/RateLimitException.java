package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: the rate limit is exhausted ({@code rate_limited}). {@link #rateLimit()} has the limit,
 * the remaining count and how long the server asked to wait.
 */
public final class RateLimitException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public RateLimitException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Rate limited") + meta.rateLimit().flatMap(RateLimit::retryAfter)
                .map(d -> "; the server asked to wait " + d.getSeconds() + " s").orElse(""), error, meta, idempotencyKey,
                null);
    }

    /**
     * The rate-limit state of the refusing response.
     *
     * @return the rate limit, or empty when the response had no rate-limit headers
     */
    public Optional<RateLimit> rateLimit() {
        return meta().rateLimit();
    }

    /**
     * How long the server asked to wait before the next request ({@code Retry-After}).
     *
     * @return the wait, or empty
     */
    public Optional<Duration> retryAfter() {
        return meta().rateLimit().flatMap(RateLimit::retryAfter);
    }
}
