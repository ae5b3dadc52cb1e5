package io.github.chatsdk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides when an attempt may be sent, so that the requests of one or many clients stay within a
 * rate limit instead of being refused with HTTP 429. A client asks its limiter before every attempt
 * (retries included) and tells it what every response said about the limit.
 *
 * <p>The client does the waiting, never the limiter: {@link #tryAcquire(Attempt)} answers at once
 * with zero (the attempt may go, its permit is taken) or with how long to wait before asking again.
 * The client then waits with its {@link Sleeper} (a synchronous call blocks its thread, an
 * asynchronous one schedules the next question and blocks nothing) and asks again. The waits of one
 * attempt add up to at most the client's {@code maxRetryAfter} and the call's timeout; after that the
 * attempt is sent anyway and the server has the last word (a 429 becomes a {@link RateLimitException}
 * or a retry). Cancelling an asynchronous call ends its wait. An exception thrown by the limiter fails
 * the call before the attempt is sent.
 *
 * <p>Implementations must be thread-safe; one limiter serves every call of a client and of the
 * clients derived from it with {@code withOptions}. Built in: {@link #none()} (the default: never
 * waits) and {@link #reactive(Clock, Duration)} (what {@code waitWhenRateLimited(true)} turns on).
 * The {@code chatsdk-ratelimit-bucket4j} module shares one budget among many processes.
 *
 * <pre>{@code
 * RateLimiter limiter = ...;   // for example Bucket4jRateLimiter, or your own
 * BrekClient brek = BrekClient.builder().apiKey(key).rateLimiter(limiter).build();
 * }</pre>
 */
public interface RateLimiter {
    /**
     * Asks for a permit to send one attempt now.
     *
     * @param attempt the attempt that wants to go
     * @return {@link Duration#ZERO} when the attempt may be sent now (its permit is taken), else how
     *     long to wait before asking again
     * @throws RuntimeException to fail the call without sending the attempt (for example when the
     *     limiter's store is unreachable and the limiter is configured to fail closed)
     */
    Duration tryAcquire(Attempt attempt);

    /**
     * The asynchronous form of {@link #tryAcquire(Attempt)}, used by asynchronous calls. The default
     * calls {@link #tryAcquire(Attempt)} on the calling thread; a limiter whose answer needs I/O (a
     * remote store) should override it so that no thread blocks on that I/O.
     *
     * @param attempt the attempt that wants to go
     * @return the future of the answer: zero to send now, else how long to wait before asking again;
     *     completed exceptionally to fail the call without sending
     */
    default CompletionStage<Duration> tryAcquireAsync(Attempt attempt) {
        try {
            return CompletableFuture.completedFuture(tryAcquire(attempt));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * What a response said about the rate limit: called for every response, successful or not,
     * before the client decides what to do with it. The default does nothing.
     *
     * @param response the status and the rate-limit headers of one response
     */
    default void onResponse(Response response) {
    }

    /**
     * The limiter that never waits: every attempt goes at once. The default of every client.
     *
     * @return the limiter
     */
    static RateLimiter none() {
        return RateLimiters.NONE;
    }

    /**
     * The limiter that reacts to what the server says: once a response reports that no request is
     * left in the window ({@code x-ratelimit-remaining: 0}), or a 429 asks to wait
     * ({@code Retry-After}), every later attempt waits until then instead of being sent and refused.
     * What the builders' {@code waitWhenRateLimited(true)} installs.
     *
     * @param clock the clock the waits are computed with
     * @param window how long to wait after {@code x-ratelimit-remaining: 0} when the response gives
     *     no {@code Retry-After}: the API's rate-limit window
     * @return a new limiter, with its own state
     */
    static RateLimiter reactive(Clock clock, Duration window) {
        return new RateLimiters.Reactive(Objects.requireNonNull(clock, "clock == null"),
                Objects.requireNonNull(window, "window == null"));
    }

    /** The attempt a permit is asked for. */
    interface Attempt {
        /**
         * The operation, such as {@code brek.events.send}.
         *
         * @return the operation name
         */
        String operation();

        /**
         * The attempt's number within its call: 1 for the first, 2 for the first retry.
         *
         * @return the attempt number
         */
        int number();

        /**
         * How many times a permit was already asked for this attempt and refused with a wait.
         *
         * @return 0 on the first question
         */
        int refusals();
    }

    /** What one response said about the rate limit. */
    interface Response {
        /**
         * The operation, such as {@code brek.events.send}.
         *
         * @return the operation name
         */
        String operation();

        /**
         * The HTTP status; 429 means the server refused the request because of the limit.
         *
         * @return the status
         */
        int statusCode();

        /**
         * The rate-limit headers of the response.
         *
         * @return {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code Retry-After}, or
         *     empty when the response had none of them
         */
        Optional<RateLimit> rateLimit();

        /**
         * When the attempt this response answers was sent, by the client's clock: a limiter that
         * counts in fixed windows can tell a report about the window that has just ended (an attempt
         * sent before the boundary, answered after it) from one about the current window. The
         * default is empty, for responses made up outside a client.
         *
         * @return the moment the attempt was handed to the network, or empty when unknown
         */
        default Optional<Instant> sentAt() {
            return Optional.empty();
        }
    }
}
