package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.internal.BaseUrls;
import io.github.chatsdk.core.internal.Check;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The settings every chatsdk client builder shares: base URL, retries, timeouts, concurrency and
 * connection pool, proxy, TLS, your own {@link OkHttpClient}, listeners, the rate limiter, and the
 * sleeper and clock used by retries. Each client's builder adds its own credentials on top; what it
 * builds is described by {@link ClientOptions}, which lists the defaults.
 *
 * <p>Every timeout, the retry count, extra headers and listeners can also be set per call, or for a
 * derived client, with {@link RequestOptions}.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class BaseClientBuilder<B extends BaseClientBuilder<B>> {
    private final ClientOptions.Builder config;

    /**
     * Creates a builder whose base URL starts at {@code defaultBaseUrl}.
     *
     * @param defaultBaseUrl the API's production URL
     */
    protected BaseClientBuilder(String defaultBaseUrl) {
        this.config = new ClientOptions.Builder(defaultBaseUrl);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The server to talk to, for example a sandbox's URL. Plain {@code http://} is accepted only
     * for loopback hosts unless {@link #allowInsecureHttp(boolean)} is set.
     *
     * @param baseUrl an {@code https://} URL (or {@code http://} to loopback)
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        config.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
        return self();
    }

    /**
     * Allows a plain {@code http://} base URL to a host that is not loopback. Off by default:
     * credentials would cross the network in clear text.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        config.allowInsecureHttp = allow;
        return self();
    }

    /**
     * How many times a failed call is retried where retrying is safe (0 disables retries).
     * Default 2.
     *
     * @param maxRetries 0 or more
     * @return this builder
     */
    public B maxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new InvalidInputException("maxRetries", "must not be negative");
        }
        config.maxRetries = maxRetries;
        return self();
    }

    /**
     * The whole-call timeout of one attempt: connect, send and receive together. Default 90 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B timeout(Duration timeout) {
        config.timeout = positive("timeout", timeout);
        return self();
    }

    /**
     * How long opening a connection may take. Default 10 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        config.connectTimeout = positive("connectTimeout", timeout);
        return self();
    }

    /**
     * How long the client waits for each read of the response. Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B readTimeout(Duration timeout) {
        config.readTimeout = positive("readTimeout", timeout);
        return self();
    }

    /**
     * How long each write of the request may take. Default 30 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B writeTimeout(Duration timeout) {
        config.writeTimeout = positive("writeTimeout", timeout);
        return self();
    }

    /**
     * The longest {@code Retry-After} the client waits for before retrying; a longer one ends the
     * call at once with the error (a {@link RateLimitException} says how long the server asked to
     * wait, so the caller can reschedule the work). It also caps the wait of the client-side rate
     * limiter. Default 60 s.
     *
     * @param max zero or more
     * @return this builder
     */
    public B maxRetryAfter(Duration max) {
        Objects.requireNonNull(max, "maxRetryAfter == null");
        if (max.isNegative()) {
            throw new InvalidInputException("maxRetryAfter", "must not be negative");
        }
        config.maxRetryAfter = max;
        return self();
    }

    /**
     * Turns on the built-in reactive rate limiter ({@link RateLimiter#reactive}; off by default).
     * When a response reports that no request is left in the window
     * ({@code x-ratelimit-remaining: 0}), or a 429 asks to wait, the client holds every later
     * request of every thread until the window should have reset (the {@code Retry-After}, else the
     * API's window, at most {@link #maxRetryAfter(Duration)}) instead of sending requests the server
     * would refuse. The wait uses the configured sleeper and clock. A limiter given to
     * {@link #rateLimiter(RateLimiter)} replaces this one.
     *
     * @param enabled whether to wait
     * @return this builder
     */
    public B waitWhenRateLimited(boolean enabled) {
        config.waitWhenRateLimited = enabled;
        return self();
    }

    /**
     * The rate limiter every attempt asks for a permit, for example one budget shared by many
     * instances of an application ({@code chatsdk-ratelimit-bucket4j}). It replaces the built-in
     * limiters ({@link #waitWhenRateLimited(boolean)} then has no effect) and is shared by the
     * clients derived with {@code withOptions}.
     *
     * @param limiter the limiter
     * @return this builder
     */
    public B rateLimiter(RateLimiter limiter) {
        config.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter == null");
        return self();
    }

    /**
     * Adds a listener told of every call of the client and of the clients derived from it: each
     * logical call, each attempt, each retry decision (see {@link CallListener}). Listeners are
     * called in the order they were added; more can be added per call or per derived client with
     * {@link RequestOptions.Builder#addListener(CallListener)}.
     *
     * @param listener the listener
     * @return this builder
     */
    public B addListener(CallListener listener) {
        config.listeners.add(Objects.requireNonNull(listener, "listener == null"));
        return self();
    }

    /**
     * The maximum number of calls in flight at once, synchronous and asynchronous together; more
     * wait in OkHttp's dispatcher queue. Default {@value ClientOptions#DEFAULT_MAX_CONCURRENT_REQUESTS}.
     * With {@link #okHttpClient(OkHttpClient)}, setting this gives the client a dispatcher of its
     * own (on your client's executor) instead of sharing yours.
     *
     * @param max 1 or more
     * @return this builder
     */
    public B maxConcurrentRequests(int max) {
        config.maxConcurrentRequests = atLeastOne("maxConcurrentRequests", max);
        return self();
    }

    /**
     * The maximum number of calls in flight at once to one host. Default
     * {@value ClientOptions#DEFAULT_MAX_CONCURRENT_REQUESTS} (OkHttp's own default, 5, is too low for
     * asynchronous fan-out). With {@link #okHttpClient(OkHttpClient)}, setting this gives the client a
     * dispatcher of its own instead of sharing yours.
     *
     * @param max 1 or more
     * @return this builder
     */
    public B maxConcurrentRequestsPerHost(int max) {
        config.maxConcurrentRequestsPerHost = atLeastOne("maxConcurrentRequestsPerHost", max);
        return self();
    }

    /**
     * How many idle connections the connection pool keeps for reuse. Default
     * {@value ClientOptions#DEFAULT_MAX_IDLE_CONNECTIONS}, as many as may be in flight to one host,
     * so that a burst's connections are reused (OkHttp's own default is 5). Connections the server
     * closes while they are idle are noticed before reuse and dropped. With
     * {@link #okHttpClient(OkHttpClient)}, setting this or {@link #keepAlive(Duration)} gives the
     * client a pool of its own instead of sharing yours.
     *
     * @param max 0 or more
     * @return this builder
     */
    public B maxIdleConnections(int max) {
        if (max < 0) {
            throw new InvalidInputException("maxIdleConnections", "must not be negative");
        }
        config.maxIdleConnections = max;
        return self();
    }

    /**
     * How long the connection pool keeps an idle connection. Default 5 minutes. A server may close
     * an idle connection sooner (Node after 5 s, gunicorn after 2 s); the client notices that before
     * reusing it, drops the idle connections of its own pool, and sends the request on a fresh
     * connection.
     *
     * @param keepAlive a positive duration
     * @return this builder
     */
    public B keepAlive(Duration keepAlive) {
        config.keepAlive = positive("keepAlive", keepAlive);
        return self();
    }

    /**
     * How much the client logs: {@link LogLevel#INFO} one line per attempt, {@link LogLevel#DEBUG}
     * also headers and bodies. Credentials are redacted at every level. When not set, the
     * environment variable {@code CHATSDK_LOG} ({@code off} | {@code info} | {@code debug}) decides;
     * without it, nothing is logged. The entries go to {@link System.Logger}
     * {@value LogLevel#LOGGER_NAME} when the application has routed or configured it, otherwise to
     * stderr, one line each (see {@link LogLevel}).
     *
     * @param level the level
     * @return this builder
     */
    public B logLevel(LogLevel level) {
        config.logLevel = Objects.requireNonNull(level, "logLevel == null");
        return self();
    }

    /**
     * An HTTP proxy for all calls.
     *
     * @param proxy the proxy
     * @return this builder
     */
    public B proxy(Proxy proxy) {
        config.proxy = Objects.requireNonNull(proxy, "proxy == null");
        return self();
    }

    /**
     * Custom TLS, for example a corporate trust store.
     *
     * @param socketFactory the socket factory
     * @param trustManager the trust manager the factory uses
     * @return this builder
     */
    public B sslSocketFactory(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
        config.sslSocketFactory = Objects.requireNonNull(socketFactory, "socketFactory == null");
        config.trustManager = Objects.requireNonNull(trustManager, "trustManager == null");
        return self();
    }

    /**
     * Builds on your own OkHttpClient (sharing its connection pool and dispatcher). Retries,
     * authentication, redirect safety and redaction stay on; OkHttp's own silent retry and redirect
     * following are turned off for this client. Closing the chatsdk client leaves your
     * OkHttpClient running.
     *
     * @param client your client
     * @return this builder
     */
    public B okHttpClient(OkHttpClient client) {
        config.okHttpClient = Objects.requireNonNull(client, "okHttpClient == null");
        return self();
    }

    /**
     * What the client waits with between attempts and for its rate limiter: synchronous calls with
     * {@link Sleeper#sleep(Duration)}, asynchronous ones with {@link Sleeper#sleepAsync(Duration)},
     * which blocks no thread. Default {@link Sleeper#system()}. Tests pass one that records the delays
     * and returns at once ({@link Sleeper#of(java.util.function.Consumer)}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public B sleeper(Sleeper sleeper) {
        config.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        return self();
    }

    /**
     * The clock used to read {@code Retry-After} HTTP dates, by the built-in rate limiter, and for
     * the start times reported to listeners.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        config.clock = Objects.requireNonNull(clock, "clock == null");
        return self();
    }

    /**
     * A header sent with every request, for example a tracing header. Credential headers
     * ({@code Authorization}, API-key headers), {@code User-Agent} and the headers the SDK manages
     * are refused: use the builder's credential methods.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public B header(String name, String value) {
        Check.extraHeader(name, value);
        config.headers.put(name, value);
        return self();
    }

    /**
     * Reads the client's configuration from the process environment where it is set:
     * {@code CHATSDK_LOG} and the client's own variables (its builder lists them, such as the
     * credential and the base URL). Settings made after this call override it.
     *
     * @return this builder
     */
    public final B fromEnv() {
        return readEnv(System::getenv);
    }

    /**
     * Reads the same variables as {@link #fromEnv()} from {@code env} instead of the process
     * environment: for tests, and for programs that hold their configuration in a map (the
     * examples pass a sandbox's URL and credentials this way). Variables absent from the map are
     * not looked up elsewhere; settings made after this call override them.
     *
     * @param env variable names to values; not {@code null}
     * @return this builder
     */
    public final B fromEnv(Map<String, String> env) {
        Objects.requireNonNull(env, "env == null");
        return readEnv(env::get);
    }

    private B readEnv(Function<String, String> env) {
        LogLevel.parse(env.apply("CHATSDK_LOG")).ifPresent(this::logLevel);
        applyEnv(name -> {
            String value = env.apply(name);
            return value == null || value.isBlank() ? null : value.trim();
        });
        return self();
    }

    /**
     * Applies the client's own environment variables; called by {@link #fromEnv()} and
     * {@link #fromEnv(Map)}.
     *
     * @param env looks a variable up: its trimmed value, or {@code null} when absent or blank
     */
    protected abstract void applyEnv(Function<String, @Nullable String> env);

    /**
     * The settings so far, for the concrete builder's {@code build()}: the base URL is checked, and
     * the log level comes from {@code CHATSDK_LOG} when it was not set.
     *
     * @return the options
     * @throws InvalidInputException when the base URL is not acceptable
     */
    protected final ClientOptions options() {
        String checked = BaseUrls.asString(BaseUrls.parse(config.baseUrl, config.allowInsecureHttp));
        return config.build(checked, LogLevel.parse(System.getenv("CHATSDK_LOG")).orElse(LogLevel.OFF));
    }

    /**
     * Checks a credential given to a builder the same way for every client: not blank, without a
     * scheme prefix such as {@code Bearer }, without whitespace or control characters. The message
     * names the setting, never the value.
     *
     * @param field the builder setting, such as {@code apiKey}
     * @param value the credential
     * @return the credential, unchanged
     * @throws InvalidInputException when it is not acceptable
     */
    protected static String credential(String field, String value) {
        return Check.credential(field, value);
    }

    private static int atLeastOne(String field, int value) {
        if (value < 1) {
            throw new InvalidInputException(field, "must be at least 1");
        }
        return value;
    }

    private static Duration positive(String name, Duration d) {
        return Check.positive(name, d);
    }
}
