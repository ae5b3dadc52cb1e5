package io.github.chatsdk.core;

import io.github.chatsdk.core.internal.TransportConfig;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The transport settings every chatsdk client builder shares: base URL, retries, timeouts, proxy,
 * TLS, your own {@link OkHttpClient}, and the sleeper, scheduler and clock used by retries. Each
 * client's builder adds its own credentials on top.
 *
 * <p>Defaults: 2 retries; connect timeout 10 s, read 60 s, write 30 s, whole call 90 s per attempt;
 * {@code Retry-After} honoured up to 60 s; no client-side rate limiting; logging from
 * {@code CHATSDK_LOG}, else off. Every timeout and the retry count can also be overridden per call
 * with {@link RequestOptions}.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class BaseClientBuilder<B extends BaseClientBuilder<B>> {
    private String baseUrl;
    private boolean allowInsecureHttp;
    private final TransportConfig config = new TransportConfig();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private LogLevel logLevel;

    /**
     * Creates a builder whose base URL starts at {@code defaultBaseUrl}.
     *
     * @param defaultBaseUrl the API's production URL
     */
    protected BaseClientBuilder(String defaultBaseUrl) {
        this.baseUrl = defaultBaseUrl;
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
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
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
        this.allowInsecureHttp = allow;
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
        config.callTimeout = positive("timeout", timeout);
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
     * Turns on the client-side rate limiter (off by default). When a response reports that no
     * request is left in the window ({@code x-ratelimit-remaining: 0}), or a 429 asks to wait, the
     * client holds every later request of every thread until the window should have reset (the
     * {@code Retry-After}, else one minute, at most {@link #maxRetryAfter(Duration)}) instead of
     * sending requests the server would refuse. The wait uses the configured sleeper (asynchronous
     * calls: the scheduler) and clock.
     *
     * @param enabled whether to wait
     * @return this builder
     */
    public B waitWhenRateLimited(boolean enabled) {
        config.waitWhenRateLimited = enabled;
        return self();
    }

    /**
     * How much the client logs through {@link System.Logger} {@value LogLevel#LOGGER_NAME}:
     * {@link LogLevel#INFO} one line per attempt, {@link LogLevel#DEBUG} also headers and bodies.
     * Credentials are redacted at every level. When not set, the environment variable
     * {@code CHATSDK_LOG} ({@code off} | {@code info} | {@code debug}) decides; without it, nothing
     * is logged.
     *
     * @param level the level
     * @return this builder
     */
    public B logLevel(LogLevel level) {
        this.logLevel = Objects.requireNonNull(level, "logLevel == null");
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
     * What synchronous calls wait with between retries (and for the client-side rate limiter).
     * Tests pass one that records the delays and returns at once. Asynchronous calls never block a
     * thread: they wait with {@link #scheduler(ScheduledExecutorService)}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public B sleeper(Sleeper sleeper) {
        config.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        return self();
    }

    /**
     * What asynchronous calls ({@code client.async()}) wait with between retries and for the
     * client-side rate limiter: each wait is one task scheduled with the requested delay, so no
     * thread is blocked while a call waits. By default each client has its own scheduler with one
     * daemon thread, started on the first wait and stopped by {@code close()}. A scheduler passed
     * here is shared, not owned: {@code close()} leaves it running. Tests pass one that runs tasks
     * at once and records the delays.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public B scheduler(ScheduledExecutorService scheduler) {
        config.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
        return self();
    }

    /**
     * The clock used to read {@code Retry-After} HTTP dates and by the client-side rate limiter.
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
        io.github.chatsdk.core.internal.Check.extraHeader(name, value);
        headers.put(name, value);
        return self();
    }

    /**
     * Reads the client's configuration from the process environment where it is set:
     * {@code CHATSDK_LOG} and the client's own variables ({@code BREK_API_KEY},
     * {@code BREK_BASE_URL}, {@code BREK_AUTH_SCHEME} for the Brek client; {@code HELVIA_API_TOKEN},
     * {@code HELVIA_HANDLE}, {@code HELVIA_BASE_URL} for the Helvia client). Settings made after
     * this call override it.
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
     * <pre>{@code
     * BrekClient brek = BrekClient.builder()
     *         .fromEnv(Map.of("BREK_BASE_URL", sandbox.baseUrl(), "BREK_API_KEY", sandbox.apiKey()))
     *         .build();
     * }</pre>
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
    protected abstract void applyEnv(Function<String, String> env);

    /**
     * The transport configuration so far, for the concrete builder's {@code build()}.
     *
     * @return a copy of the configuration with the base URL checked
     */
    protected final TransportConfig transportConfig() {
        TransportConfig c = config.copy();
        c.baseUrl = io.github.chatsdk.core.internal.BaseUrls.parse(baseUrl, allowInsecureHttp);
        c.extraHeaders = Map.copyOf(headers);
        c.logLevel = logLevel != null ? logLevel : LogLevel.parse(System.getenv("CHATSDK_LOG")).orElse(LogLevel.OFF);
        return c;
    }

    private static Duration positive(String name, Duration d) {
        return io.github.chatsdk.core.internal.Check.positive(name, d);
    }
}
