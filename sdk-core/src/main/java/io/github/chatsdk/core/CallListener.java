package io.github.chatsdk.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentMap;

/**
 * Observes the calls of a client: each logical call (one operation, such as
 * {@code brek.events.send}) and each HTTP attempt inside it, with the retry decisions in between.
 * What a dashboard, a tracer or an audit log needs: that three attempts were one booking, the
 * idempotency key they shared, why the client waited 1.2 s before the second, and how much of the
 * rate limit is left. The {@code chatsdk-opentelemetry} module turns these events into spans and
 * metrics.
 *
 * <p>For every call, in this order, on the thread that runs the call at that moment:
 * {@link #callStarted}; then for each attempt {@link #attemptStarted} and {@link #attemptEnded},
 * with {@link #retryScheduled} between two attempts; last {@link #callEnded}, exactly once, whatever
 * the outcome (an asynchronous call that is cancelled ends with a
 * {@link java.util.concurrent.CancellationException}). Synchronous and asynchronous calls report
 * the same events.
 *
 * <p>A listener is called synchronously and must return quickly. An exception it throws never
 * breaks or changes the call: it is logged once per listener (logger {@value LogLevel#LOGGER_NAME},
 * level WARNING) and ignored. No credential ever reaches a listener: URLs carry none, and no request
 * header is shown to it.
 *
 * <pre>{@code
 * CallListener slowCalls = new CallListener() {
 *     @Override public void callEnded(Call call, CallEnd end) {
 *         if (end.duration().toMillis() > 2000) {
 *             System.err.println(call.operation() + " took " + end.duration() + " in " + end.attempts() + " attempts");
 *         }
 *     }
 * };
 * BrekClient brek = BrekClient.builder().apiKey(key).addListener(slowCalls).build();
 * }</pre>
 */
public interface CallListener {
    /**
     * A logical call starts, before its first attempt (and before any wait for a rate-limit permit).
     *
     * @param call the call
     */
    default void callStarted(Call call) {
    }

    /**
     * An attempt is about to be sent. A tracer may add a propagation header to it with
     * {@link AttemptStart#header(String, String)}.
     *
     * @param call the call
     * @param attempt the attempt
     */
    default void attemptStarted(Call call, AttemptStart attempt) {
    }

    /**
     * An attempt ended: with a response (any status), or with a failure and no response.
     *
     * @param call the call
     * @param attempt how the attempt ended
     */
    default void attemptEnded(Call call, AttemptEnd attempt) {
    }

    /**
     * The client decided to send another attempt after the one that just ended, after a delay.
     *
     * @param call the call
     * @param retry why, and after how long
     */
    default void retryScheduled(Call call, Retry retry) {
    }

    /**
     * The call ended: with its result, or with the exception the caller receives.
     *
     * @param call the call
     * @param end how it ended
     */
    default void callEnded(Call call, CallEnd end) {
    }

    /** One logical call: the same object in every event of the call. */
    interface Call {
        /**
         * A number that tells this call apart from the client's other calls.
         *
         * @return the call's id, unique within the process
         */
        long id();

        /**
         * The operation: {@code brek.sessions.create}, {@code brek.sessions.get},
         * {@code brek.events.send}, {@code helvia.messages.send} or {@code helvia.health.check}.
         *
         * @return the operation name
         */
        String operation();

        /**
         * The HTTP method of every attempt.
         *
         * @return the method, such as {@code POST}
         */
        String method();

        /**
         * The URL of every attempt; it never carries a credential.
         *
         * @return the full URL
         */
        String url();

        /**
         * The idempotency key the request carries: the same on every attempt.
         *
         * @return the key, or empty when the request has none
         */
        Optional<String> idempotencyKey();

        /**
         * Whether the call was made through the client's {@code async()} view.
         *
         * @return {@code true} for an asynchronous call
         */
        boolean async();

        /**
         * When the call started, by the client's clock.
         *
         * @return the start
         */
        Instant startedAt();

        /**
         * Per-call state for listeners, such as a span: put it in {@link #callStarted} and read it in
         * later events. Each listener should use its own keys. Cleared when the call ends.
         *
         * @return the call's attributes, thread-safe
         */
        ConcurrentMap<Object, Object> attributes();
    }

