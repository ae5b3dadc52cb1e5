package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rate-limit state a response reported: {@code x-ratelimit-limit},
 * {@code x-ratelimit-remaining} and {@code Retry-After}. Values the server did not send are empty.
 */
public final class RateLimit {
    private final Long limit;
    private final Long remaining;
    private final Duration retryAfter;

    /**
     * Creates a rate-limit value.
     *
     * @param limit requests allowed per window, or {@code null} when unknown
     * @param remaining requests left in the current window, or {@code null} when unknown
     * @param retryAfter how long the server asked to wait, or {@code null}
     */
    public RateLimit(@Nullable Long limit, @Nullable Long remaining, @Nullable Duration retryAfter) {
        this.limit = limit;
        this.remaining = remaining;
        this.retryAfter = retryAfter;
    }

    /**
     * Requests allowed per window ({@code x-ratelimit-limit}).
     *
     * @return the limit, or empty when the server did not say
     */
    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /**
     * Requests left in the current window ({@code x-ratelimit-remaining}).
     *
     * @return the remaining count, or empty when the server did not say
     */
    public OptionalLong remaining() {
        return remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining);
    }

    /**
     * How long the server asked the client to wait ({@code Retry-After}, seconds or HTTP date).
     *
     * @return the wait, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the server reported that no request is left in the current window.
     *
     * @return {@code true} when {@code remaining} is known and zero
     */
    public boolean exhausted() {
        return remaining != null && remaining <= 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof RateLimit)) {
            return false;
        }
        RateLimit other = (RateLimit) o;
        return Objects.equals(limit, other.limit) && Objects.equals(remaining, other.remaining)
                && Objects.equals(retryAfter, other.retryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, remaining, retryAfter);
    }

    @Override
    public String toString() {
        return "RateLimit{limit=" + limit + ", remaining=" + remaining + ", retryAfter=" + retryAfter + '}';
    }
}
