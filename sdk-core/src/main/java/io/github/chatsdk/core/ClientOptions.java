package io.github.chatsdk.core;

import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The settings a client was built with, fixed at {@code build()}: what every client builder shares
 * ({@link BaseClientBuilder}), without the credentials, which each client keeps to itself.
 * Immutable and thread-safe; read-only for users, who set these on the builder.
 *
 * <p>Defaults: base URL the API's production server; 2 retries; timeouts 10 s to connect, 60 s per
 * read, 30 s per write, 90 s per attempt; {@code Retry-After} honoured up to 60 s; no client-side
 * rate limiting; at most 256 calls in flight in all and 256 per host; a connection pool of up to 256
 * idle connections kept 5 minutes; logging from {@code CHATSDK_LOG}, else off; the system sleeper
 * and clock.
 */
public final class ClientOptions {
    /** Default maximum number of calls in flight, in all and per host. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
    /**
     * The default number of idle connections the pool keeps: as many as may be in flight to one
     * host, so that the connections a burst of calls opened are reused by the next burst (OkHttp's
     * own default, 5, is sized for a single-user application).
     */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = DEFAULT_MAX_CONCURRENT_REQUESTS;

    private final String baseUrl;
    private final boolean allowInsecureHttp;
    private final int maxRetries;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration maxRetryAfter;
    private final boolean waitWhenRateLimited;
    private final RateLimiter rateLimiter;
    private final List<CallListener> listeners;
    private final LogLevel logLevel;
    private final Proxy proxy;
    private final SSLSocketFactory sslSocketFactory;
    private final X509TrustManager trustManager;
    private final OkHttpClient okHttpClient;
    private final Integer maxConcurrentRequests;
    private final Integer maxConcurrentRequestsPerHost;
    private final Integer maxIdleConnections;
    private final Duration keepAlive;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, String> headers;