    /** An attempt that is about to be sent. */
    interface AttemptStart {
        /**
         * The attempt's number: 1 for the first, 2 for the first retry.
         *
         * @return the number
         */
        int number();

        /**
         * How long this attempt waited for the client's {@link RateLimiter} before it was sent.
         *
         * @return the wait, zero when there was none
         */
        Duration permitWait();

        /**
         * Adds a header to this attempt only, such as W3C {@code traceparent}. Credential headers and
         * the headers the client manages are refused.
         *
         * @param name the header name
         * @param value the value
         * @throws InvalidInputException when the header may not be set this way
         */
        void header(String name, String value);
    }

    /** How one attempt ended. */
    interface AttemptEnd {
        /**
         * The attempt's number: 1 for the first.
         *
         * @return the number
         */
        int number();

        /**
         * The HTTP status of the response.
         *
         * @return the status, or empty when the attempt got no response
         */
        OptionalInt statusCode();

        /**
         * Why the attempt got no response (refused connection, reset, timeout, cancellation), or why
         * its response body could not be read.
         *
         * @return the I/O failure, or empty
         */
        Optional<Throwable> failure();

        /**
         * Whether the request may have reached the server. {@code false} only when it certainly did
         * not: the connection was refused, the pooled connection had been closed by the server
         * before the request was written, or the server refused the HTTP/2 stream unprocessed.
         *
         * @return {@code true} when the server may have processed the request
         */
        boolean mayHaveBeenDelivered();

        /**
         * How long the attempt took, from sending to the end of reading the response.
         *
         * @return the duration
         */
        Duration duration();

        /**
         * The response's request id ({@code x-request-id}).
         *
         * @return the id, or empty
         */
        Optional<String> requestId();

        /**
         * The rate-limit headers of the response.
         *
         * @return the rate limit, or empty when the response had none (or there was no response)
         */
        Optional<RateLimit> rateLimit();
    }

    /** The decision to send another attempt. */
    interface Retry {
        /**
         * The number of the attempt that will be sent.
         *
         * @return 2 or more
         */
        int nextAttempt();

        /**
         * How long the client waits before sending it: {@code Retry-After}, the backoff, or zero for
         * a request that was never delivered.
         *
         * @return the delay
         */
        Duration delay();

        /**
         * Why the call is retried.
         *
         * @return the reason
         */
        RetryReason reason();
    }

    /** Why a call is retried. */
    enum RetryReason {
        /** HTTP 429: the server refused the request before processing it. */
        RATE_LIMITED,
        /** HTTP 500, 502, 503 or 504. */
        SERVER_ERROR,
        /** HTTP 408. */
        REQUEST_TIMEOUT,
        /**
         * The request certainly never reached the server: the connection was refused or could not be
         * opened, a pooled connection had been closed by the server while idle, or an HTTP/2 stream
         * was refused unprocessed ({@code REFUSED_STREAM}, or left out by a {@code GOAWAY}).
         */
        NOT_DELIVERED,
        /** The connection broke after the request may have reached the server (retry-safe calls only). */
        CONNECTION_FAILED,
        /** No response in time after the request may have reached the server (retry-safe calls only). */
        TIMEOUT
    }

    /** How a call ended. */
    interface CallEnd {
        /**
         * Whether the call returned a result.
         *
         * @return {@code true} on success
         */
        boolean succeeded();

        /**
         * The exception the caller receives: a {@link ChatSdkException}, or a
         * {@link java.util.concurrent.CancellationException} for a cancelled asynchronous call.
         *
         * @return the failure, or empty on success
         */
        Optional<Throwable> failure();

        /**
         * How many attempts were sent.
         *
         * @return 0 when the call failed before any
         */
        int attempts();

        /**
         * The HTTP status of the last response.
         *
         * @return the status, or empty when the last attempt got no response
         */
        OptionalInt statusCode();

        /**
         * How long the call took, waits included.
         *
         * @return the duration
         */
        Duration duration();
    }
}
