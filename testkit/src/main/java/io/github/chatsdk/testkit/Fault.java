package io.github.chatsdk.testkit;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One injected misbehaviour of a sandbox, applied to one request. Queue faults with
 * {@link Faults#next(Fault, int)} or the shortcuts on {@link Faults}. Immutable.
 *
 * <pre>{@code
 * sandbox.faults().next(Fault.status(503).retryAfter(Duration.ofSeconds(1)), 2);
 * sandbox.faults().next(Fault.disconnect().delayed(Duration.ofMillis(200)), 1);
 * }</pre>
 */
public final class Fault {
    /** What the sandbox does with a request that meets this fault. */
    public enum Kind {
        /** Answer the given status with an error body in the API's shape; the request is not processed. */
        STATUS,
        /** Read the whole request, then close the connection without a response; not processed. */
        DISCONNECT,
        /**
         * Process the request (state changes, a Brek event is recorded), then close the connection
         * without a response: the client cannot know the outcome, as when a response is lost.
         */
        DISCONNECT_AFTER_PROCESSING,
        /** Process the request normally, only later: the delay is the point. */
        DELAY
    }

    private final Kind kind;
    private final int status;
    private final Duration delay;
    private final Duration retryAfter;

    private Fault(Kind kind, int status, Duration delay, Duration retryAfter) {
        this.kind = kind;
        this.status = status;
        this.delay = delay;
        this.retryAfter = retryAfter;
    }

    /**
     * Answer with this status and an error body in the API's shape (Brek: {@code GatewayErrorResponse}
     * with a code such as {@code service_unavailable}, or for 500 the {@code ValidationErrorResponse}
     * shape that the spec's {@code oneOf} accepts unambiguously; Helvia: {@code ErrorResponse}). The
     * request is recorded but not processed.
     *
     * @param status an HTTP status from 400 to 599
     * @return the fault
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599: " + status);
        }
        return new Fault(Kind.STATUS, status, Duration.ZERO, null);
    }

    /**
     * Read the whole request, then close the connection without sending a byte. The client sees an
     * I/O error (OkHttp: "unexpected end of stream"). The request is recorded but not processed.
     *
     * @return the fault
     */
    public static Fault disconnect() {
        return new Fault(Kind.DISCONNECT, 0, Duration.ZERO, null);
    }

    /**
     * Process the request, then close the connection without sending the response: the request
     * took effect but the client does not know it. Use it to test that a retry with the same
     * idempotency key does not book twice.
     *
     * @return the fault
     */
    public static Fault disconnectAfterProcessing() {
        return new Fault(Kind.DISCONNECT_AFTER_PROCESSING, 0, Duration.ZERO, null);
    }

    /**
     * Process the request normally after waiting: a slow server. A client whose read timeout is
     * shorter gives up first; the sandbox still processes the request when the delay is over.
     *
     * @param delay how long to wait before processing; not negative
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, checkDelay(delay), null);
    }

    /**
     * This fault, applied only after waiting (for example a slow 503).
     *
     * @param delay how long to wait first; not negative
     * @return a copy with the delay
     */
    public Fault delayed(Duration delay) {
        return new Fault(kind, status, checkDelay(delay), retryAfter);
    }

    /**
     * Adds a {@code Retry-After} header (whole seconds, rounded up) to a {@link #status(int)} fault.
     *
     * @param retryAfter the time to announce; not negative
     * @return a copy with the header
     * @throws IllegalStateException when this is not a status fault
     */
    public Fault retryAfter(Duration retryAfter) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("retryAfter applies to status faults only");
        }
        Objects.requireNonNull(retryAfter, "retryAfter == null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
        }
        return new Fault(kind, status, delay, retryAfter);
    }

    private static Duration checkDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay == null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay < 0: " + delay);
        }
        return delay;
    }

    /**
     * What the sandbox does.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The status a {@link Kind#STATUS} fault answers.
     *
     * @return the status, or 0 for other kinds
     */
    public int status() {
        return status;
    }

    /**
     * How long the sandbox waits before applying the fault.
     *
     * @return the delay, {@link Duration#ZERO} when none
     */
    public Duration delay() {
        return delay;
    }

    /**
     * The {@code Retry-After} a status fault announces.
     *
     * @return the duration, if set
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the request is processed (for {@link Kind#DELAY} and {@link Kind#DISCONNECT_AFTER_PROCESSING}).
     *
     * @return {@code true} when the request takes effect
     */
    public boolean processesRequest() {
        return kind == Kind.DELAY || kind == Kind.DISCONNECT_AFTER_PROCESSING;
    }

    /**
     * Whether a response reaches the client.
     *
     * @return {@code false} for the disconnect kinds
     */
    public boolean sendsResponse() {
        return kind == Kind.STATUS || kind == Kind.DELAY;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof Fault)) {
            return false;
        }
        Fault f = (Fault) o;
        return f.kind == kind && f.status == status && f.delay.equals(delay) && Objects.equals(f.retryAfter, retryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, delay, retryAfter);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Fault{").append(kind);
        if (kind == Kind.STATUS) {
            sb.append(' ').append(status);
        }
        if (!delay.isZero()) {
            sb.append(", delay=").append(delay);
        }
        if (retryAfter != null) {
            sb.append(", retryAfter=").append(retryAfter);
        }
        return sb.append('}').toString();
    }
}