    private ClientOptions(Builder b, String checkedBaseUrl, LogLevel logLevel) {
        this.baseUrl = checkedBaseUrl;
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.maxRetries = b.maxRetries;
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.maxRetryAfter = b.maxRetryAfter;
        this.waitWhenRateLimited = b.waitWhenRateLimited;
        this.rateLimiter = b.rateLimiter;
        this.listeners = List.copyOf(b.listeners);
        this.logLevel = logLevel;
        this.proxy = b.proxy;
        this.sslSocketFactory = b.sslSocketFactory;
        this.trustManager = b.trustManager;
        this.okHttpClient = b.okHttpClient;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.maxConcurrentRequestsPerHost = b.maxConcurrentRequestsPerHost;
        this.maxIdleConnections = b.maxIdleConnections;
        this.keepAlive = b.keepAlive;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    /**
     * The server the client talks to, as given (checked, without a trailing slash).
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Whether plain {@code http://} to a host that is not loopback was allowed.
     *
     * @return the setting
     */
    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * How many times a failed call is retried where retrying is safe.
     *
     * @return 0 or more
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The whole-attempt timeout: connect, send and receive together.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How long opening a connection may take.
     *
     * @return the timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long each read of a response may wait for data.
     *
     * @return the timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * How long each write of a request may take.
     *
     * @return the timeout
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * The longest wait the client accepts from a {@code Retry-After} or from its rate limiter.
     *
     * @return the cap
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Whether the built-in reactive rate limiter is on ({@link RateLimiter#reactive}).
     *
     * @return the setting
     */
    public boolean waitWhenRateLimited() {
        return waitWhenRateLimited;
    }

    /**
     * The rate limiter given to the builder, which replaces the built-in ones.
     *
     * @return the limiter, or empty when none was given
     */
    public Optional<RateLimiter> rateLimiter() {
        return Optional.ofNullable(rateLimiter);
    }

    /**
     * The listeners told of every call, in the order they were added.
     *
     * @return the listeners, unmodifiable
     */
    public List<CallListener> listeners() {
        return listeners;
    }

    /**
     * How much the client logs.
     *
     * @return the level
     */
    public LogLevel logLevel() {
        return logLevel;
    }

    /**
     * The HTTP proxy for all calls.
     *
     * @return the proxy, or empty
     */
    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * The TLS socket factory given to the builder.
     *
     * @return the factory, or empty for the platform's
     */
    public Optional<SSLSocketFactory> sslSocketFactory() {
        return Optional.ofNullable(sslSocketFactory);
    }

    /**
     * The trust manager given with {@link #sslSocketFactory()}.
     *
     * @return the trust manager, or empty for the platform's
     */
    public Optional<X509TrustManager> trustManager() {
        return Optional.ofNullable(trustManager);
    }

    /**
     * The caller's OkHttpClient the client builds on.
     *
     * @return the client, or empty when the client has its own
     */
    public Optional<OkHttpClient> okHttpClient() {
        return Optional.ofNullable(okHttpClient);
    }

    /**
     * The maximum number of calls in flight at once; more wait in OkHttp's dispatcher queue.
     *
     * @return the value set, or empty for the default ({@value #DEFAULT_MAX_CONCURRENT_REQUESTS}, or
     *     the dispatcher of the caller's OkHttpClient)
     */
    public OptionalInt maxConcurrentRequests() {
        return maxConcurrentRequests == null ? OptionalInt.empty() : OptionalInt.of(maxConcurrentRequests);
    }

    /**
     * The maximum number of calls in flight at once to one host.
     *
     * @return the value set, or empty for the default ({@value #DEFAULT_MAX_CONCURRENT_REQUESTS}, or
     *     the dispatcher of the caller's OkHttpClient)
     */
    public OptionalInt maxConcurrentRequestsPerHost() {
        return maxConcurrentRequestsPerHost == null ? OptionalInt.empty()
                : OptionalInt.of(maxConcurrentRequestsPerHost);
    }

    /**
     * How many idle connections the pool keeps.
     *
     * @return the value set, or empty for the default ({@value #DEFAULT_MAX_IDLE_CONNECTIONS}, or the
     *     caller's pool)
     */
    public OptionalInt maxIdleConnections() {
        return maxIdleConnections == null ? OptionalInt.empty() : OptionalInt.of(maxIdleConnections);
    }

    /**
     * How long the pool keeps an idle connection.
     *
     * @return the value set, or empty for the default (5 minutes, or the caller's pool)
     */
    public Optional<Duration> keepAlive() {
        return Optional.ofNullable(keepAlive);
    }

    /**
     * What the client waits with between attempts.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The clock of {@code Retry-After} dates, the rate limiter and the listeners' timestamps.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The headers sent with every request, besides those the client manages.
     *
     * @return the headers, unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "ClientOptions{baseUrl=" + baseUrl + ", maxRetries=" + maxRetries + ", timeout=" + timeout
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout="
                + writeTimeout + ", maxRetryAfter=" + maxRetryAfter + ", waitWhenRateLimited=" + waitWhenRateLimited
                + ", rateLimiter=" + rateLimiter + ", listeners=" + listeners.size() + ", logLevel=" + logLevel
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", maxConcurrentRequestsPerHost="
                + maxConcurrentRequestsPerHost + ", headers=" + headers.keySet() + '}';
    }

    /** The mutable state of a {@link BaseClientBuilder}. */
    static final class Builder {
        String baseUrl;
        boolean allowInsecureHttp;
        int maxRetries = 2;
        Duration timeout = Duration.ofSeconds(90);
        Duration connectTimeout = Duration.ofSeconds(10);
        Duration readTimeout = Duration.ofSeconds(60);
        Duration writeTimeout = Duration.ofSeconds(30);
        Duration maxRetryAfter = Duration.ofSeconds(60);
        boolean waitWhenRateLimited;
        RateLimiter rateLimiter;
        final List<CallListener> listeners = new ArrayList<>();
        LogLevel logLevel;
        Proxy proxy;
        SSLSocketFactory sslSocketFactory;
        X509TrustManager trustManager;
        OkHttpClient okHttpClient;
        Integer maxConcurrentRequests;
        Integer maxConcurrentRequestsPerHost;
        Integer maxIdleConnections;
        Duration keepAlive;
        Sleeper sleeper = Sleeper.system();
        Clock clock = Clock.systemUTC();
        final Map<String, String> headers = new LinkedHashMap<>();

        Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
        }

        /** The options, with the base URL checked and the log level read from the environment when unset. */
        ClientOptions build(String checkedBaseUrl, LogLevel environmentLevel) {
            return new ClientOptions(this, checkedBaseUrl, logLevel != null ? logLevel : environmentLevel);
        }
    }
}
