package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.CallListener;
import io.github.chatsdk.core.ClientOptions;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.RateLimiter;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.BaseUrls;
import io.github.chatsdk.core.internal.Operation;
import io.github.chatsdk.core.internal.UserAgent;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The HTTP pipeline of one client (and of the clients derived from it): one OkHttpClient, the retry
 * policy, the rate limiter, the listeners, the log, and the two drivers that run a call, blocking
 * ({@link SyncDriver}) or not ({@link AsyncDriver}), through the same decisions ({@link Decider}).
 *
 * <p>Files of this package, one concern each: {@link HttpClients} (building the OkHttpClient),
 * {@link ConnectionGuard} (stale pooled connections), {@link Failures} (what an I/O failure means),
 * {@link RetryPolicy} (when to resend, after how long), {@link Decider} (the step after each attempt),
 * {@link SyncDriver} and {@link AsyncDriver} (running the steps and waiting), {@link Bodies} (bounded
 * reads), {@link ErrorMapping} (statuses to exceptions), {@link RateLimitHeaders}, {@link Listeners},
 * {@link HttpLog}, the interceptors {@link NoSilentRetry}, {@link RequestTimeouts} and
 * {@link SameOriginRedirects}, and {@link Attempts} (how the interceptors find the attempt they handle).
 */
public final class Transport implements AutoCloseable {
    /** Header that tells the server which retry an attempt is (absent on the first attempt). */
    public static final String RETRY_COUNT_HEADER = "x-chatsdk-retry-count";

    final ClientOptions options;
    final ApiProfile profile;
    final HttpUrl baseUrl;
    final OkHttpClient http;
    private final boolean ownsExecutor;
    private final boolean ownsPool;
    final HttpLog log;
    final RateLimiter limiter;
    final Decider decider;
    private final Set<CallListener> failedListeners = Listeners.failureRegistry();
    final SyncDriver sync;
    final AsyncDriver async;
    /** The asynchronous calls not finished yet, failed by {@link #close()}. */
    final Set<AsyncDriver.AsyncCall<?>> inFlight = ConcurrentHashMap.newKeySet();
    /** The attempts being executed, for the interceptors. */
    final Attempts attempts = new Attempts();
    private volatile boolean closed;

    private Transport(ClientOptions options, ApiProfile profile) {
        this.options = options;
        this.profile = profile;
        this.baseUrl = HttpUrl.get(options.baseUrl());
        ConnectionGuard guard = new ConnectionGuard(attempts);
        HttpClients.Built built = HttpClients.build(options, attempts, guard);
        this.http = built.http;
        if (built.ownsPool) {
            guard.onStale(http.connectionPool()::evictAll);
        }
        this.ownsExecutor = built.ownsExecutor;
        this.ownsPool = built.ownsPool;
        this.log = new HttpLog(options.logLevel(), profile.product(), profile.credentialHeaders());
        this.limiter = options.rateLimiter().orElseGet(() -> options.waitWhenRateLimited()
                ? RateLimiter.reactive(options.clock(), profile.rateLimitWindow()) : RateLimiter.none());
        this.decider = new Decider(profile, UserAgent.of(profile.product()), log, new RetryPolicy(options.maxRetryAfter()),
                limiter, options.clock());
        this.sync = new SyncDriver(this);
        this.async = new AsyncDriver(this);
    }

    /**
     * @param options the client's settings
     * @param profile the API's facts
     * @return a new transport, which owns the OkHttp resources it created
     */
    public static Transport create(ClientOptions options, ApiProfile profile) {
        return new Transport(Objects.requireNonNull(options, "options == null"),
                Objects.requireNonNull(profile, "profile == null"));
    }

    /** @return the settings the client was built with */
    public ClientOptions options() {
        return options;
    }

    /** @return the base URL, without a trailing slash */
    public String baseUrl() {
        return BaseUrls.asString(baseUrl);
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code operation} on the calling thread, retrying where it is safe, and returns its typed
     * result; any other outcome is thrown as a {@link io.github.chatsdk.core.ChatSdkException}.
     *
     * @param operation the call
     * @param callOptions the derived client's defaults with the call's own options on top
     * @param <T> the result
     * @return the result
     * @throws IllegalStateException when the transport was closed
     */
    public <T> T execute(Operation<T> operation, RequestOptions callOptions) {
        return sync.run(exchange(operation, callOptions, false));
    }

    /**
     * The asynchronous twin of {@link #execute}: the same attempts, decisions, events and exceptions,
     * with OkHttp's asynchronous dispatch and scheduled waits. The future never completes with an
     * exception {@link #execute} would not throw; cancelling it cancels the call in flight and any
     * pending wait, and a cancelled call is never retried.
     *
     * @param operation the call
     * @param callOptions the derived client's defaults with the call's own options on top
     * @param <T> the result
     * @return the future of the result
     */
    public <T> CompletableFuture<T> executeAsync(Operation<T> operation, RequestOptions callOptions) {
        Exchange<T> x;
        try {
            x = exchange(operation, callOptions, true);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return async.run(x);
    }

    private <T> Exchange<T> exchange(Operation<T> operation, RequestOptions callOptions, boolean async) {
        if (closed) {
            throw new IllegalStateException("This client is closed");
        }
        Request template = operation.request().toRequest(baseUrl).build();
        Exchange<T> x = new Exchange<>(operation, CallSettings.of(options, callOptions),
                Listeners.of(options.listeners(), callOptions.listeners(), failedListeners), template, async,
                options.clock().instant());
        x.listeners.callStarted(x);
        return x;
    }

    /**
     * The exception of a call that the client's closing stopped: no further attempt is sent, and
     * the message says whether an earlier attempt was delivered and whether it may have been
     * processed ({@link ConnectionException#outcomeUnknown()}).
     *
     * @param inFlight whether an attempt was on its way when the client closed (its outcome is unknown)
     */
    static ConnectionException closedDuringCall(Exchange<?> x, boolean inFlight, String when) {
        int attempts = x.attempt;
        boolean unknown = x.maybeProcessed || inFlight;
        String what;
        if (inFlight) {
            what = "; the server may have received it, so the outcome is unknown";
        } else if (x.maybeProcessed) {
            what = "; an earlier attempt was delivered (" + x.maybeProcessedBy + "), so the outcome is unknown";
        } else if (x.delivered) {
            what = "; every attempt that reached the server was refused unprocessed (HTTP 429): the request was not"
                    + " applied";
        } else {
            what = "; the request was not delivered";
        }
        String key = x.key();
        if (unknown && x.write) {
            what += key != null ? ": resend with idempotency key " + key + " to apply it at most once"
                    : ": check its effect before sending it again";
        }
        return new ConnectionException("The client was closed " + when + ", after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + ", and sent nothing more" + what, null, attempts, key,
                unknown);
    }

    /**
     * Refuses later calls, ends the waits of synchronous calls between attempts (they send nothing
     * more and throw), fails every asynchronous call still in flight (a
     * {@link ConnectionException} saying whether it may have reached the server), then releases the
     * connection pool and the dispatcher threads, except those that were the caller's. Synchronous
     * attempts already on the wire finish.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        sync.closed();
        for (AsyncDriver.AsyncCall<?> a : inFlight) {
            a.abortClosed();
        }
        if (ownsExecutor) {
            http.dispatcher().executorService().shutdown();
        }
        if (ownsPool) {
            http.connectionPool().evictAll();
        }
    }
}
