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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
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
                .addInterceptor(new RequestTimeouts())
                .addInterceptor(new SameOriginRedirects())
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
    }

    /** The OkHttpClient the generated code builds its calls with. */
    public OkHttpClient httpClient() {
        return http;
    }

    public TransportConfig config() {
        return config;
    }

    /**
     * Sends {@code request}, retrying where {@code spec} says it is safe, and returns the 2xx
     * response body; any other outcome is thrown as a {@link ChatSdkException}.
     *
     * @throws IllegalStateException when the transport was closed
     */
    public HttpResult execute(Request request, CallSpec spec) {
        if (closed.get()) {
            throw new IllegalStateException("This client is closed");
        }
        int maxAttempts = 1 + (spec.maxRetries != null ? spec.maxRetries : config.maxRetries);
        Request base = prepare(request, spec);
        boolean write = !"GET".equals(base.method()) && !"HEAD".equals(base.method());
        String key = spec.idempotencyKey;
        for (int attempt = 1; ; attempt++) {
            if (rateLimiter != null) {
                Duration wait = rateLimiter.pendingWait();
                if (!wait.isZero()) {
                    log.note(base, "waiting " + wait.toMillis() + " ms before sending: the rate limit is exhausted");
                    sleep(wait, attempt - 1, key, false);
                }
            }
            Request.Builder rb = base.newBuilder();
            HttpLog.Secret secret = HttpLog.Secret.NONE;
            if (spec.authenticated && config.auth != null) {
                String value = config.auth.value();
                rb.header(config.auth.name(), value);
                secret = new HttpLog.Secret(config.auth.secretOf(value));
            }
            if (attempt > 1) {
                rb.header(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
            }
            Request attemptRequest = rb.build();
            log.request(attemptRequest, attempt, maxAttempts, secret);
            Call call = http.newCall(attemptRequest);
            if (spec.timeout != null) {
                call.timeout().timeout(spec.timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            long start = System.nanoTime();
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                boolean reached = mayHaveReachedServer(e);
                log.failure(base, reached ? "failed" : "could not connect", e, attempt, maxAttempts, millisSince(start),
                        secret);
                if (attempt < maxAttempts && retryableFailure(e) && (spec.retrySafe || !reached)) {
                    Duration delay = backoff(attempt);
                    log.retry(base, delay, e.getClass().getSimpleName());
                    sleep(delay, attempt, key, reached);
                    continue;
                }
                throw connectionFailure(e, attempt, key, reached, write, 0);
            }
            try (Response r = response) {
                int code = r.code();
                ResponseMeta meta = meta(r, attempt);
                if (rateLimiter != null) {
                    rateLimiter.record(code, meta.rateLimit().orElse(null));
                }
                log.response(base, r, attempt, maxAttempts, millisSince(start), secret);
                if (code >= 200 && code < 300) {
                    String unusable = unusableSuccess(r);
                    if (unusable != null) {
                        String raw = readQuietly(r.body(), MAX_ERROR_BODY);
                        log.responseBody(base, raw, false, secret);
                        throw new MalformedResponseException(ApiError.unparsed(truncate(secret.scrub(raw))), meta, key,
                                new IOException(unusable));
                    }
                    String body;
                    try {
                        body = readBody(r.body(), MAX_SUCCESS_BODY);
                    } catch (BodyTooLargeException e) {
                        throw new MalformedResponseException(ApiError.unparsed(truncate(secret.scrub(e.partial))), meta, key, e);
                    } catch (IOException e) {
                        // the server answered 2xx: the request was accepted, only its body broke off
                        log.failure(base, "body of HTTP " + code + " broke off", e, attempt, maxAttempts,
                                millisSince(start), secret);
                        if (attempt < maxAttempts && spec.retrySafe && retryableFailure(e)) {
                            Duration delay = backoff(attempt);
                            log.retry(base, delay, "body of HTTP " + code + " broke off");
                            sleep(delay, attempt, key, true);
                            continue;
                        }
                        throw connectionFailure(e, attempt, key, true, write, code);
                    }
                    log.responseBody(base, body, true, secret);
                    return new HttpResult(body, meta, secret);
                }
                String raw;
                try {
                    raw = readBody(r.body(), MAX_ERROR_BODY);
                } catch (BodyTooLargeException e) {
                    raw = e.partial;
                } catch (IOException e) {
                    raw = "";
                }
                log.responseBody(base, raw, raw.length() < MAX_ERROR_BODY, secret);
                if (attempt < maxAttempts && retryableStatus(code) && spec.retrySafe) {
                    Duration retryAfter = meta.rateLimit().flatMap(RateLimit::retryAfter).orElse(null);
                    if (retryAfter == null || retryAfter.compareTo(config.maxRetryAfter) <= 0) {
                        Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
                        log.retry(base, delay, "HTTP " + code + (retryAfter != null ? ", Retry-After" : ""));
                        sleep(delay, attempt, key, true);
                        continue;
                    }
                    log.note(base, "not retrying: Retry-After " + retryAfter.getSeconds() + " s is longer than "
                            + "maxRetryAfter " + config.maxRetryAfter.getSeconds() + " s");
                }
                throw errorFor(meta, parseError(spec.errorParser, secret.scrub(raw)), key);
            }
        }
    }

    /**
     * The exception for a 2xx body that could not be parsed.
     */
    public static MalformedResponseException malformed(HttpResult result, String idempotencyKey, Throwable cause) {
        return new MalformedResponseException(ApiError.unparsed(truncate(result.scrubbedBody())), result.meta(),
                idempotencyKey, cause);
    }

    private Request prepare(Request request, CallSpec spec) {
        Request.Builder b = request.newBuilder();
        for (String name : config.credentialHeaders) {
            b.removeHeader(name);
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
        return b.build();
    }

    private void sleep(Duration delay, int attempts, String key, boolean reached) {
        try {
            config.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Interrupted while waiting to retry after " + attempts
                    + (attempts == 1 ? " attempt" : " attempts"), e, attempts, key, reached);
        }
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

    /** Why a 2xx response cannot be the JSON the APIs document, or {@code null} when it may be. */
    private static String unusableSuccess(Response r) {
        String type = r.header("Content-Type");
        if (type != null) {
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
        return new ResponseMeta(r.code(), r.headers().toMultimap(), rateLimit(r.headers()), attempts);
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
     * Releases the connection pool and the dispatcher threads, unless the OkHttpClient was the
     * caller's. Later calls throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
