package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/** Reads {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code Retry-After} (seconds or HTTP date). */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    /** The rate limit a response reports, or {@code null} when it has none of the three headers. */
    static RateLimit of(Headers h, Clock clock) {
        Long limit = parseLong(h.get("x-ratelimit-limit"));
        Long remaining = parseLong(h.get("x-ratelimit-remaining"));
        Duration retryAfter = retryAfter(h.get("Retry-After"), clock);
        if (limit == null && remaining == null && retryAfter == null) {
            return null;
        }
        return new RateLimit(limit, remaining, retryAfter);
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code Retry-After} as a wait: seconds, or an HTTP date (zero when it has passed); {@code null} when absent or unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), when);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
