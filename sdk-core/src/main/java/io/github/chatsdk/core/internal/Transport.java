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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The HTTP pipeline both clients share: one OkHttpClient (OkHttp's silent retry and its redirect
 * handling off), exactly one credential header per request, the User-Agent, retries with backoff
 * where they are safe, bounded body reads, and the mapping of every failure to a
 * {@link ChatSdkException}.
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

    public Transport(TransportConfig config) {
        this.config = config.copy();
        this.userAgent = UserAgent.of(config.product);
        this.ownsHttp = config.okHttpClient == null;
        OkHttpClient.Builder b = ownsHttp ? new OkHttpClient.Builder() : config.okHttpClient.newBuilder();
        b.retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
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
     */
    public HttpResult execute(Request request, CallSpec spec) {
        int maxRetries = spec.maxRetries != null ? spec.maxRetries : config.maxRetries;
        Request base = prepare(request, spec);
        int attempt = 0;
        while (true) {
            attempt++;
            Request.Builder attemptBuilder = base.newBuilder();
            if (attempt > 1) {
                attemptBuilder.header(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
            }
            if (spec.authenticated && config.auth != null) {
                // read per attempt, so a rotating credential supplier takes effect on retries
                attemptBuilder.header(config.auth.name(), config.auth.value());
            }
            Request attemptRequest = attemptBuilder.build();
            Call call = http.newCall(attemptRequest);
            if (spec.timeout != null) {
                call.timeout().timeout(spec.timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                boolean reachedServer = mayHaveReachedServer(e);
                if (attempt <= maxRetries && (spec.retrySafe || !reachedServer)) {
                    sleep(backoff(attempt), attempt, spec);
                    continue;
                }
                throw connectionFailure(e, attempt, spec.idempotencyKey, reachedServer);
            }
            try (Response r = response) {
                int code = r.code();
                if (code >= 200 && code < 300) {
                    String body;
                    try {
                        body = readBody(r.body(), MAX_SUCCESS_BODY, true);
                    } catch (IOException e) {
                        // the server answered 2xx: the write happened, the body broke on the way
                        if (attempt <= maxRetries && spec.retrySafe) {
                            sleep(backoff(attempt), attempt, spec);
                            continue;
                        }
                        throw connectionFailure(e, attempt, spec.idempotencyKey, true);
                    }
                    return new HttpResult(body, meta(r, attempt));
                }
                String raw;
                try {
                    raw = readBody(r.body(), MAX_ERROR_BODY, false);
                } catch (IOException e) {
                    raw = "";
                }
                ResponseMeta meta = meta(r, attempt);
                if (attempt <= maxRetries && spec.retrySafe && retryableStatus(code)) {
                    Duration delay = backoff(attempt);
                    Duration retryAfter = meta.rateLimit().flatMap(RateLimit::retryAfter).orElse(null);
                    if (retryAfter == null || retryAfter.compareTo(config.maxRetryAfter) <= 0) {
                        if (retryAfter != null) {
                            delay = retryAfter;
                        }
                        sleep(delay, attempt, spec);
                        continue;
                    }
                }
                throw errorFor(meta, parseError(spec.errorParser, raw), spec.idempotencyKey);
            }
        }
    }

    /**
     * The exception for a 2xx body that could not be parsed.
     */
    public static MalformedResponseException malformed(HttpResult result, String idempotencyKey, Throwable cause) {
        return new MalformedResponseException(ApiError.unparsed(truncate(result.body())), result.meta(),
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
        return b.build();
    }

    private void sleep(Duration delay, int attempt, CallSpec spec) {
        try {
            config.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Interrupted while waiting to retry", e, attempt, spec.idempotencyKey, true);
        }
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

    /** False only when the failure happened before any byte of the request could reach the server. */
    static boolean mayHaveReachedServer(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException || e instanceof SSLHandshakeException) {
            return false;
        }
        if (e instanceof SocketTimeoutException) {
            String m = e.getMessage();
            return m == null || !m.toLowerCase(Locale.ROOT).contains("connect");
        }
        return true;
    }

    private static ConnectionException connectionFailure(IOException e, int attempts, String key, boolean reached) {
        boolean timeout = e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
        String what = timeout ? "Timed out" : reached ? "Connection failed" : "Could not connect";
        StringBuilder msg = new StringBuilder(what).append(" after ").append(attempts)
                .append(attempts == 1 ? " attempt" : " attempts").append(" (").append(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            msg.append(": ").append(e.getMessage());
        }
        msg.append(')');
        if (reached) {
            msg.append("; the request may have reached the server, so its outcome is unknown");
            if (key != null) {
                msg.append(": resend with idempotency key ").append(key).append(" to apply it at most once");
            }
        }
        return timeout ? new ApiTimeoutException(msg.toString(), e, attempts, key, reached)
                : new ConnectionException(msg.toString(), e, attempts, key, reached);
    }

    private static String readBody(ResponseBody body, long limit, boolean failIfLarger) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        long total = 0;
        while (total <= limit) {
            long n = source.read(buffer, 8192);
            if (n == -1) {
                return buffer.readString(StandardCharsets.UTF_8);
            }
            total += n;
        }
        if (failIfLarger) {
            throw new IOException("response body larger than " + limit + " bytes");
        }
        return buffer.readString(limit, StandardCharsets.UTF_8);
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

    /** Releases the connection pool and the dispatcher threads, unless the OkHttpClient was the caller's. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
