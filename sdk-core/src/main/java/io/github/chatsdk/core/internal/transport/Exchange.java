package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.CallListener;
import io.github.chatsdk.core.CallListener.RetryReason;
import io.github.chatsdk.core.RateLimiter;
import io.github.chatsdk.core.internal.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;

/**
 * One logical call across its attempts: what it sends, how many attempts it may make, what it has
 * learned so far, and the listener events it reports (each exactly once). Its attempts run one after
 * the other, never at once; fields that {@code close()} or a cancellation read from another thread
 * are volatile.
 *
 * @param <T> the call's result
 */
final class Exchange<T> implements CallListener.Call {
    private static final AtomicLong IDS = new AtomicLong();

    final Operation<T> operation;
    final CallSettings settings;
    final Listeners listeners;
    /** The request as the operation describes it, on this client's base URL; each attempt is a copy. */
    final Request template;
    final boolean write;
    private final long id = IDS.incrementAndGet();
    private final boolean async;
    private final Instant startedAt;
    final long startNanos = System.nanoTime();
    private volatile ConcurrentMap<Object, Object> attributes;

    /** The number of the attempt made last (0 before the first). */
    volatile int attempt;
    /** Retries spent (free resends of never-delivered requests do not count). */
    int retries;
    /** Free resends made of refused HTTP/2 streams (bounded by {@link RetryPolicy#MAX_UNDELIVERED_RESENDS}). */
    int freeResends;
    /** Free resends made after stale pooled connections (bounded by {@link RetryPolicy#MAX_STALE_RESENDS}). */
    int staleResends;
    /**
     * Whether an attempt may have been processed by the server: it got a response other than 429
     * (a refusal: not processed), or it failed after it may have been written.
     */
    volatile boolean maybeProcessed;
    /** What made {@link #maybeProcessed} true, for messages ("HTTP 503 to attempt 1"). */
    volatile String maybeProcessedBy;
    /** Whether any attempt reached the server (a refused one included). */
    volatile boolean delivered;
    /** The status of the last response, 0 when the last attempt got none. */
    volatile int lastStatus;
    /** The credential of the current attempt, to scrub from what is logged or kept. */
    HttpLog.Secret secret = HttpLog.Secret.NONE;
    /** When the current attempt was sent. */
    long attemptStartNanos;
    /** When the current attempt was sent, by the client's clock (what the rate limiter is told). */
    Instant attemptSentAt;
    /** The current attempt's network state. */
    ConnectionGuard.AttemptState state;
    /** How long the next attempt has waited for its permit so far, and how often it was refused. */
    Duration permitWaited = Duration.ZERO;
    int permitRefusals;
    private final AtomicBoolean attemptOpen = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    Exchange(Operation<T> operation, CallSettings settings, Listeners listeners, Request template, boolean async,
            Instant startedAt) {
        this.operation = operation;
        this.settings = settings;
        this.listeners = listeners;
        this.template = template;
        this.write = !"GET".equals(template.method()) && !"HEAD".equals(template.method());
        this.async = async;
        this.startedAt = startedAt;
    }

    String key() {
        return operation.idempotencyKey();
    }

    boolean retriesLeft() {
        return retries < settings.maxRetries;
    }

    /** Whether a request lost as {@code f} may still be resent without spending a retry. */
    boolean freeResendsLeft(Failures.Failure f) {
        return f.resend == Failures.Resend.AT_ONCE_STALE ? staleResends < RetryPolicy.MAX_STALE_RESENDS
                : freeResends < RetryPolicy.MAX_UNDELIVERED_RESENDS;
    }

    /** The attempt a permit is asked for: the next one. */
    RateLimiter.Attempt permitRequest() {
        int number = attempt + 1;
        int refusals = permitRefusals;
        String name = operation.name();
        return new RateLimiter.Attempt() {
            @Override
            public String operation() {
                return name;
            }

            @Override
            public int number() {
                return number;
            }

            @Override
            public int refusals() {
                return refusals;
            }
        };
    }

    /** Records a retry decision: the next attempt waits for a new permit, the listeners are told. */
    void retryScheduled(RetryPolicy.Decision decision) {
        if (decision.free && decision.stale) {
            staleResends++;
        } else if (decision.free) {
            freeResends++;
        } else {
            retries++;
        }
        permitWaited = Duration.ZERO;
        permitRefusals = 0;
        listeners.retryScheduled(this, attempt + 1, decision.delay, decision.reason);
    }

    /** Tells the listeners an attempt starts; returns the headers they add to it. */
    Map<String, String> attemptStarted() {
        attemptOpen.set(true);
        return listeners.attemptStarted(this, attempt, permitWaited);
    }

    /**
     * Tells the listeners how the current attempt ended, once. The request id is the server's header,
     * scrubbed of the credential like every other text a listener sees (a server may echo it back).
     */
    void attemptEnded(int status, Throwable failure, boolean delivered, String requestId,
            io.github.chatsdk.core.RateLimit rateLimit) {
        if (attemptOpen.compareAndSet(true, false) && !listeners.isEmpty()) {
            listeners.attemptEnded(this, new Listeners.End(attempt, status, failure, delivered,
                    Duration.ofNanos(System.nanoTime() - attemptStartNanos), secret.scrub(requestId), rateLimit));
        }
    }

    /** Tells the listeners the call ended, once; an attempt still open ends first with the same failure. */
    void callEnded(Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (failure != null) {
            ConnectionGuard.AttemptState s = state;
            attemptEnded(0, failure, s != null && s.connected, null, null);
        }
        if (!listeners.isEmpty()) {
            listeners.callEnded(this, new Listeners.Ended(failure, attempt, lastStatus,
                    Duration.ofNanos(System.nanoTime() - startNanos)));
        }
        attributes = null;
    }

    boolean isEnded() {
        return ended.get();
    }

    long millisSinceAttemptStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attemptStartNanos);
    }

    // ---- CallListener.Call --------------------------------------------------------------------

    @Override
    public long id() {
        return id;
    }

    @Override
    public String operation() {
        return operation.name();
    }

    @Override
    public String method() {
        return template.method();
    }

    @Override
    public String url() {
        return template.url().toString();
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(operation.idempotencyKey());
    }

    @Override
    public boolean async() {
        return async;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public ConcurrentMap<Object, Object> attributes() {
        ConcurrentMap<Object, Object> a = attributes;
        if (a == null) {
            synchronized (this) {
                a = attributes;
                if (a == null) {
                    a = new ConcurrentHashMap<>();
                    attributes = a;
                }
            }
        }
        return a;
    }

    @Override
    public String toString() {
        return "Call{id=" + id + ", " + operation.name() + ' ' + template.method() + ' ' + template.url() + '}';
    }

    /** For {@link RetryReason} values in log lines. */
    static String describe(RetryReason reason) {
        return reason == null ? "" : reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
