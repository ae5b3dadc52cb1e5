package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ConflictException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.UnexpectedStatusException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.UnknownServiceException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The HTTP pipeline both clients share: one OkHttpClient (OkHttp's silent retry and its redirect
 * handling off), exactly one credential header per request, the User-Agent, retries with backoff
 * where they are safe, the optional client-side rate limiter, per-request timeouts, bounded body
 * reads, redacted logging, and the mapping of every failure to a {@link ChatSdkException}.
 *
 * <p>Retry policy, in one place:
 * <ul>
 *   <li>retried statuses: 408, 429, 500, 502, 503, 504; retried failures: connect failures,
 *       resets, timeouts and bodies that break off; never TLS certificate failures or an
 *       interrupted thread;</li>
 *   <li>a call marked retry-safe (GETs, writes that carry an idempotency key) is retried after
 *       any of those; any other call only when the request certainly never reached the server
 *       (connect failure, TLS handshake failure): a 429 reached the server, so a non-idempotent
 *       call is not resent after it (the caller sees {@code RateLimitException.retryAfter()});</li>
 *   <li>delay: {@code Retry-After} when the response has one (seconds or HTTP date), else
 *       exponential backoff from 0.5 s, capped at 8 s, with jitter in [50%, 100%]; a
 *       {@code Retry-After} above {@code maxRetryAfter} is not waited for: the call fails at once
 *       and the exception says how long the server asked to wait.</li>
 * </ul>
 *
 * <p>Two ways to run a call, one set of decisions. {@link #execute} (blocking) and
 * {@link #executeAsync} (OkHttp's {@code enqueue}, waits scheduled) only drive the loop; what
 * happens at each step is decided by the same private methods, which neither path duplicates:
 * {@code begin} (per-call spec, attempt count, prepared request), {@code rateLimitWait} (the
 * limiter's hold), {@code nextAttempt} (credential, retry-count header, log, per-call timeout),
 * {@code onFailure} and {@code onResponse} (bounded reads, logging, the limiter's bookkeeping, and
 * the {@code Step}: a result, an exception, or a retry after a delay). The synchronous path waits
 * with the {@link io.github.chatsdk.core.Sleeper}; the asynchronous one with the scheduler.
 */
public final class Transport implements AutoCloseable {
    /** Header that tells the server which retry an attempt is (absent on the first attempt). */
    public static final String RETRY_COUNT_HEADER = "x-chatsdk-retry-count";
    /** Largest success body read into memory. */
    static final long MAX_SUCCESS_BODY = 16L * 1024 * 1024;
    /** Largest error body read for parsing; the rest is discarded unread. */
    static final long MAX_ERROR_BODY = 64L * 1024;
    /** Largest part of an error body kept in an exception. */
    static final int MAX_RAW_BODY_KEPT = 8 * 1024;

    private final TransportConfig config;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final String userAgent;
    private final HttpLog log;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    /** The asynchronous calls not finished yet, failed by {@link #close()}. */
    private final Set<AsyncExchange> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    public Transport(TransportConfig config) {
        this.config = config.copy();
        this.userAgent = UserAgent.of(config.product);
        this.log = new HttpLog(config.logLevel, config.product, config.credentialHeaders);
        this.rateLimiter = config.waitWhenRateLimited ? new RateLimiter(config.clock, config.maxRetryAfter) : null;
        this.ownsHttp = config.okHttpClient == null;
        OkHttpClient.Builder b = ownsHttp ? new OkHttpClient.Builder() : config.okHttpClient.newBuilder();
        b.retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(NoSilentRetry.RESTORE)
                .addInterceptor(new RequestTimeouts())
                .addInterceptor(new SameOriginRedirects())
                .addNetworkInterceptor(NoSilentRetry.HIDE)
                .connectTimeout(config.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (config.proxy != null) {
            b.proxy(config.proxy);
        }
        if (config.sslSocketFactory != null) {
            b.sslSocketFactory(config.sslSocketFactory, config.trustManager);
        }
        this.http = b.build();
        this.ownsScheduler = config.scheduler == null;
        this.scheduler = ownsScheduler ? defaultScheduler(config.product) : config.scheduler;
    }

    /**
     * The client's own scheduler for the waits of asynchronous calls: one daemon thread, started on
     * the first wait and ended after a minute without work, or by {@link #close()}.
     */
    private static ScheduledExecutorService defaultScheduler(String product) {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chatsdk " + product + " scheduler");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        s.setKeepAliveTime(60, TimeUnit.SECONDS);
        s.allowCoreThreadTimeOut(true);
        return s;
    }

    /** The OkHttpClient the generated code builds its calls with. */
    public OkHttpClient httpClient() {
        return http;
    }

    public TransportConfig config() {
        return config;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Sends {@code request}, retrying where {@code spec} says it is safe, and returns the 2xx
     * response body; any other outcome is thrown as a {@link ChatSdkException}. The waits between
     * attempts go through the configured {@link io.github.chatsdk.core.Sleeper}.
     *
     * @throws IllegalStateException when the transport was closed
     */
    public HttpResult execute(Request request, CallSpec spec) {
        Exchange x = begin(request, spec);
        while (true) {
            Duration hold = rateLimitWait(x);
            if (!hold.isZero()) {
                sleep(hold, x, false);
            }
            Call call = nextAttempt(x);
            Step step;
            try {
                step = onResponse(x, call.execute());
            } catch (IOException e) {
                step = onFailure(x, e);
            }
            if (step.result != null) {
                return step.result;
            }
            if (step.error != null) {
                throw step.error;
            }
            sleep(step.delay, x, step.reached);
        }
    }

    /**
     * The asynchronous twin of {@link #execute}: the same attempts, decisions, logging and
     * exceptions, with OkHttp's asynchronous dispatch ({@link Call#enqueue}) instead of a blocked
     * thread, and the waits between attempts scheduled on the client's scheduler instead of slept.
     *
     * <p>The future completes with the 2xx result, or exceptionally with exactly the exception
     * {@link #execute} would throw (a closed transport: {@link IllegalStateException}). Cancelling
     * it cancels the OkHttp call in flight and any scheduled retry; a cancelled call is never
     * retried. It completes on an OkHttp dispatcher thread (or the scheduler's thread, or the
     * caller's when it fails before sending).
     */
    public CompletableFuture<HttpResult> executeAsync(Request request, CallSpec spec) {
        Exchange x;
        try {
            x = begin(request, spec);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        AsyncExchange a = new AsyncExchange(x);
        inFlight.add(a);
        a.future.whenComplete((r, e) -> {
            inFlight.remove(a);
            if (a.future.isCancelled()) {
                a.cancelPending();
            }
        });
        if (closed.get()) {
            a.abortClosed(); // closed between begin() and registration
        } else {
            a.next();
        }
        return a.future;
    }

    // ---- the decisions both paths share ------------------------------------------------------

    /** One logical call across its attempts. Its attempts run one after the other, never at once. */
    private static final class Exchange {
        /** The request as the generated code built it: each attempt is prepared from it; the log lines use its method and URL. */
        final Request base;
        final CallSpec spec;
        final int maxAttempts;
        final boolean write;
        /** The number of the attempt made last (0 before the first); volatile: close() reads it. */
        volatile int attempt;
        HttpLog.Secret secret = HttpLog.Secret.NONE;
        long startNanos;
        /** Whether an attempt may have reached the server; volatile: close() reads it. */
        volatile boolean reached;

        Exchange(Request base, CallSpec spec, int maxAttempts) {
            this.base = base;
            this.spec = spec;
            this.maxAttempts = maxAttempts;
            this.write = !"GET".equals(base.method()) && !"HEAD".equals(base.method());
        }

        String key() {
            return spec.idempotencyKey;
        }
    }

    /** What to do after an attempt: return a result, fail with an error, or wait and retry. */
    private static final class Step {
        final HttpResult result;
        final ChatSdkException error;
        final Duration delay;
        /** For a retry: whether the failed attempt may have reached the server. */
        final boolean reached;

        private Step(HttpResult result, ChatSdkException error, Duration delay, boolean reached) {
            this.result = result;
            this.error = error;
            this.delay = delay;
            this.reached = reached;
        }

        static Step done(HttpResult result) {
            return new Step(result, null, null, true);
        }

        static Step fail(ChatSdkException error) {
            return new Step(null, error, null, true);
        }

        static Step retry(Duration delay, boolean reached) {
            return new Step(null, null, delay, reached);
        }
    }

    private Exchange begin(Request request, CallSpec spec) {
        if (closed.get()) {
            throw new IllegalStateException("This client is closed");
        }
        int maxAttempts = 1 + (spec.maxRetries != null ? spec.maxRetries : config.maxRetries);
        // the generated request as is: each attempt is built from it in one copy (prepare + credential)
        return new Exchange(request, spec, maxAttempts);
    }

    /** How long the client-side rate limiter holds the next attempt: zero when it is off or the window is open. */
    private Duration rateLimitWait(Exchange x) {
        if (rateLimiter == null) {
            return Duration.ZERO;
        }
        Duration wait = rateLimiter.pendingWait();
        if (!wait.isZero()) {
            log.note(x.base, "waiting " + wait.toMillis() + " ms before sending: the rate limit is exhausted");
        }
        return wait;
    }

    /** The next attempt's call: the credential, the retry-count header, logged, with the per-call timeout. */
    private Call nextAttempt(Exchange x) {
        x.attempt++;
        Request.Builder rb = prepare(x.base, x.spec);
        x.secret = HttpLog.Secret.NONE;
        if (x.spec.authenticated && config.auth != null) {
            String value = config.auth.value();
            rb.header(config.auth.name(), value);
            x.secret = new HttpLog.Secret(config.auth.secretOf(value));
        }
        if (x.attempt > 1) {
            rb.header(RETRY_COUNT_HEADER, Integer.toString(x.attempt - 1));
        }
        Request attemptRequest = rb.build();
        log.request(attemptRequest, x.attempt, x.maxAttempts, x.secret);
        Call call = http.newCall(attemptRequest);
        if (x.spec.timeout != null) {
            call.timeout().timeout(x.spec.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        x.startNanos = System.nanoTime();
        return call;
    }

    /** The decision after an attempt that produced no response. */
    private Step onFailure(Exchange x, IOException e) {
        boolean reached = mayHaveReachedServer(e);
        if (reached) {
            x.reached = true;
        }
        log.failure(x.base, reached ? "failed" : "could not connect", e, x.attempt, x.maxAttempts,
                millisSince(x.startNanos), x.secret);
        if (x.attempt < x.maxAttempts && retryableFailure(e) && (x.spec.retrySafe || !reached)) {
            Duration delay = backoff(x.attempt);
            log.retry(x.base, delay, e.getClass().getSimpleName());
            return Step.retry(delay, reached);
        }
        return Step.fail(connectionFailure(e, x.attempt, x.key(), reached, x.write, 0));
    }

    /** The decision after an attempt that got a response; reads (boundedly) and closes it. */
    private Step onResponse(Exchange x, Response response) {
        x.reached = true;
        String key = x.key();
        HttpLog.Secret secret = x.secret;
        try (Response r = response) {
            int code = r.code();
            ResponseMeta meta = meta(r, x.attempt);
            if (rateLimiter != null) {
                rateLimiter.record(code, meta.rateLimit().orElse(null));
            }
            log.response(x.base, r, x.attempt, x.maxAttempts, millisSince(x.startNanos), secret);
            if (code >= 200 && code < 300) {
                String unusable = unusableSuccess(r);
                if (unusable != null) {
                    String raw = readQuietly(r.body(), MAX_ERROR_BODY);
                    log.responseBody(x.base, raw, false, secret);
                    return Step.fail(new MalformedResponseException(ApiError.unparsed(truncate(secret.scrub(raw))),
                            meta, key, new IOException(unusable)));
                }
                String body;
                try {
                    body = readBody(r.body(), MAX_SUCCESS_BODY);
                } catch (BodyTooLargeException e) {
                    return Step.fail(new MalformedResponseException(ApiError.unparsed(truncate(secret.scrub(e.partial))),
                            meta, key, e));
                } catch (IOException e) {
                    // the server answered 2xx: the request was accepted, only its body broke off
                    log.failure(x.base, "body of HTTP " + code + " broke off", e, x.attempt, x.maxAttempts,
                            millisSince(x.startNanos), secret);
                    if (x.attempt < x.maxAttempts && x.spec.retrySafe && retryableFailure(e)) {
                        Duration delay = backoff(x.attempt);
                        log.retry(x.base, delay, "body of HTTP " + code + " broke off");
                        return Step.retry(delay, true);
                    }
                    return Step.fail(connectionFailure(e, x.attempt, key, true, x.write, code));
                }
                log.responseBody(x.base, body, true, secret);
                return Step.done(new HttpResult(body, meta, secret));
            }
            String raw;
            try {
                raw = readBody(r.body(), MAX_ERROR_BODY);
            } catch (BodyTooLargeException e) {
                raw = e.partial;
            } catch (IOException e) {
                raw = "";
            }
            log.responseBody(x.base, raw, raw.length() < MAX_ERROR_BODY, secret);
            if (x.attempt < x.maxAttempts && retryableStatus(code) && x.spec.retrySafe) {
                Duration retryAfter = meta.rateLimit().flatMap(RateLimit::retryAfter).orElse(null);
                if (retryAfter == null || retryAfter.compareTo(config.maxRetryAfter) <= 0) {
                    Duration delay = retryAfter != null ? retryAfter : backoff(x.attempt);
                    log.retry(x.base, delay, "HTTP " + code + (retryAfter != null ? ", Retry-After" : ""));
                    return Step.retry(delay, true);
                }
                log.note(x.base, "not retrying: Retry-After " + retryAfter.getSeconds() + " s is longer than "
                        + "maxRetryAfter " + config.maxRetryAfter.getSeconds() + " s");
            }
            return Step.fail(errorFor(meta, parseError(x.spec.errorParser, secret.scrub(raw)), key));
        }
    }

    /** The synchronous wait: the configured sleeper on the calling thread. */
    private void sleep(Duration delay, Exchange x, boolean reached) {
        try {
            config.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Interrupted while waiting to retry after " + x.attempt
                    + (x.attempt == 1 ? " attempt" : " attempts"), e, x.attempt, x.key(), reached);
        }
    }

    // ---- the asynchronous driver -------------------------------------------------------------

    /**
     * Drives one {@link Exchange} without blocking a thread: each attempt is enqueued on OkHttp's
     * dispatcher, each wait is a task on the scheduler. At most one of them is pending at a time.
     */
    private final class AsyncExchange implements Callback {
        final Exchange x;
        final CompletableFuture<HttpResult> future = new CompletableFuture<>();
        private final Object lock = new Object();
        private Call call;
        private Future<?> wait;
        /** Whether an attempt is on its way and has not reported back: its outcome is unknown. */
        private volatile boolean sending;

        AsyncExchange(Exchange x) {
            this.x = x;
        }

        /** Starts the next attempt, after the rate limiter's hold if there is one. */
        void next() {
            if (future.isDone()) {
                return;
            }
            try {
                Duration hold = rateLimitWait(x);
                if (hold.isZero()) {
                    send();
                } else {
                    later(hold, this::send);
                }
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }

        private void send() {
            if (future.isDone()) {
                return;
            }
            if (closed.get()) {
                abortClosed();
                return;
            }
            Call c;
            try {
                c = nextAttempt(x);
            } catch (Throwable t) {
                future.completeExceptionally(t);
                return;
            }
            synchronized (lock) {
                call = c;
            }
            if (future.isDone()) {
                return; // cancelled while the attempt was prepared: never sent
            }
            sending = true;
            c.enqueue(this);
        }

        @Override
        public void onFailure(Call c, IOException e) {
            sending = false;
            if (future.isDone()) {
                return; // cancelled (the failure is the cancellation) or already failed by close()
            }
            if (e.getCause() instanceof RejectedExecutionException) {
                // OkHttp's dispatcher refused to run the call: its executor was shut down
                if (closed.get()) {
                    abortClosed();
                } else {
                    future.completeExceptionally(new ConnectionException("OkHttp's dispatcher refused the call (its "
                            + "executor is shut down) after " + x.attempt + (x.attempt == 1 ? " attempt" : " attempts")
                            + "; the request was not delivered", e, x.attempt, x.key(), x.reached));
                }
                return;
            }
            decide(() -> Transport.this.onFailure(x, e));
        }

        @Override
        public void onResponse(Call c, Response response) {
            sending = false;
            if (future.isDone()) {
                response.close();
                return;
            }
            decide(() -> Transport.this.onResponse(x, response));
        }

        private void decide(java.util.function.Supplier<Step> decision) {
            Step step;
            try {
                step = decision.get();
            } catch (Throwable t) {
                future.completeExceptionally(t);
                return;
            }
            if (step.result != null) {
                future.complete(step.result);
            } else if (step.error != null) {
                future.completeExceptionally(step.error);
            } else {
                later(step.delay, this::next);
            }
        }

        /** Runs {@code task} after {@code delay} on the scheduler, never on this thread's time. */
        private void later(Duration delay, Runnable task) {
            if (future.isDone()) {
                return;
            }
            Future<?> f;
            try {
                f = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                abortClosed();
                return;
            }
            synchronized (lock) {
                wait = f;
            }
            if (future.isDone()) {
                f.cancel(false);
            }
        }

        /** Cancels the OkHttp call in flight and the scheduled wait, if any. */
        void cancelPending() {
            Call c;
            Future<?> w;
            synchronized (lock) {
                c = call;
                w = wait;
            }
            if (w != null) {
                w.cancel(false);
            }
            if (c != null) {
                c.cancel();
            }
        }

        /** Fails the call because the client was closed while it was in flight. */
        void abortClosed() {
            int attempts = x.attempt;
            boolean unknown = x.reached || sending;
            String msg = "The client was closed while the call was in flight, after " + attempts
                    + (attempts == 1 ? " attempt" : " attempts")
                    + (unknown ? "; the request may have reached the server, so its outcome is unknown"
                            : "; the request was not delivered");
            future.completeExceptionally(new ConnectionException(msg, null, attempts, x.key(), unknown));
            cancelPending();
        }
    }

    /**
     * The exception for a 2xx body that could not be parsed.
     */
    public static MalformedResponseException malformed(HttpResult result, String idempotencyKey, Throwable cause) {
        return new MalformedResponseException(ApiError.unparsed(truncate(result.scrubbedBody())), result.meta(),
                idempotencyKey, cause);
    }

    /**
     * One attempt's request, less its credential and retry count: stray credential headers
     * removed, the configured and per-call headers and the User-Agent set, the timeouts tagged.
     * One copy of the generated request per attempt.
     */
    private Request.Builder prepare(Request request, CallSpec spec) {
        Request.Builder b = request.newBuilder();
        for (String name : config.credentialHeaders) {
            if (request.header(name) != null) {
                b.removeHeader(name);
            }
        }
        for (Map.Entry<String, String> h : config.extraHeaders.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        for (Map.Entry<String, String> h : spec.extraHeaders.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        b.header("User-Agent", userAgent);
        if (spec.timeouts != null) {
            b.tag(RequestTimeouts.Tag.class, spec.timeouts);
        }
        return b;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Delay before retry number {@code retry} (1-based): exponential, capped, with jitter in [50%, 100%]. */
    Duration backoff(int retry) {
        long base = config.retryBaseDelay.toMillis();
        long cap = config.retryMaxDelay.toMillis();
        long exp = retry >= 31 ? cap : Math.min(cap, base << (retry - 1));
        double factor = 0.5 + 0.5 * config.jitter.getAsDouble();
        return Duration.ofMillis((long) (exp * factor));
    }

    static boolean retryableStatus(int code) {
        return code == 408 || code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    /**
     * False for failures a new attempt cannot fix: a certificate the client does not trust, a
     * host name that does not match, a protocol the client refuses, an interrupted thread.
     */
    static boolean retryableFailure(IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (e instanceof SSLPeerUnverifiedException || e instanceof UnknownServiceException) {
            return false;
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && !"timeout".equals(e.getMessage())) {
            return false; // interrupted or canceled, not timed out
        }
        if ("Canceled".equals(e.getMessage())) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return false;
            }
        }
        return true;
    }

    /**
     * False only when the failure happened before any byte of the request could reach the server:
     * the connection was refused or never opened, or the TLS handshake failed.
     */
    static boolean mayHaveReachedServer(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException || e instanceof SSLHandshakeException
                || e instanceof SSLPeerUnverifiedException || e instanceof UnknownServiceException) {
            return false;
        }
        if (e instanceof SocketTimeoutException) {
            String m = e.getMessage();
            return m == null || !m.toLowerCase(Locale.ROOT).contains("connect");
        }
        return true;
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    private static ConnectionException connectionFailure(IOException e, int attempts, String key, boolean reached,
            boolean write, int status) {
        boolean timeout = isTimeout(e);
        StringBuilder msg = new StringBuilder();
        if (status != 0) {
            msg.append(timeout ? "Timed out reading" : "Connection broke while reading").append(" the body of HTTP ")
                    .append(status);
        } else {
            msg.append(timeout ? "Timed out" : reached ? "Connection failed" : "Could not connect");
        }
        msg.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts").append(" (")
                .append(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            msg.append(": ").append(HttpLog.clip(e.getMessage(), 200));
        }
        msg.append(')');
        if (!reached) {
            msg.append("; the request was not delivered");
        } else if (write && status != 0) {
            msg.append("; the server accepted the request, so it was probably applied");
            msg.append(key != null ? ": resend with idempotency key " + key + " to read its result without applying"
                    + " it twice" : ": check its effect before sending it again");
        } else if (write) {
            msg.append("; the request may have reached the server, so its outcome is unknown");
            msg.append(key != null ? ": resend with idempotency key " + key + " to apply it at most once"
                    : ": check its effect before sending it again");
        }
        return timeout ? new ApiTimeoutException(msg.toString(), e, attempts, key, reached)
                : new ConnectionException(msg.toString(), e, attempts, key, reached);
    }

    /**
     * {@code application/json} in any case, alone or followed by parameters: the common answer,
     * accepted without OkHttp's regex-based {@code MediaType.parse}.
     */
    static boolean isPlainJson(String type) {
        int n = "application/json".length();
        return type.regionMatches(true, 0, "application/json", 0, n)
                && (type.length() == n || type.charAt(n) == ';' || type.charAt(n) == ' ' || type.charAt(n) == '\t');
    }

    /** Why a 2xx response cannot be the JSON the APIs document, or {@code null} when it may be. */
    private static String unusableSuccess(Response r) {
        String type = r.header("Content-Type");
        if (type != null && !isPlainJson(type)) {
            MediaType mt = MediaType.parse(type);
            boolean json = mt != null && ("json".equals(mt.subtype()) || mt.subtype().endsWith("+json"));
            if (!json) {
                return "expected a JSON body, got Content-Type " + HttpLog.clip(type, 100);
            }
        }
        ResponseBody body = r.body();
        long length = body == null ? -1 : body.contentLength();
        if (length > MAX_SUCCESS_BODY) {
            return "body of " + length + " bytes is larger than the limit of " + MAX_SUCCESS_BODY + " bytes";
        }
        return null;
    }

    /** A body longer than the read limit; {@link #partial} holds the part that was read. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient String partial;

        BodyTooLargeException(long limit, String partial) {
            super("body larger than the limit of " + limit + " bytes");
            this.partial = partial;
        }
    }

    /** Reads at most {@code limit} bytes; a longer body throws {@link BodyTooLargeException} with the part read. */
    private static String readBody(ResponseBody body, long limit) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= limit) {
            long n = source.read(buffer, 8192);
            if (n == -1) {
                return buffer.readString(StandardCharsets.UTF_8);
            }
        }
        throw new BodyTooLargeException(limit, buffer.readString(limit, StandardCharsets.UTF_8));
    }

    /** The first {@code limit} bytes of the body, or what arrived before it broke off. */
    private static String readQuietly(ResponseBody body, long limit) {
        try {
            return readBody(body, limit);
        } catch (BodyTooLargeException e) {
            return e.partial;
        } catch (IOException e) {
            return "";
        }
    }

    private ResponseMeta meta(Response r, int attempts) {
        return new ResponseMeta(r.code(), r.headers(), rateLimit(r.headers()), attempts);
    }

    RateLimit rateLimit(Headers h) {
        Long limit = parseLong(h.get("x-ratelimit-limit"));
        Long remaining = parseLong(h.get("x-ratelimit-remaining"));
        Duration retryAfter = parseRetryAfter(h.get("Retry-After"));
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

    Duration parseRetryAfter(String value) {
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
            Duration d = Duration.between(config.clock.instant(), when);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ApiError parseError(ErrorParser parser, String raw) {
        String kept = truncate(raw);
        try {
            ApiError parsed = parser.parse(raw);
            if (parsed == null) {
                return ApiError.unparsed(kept);
            }
            return new ApiError(parsed.message().orElse(null), parsed.code().orElse(null),
                    parsed.details().orElse(null), parsed.requestId().orElse(null), kept,
                    parsed.typedBody().orElse(null));
        } catch (RuntimeException | StackOverflowError e) {
            return ApiError.unparsed(kept);
        }
    }

    static String truncate(String raw) {
        return raw.length() <= MAX_RAW_BODY_KEPT ? raw : raw.substring(0, MAX_RAW_BODY_KEPT) + "...[truncated]";
    }

    /** Maps a non-2xx response to its exception type. */
    public static ServiceException errorFor(ResponseMeta meta, ApiError error, String key) {
        int code = meta.statusCode();
        switch (code) {
            case 400:
                return new BadRequestException(error, meta, key);
            case 401:
                return new AuthenticationException(error, meta, key);
            case 403:
                return new PermissionDeniedException(error, meta, key);
            case 404:
                return new NotFoundException(error, meta, key);
            case 409:
                return new ConflictException(error, meta, key);
            case 429:
                return new RateLimitException(error, meta, key);
            default:
                return code >= 500 && code < 600 ? new InternalServerException(error, meta, key)
                        : new UnexpectedStatusException(error, meta, key);
        }
    }

    /**
     * Fails every asynchronous call still in flight (a {@link ConnectionException} saying whether
     * it may have reached the server), then releases the connection pool, the dispatcher threads
     * and the scheduler, except those that were the caller's. Later calls throw
     * {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (AsyncExchange a : inFlight) {
            a.abortClosed();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
