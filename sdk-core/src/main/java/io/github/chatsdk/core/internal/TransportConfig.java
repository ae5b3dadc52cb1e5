package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.core.Sleeper;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Everything the transport needs, fixed when a client is built. */
public final class TransportConfig {
    public HttpUrl baseUrl;
    public String product;
    public AuthHeader auth;
    /** Every header that may carry a credential of this API: all are removed before {@link #auth} is set. */
    public List<String> credentialHeaders = List.of();
    public int maxRetries = 2;
    public Duration retryBaseDelay = Duration.ofMillis(500);
    public Duration retryMaxDelay = Duration.ofSeconds(8);
    public Duration maxRetryAfter = Duration.ofSeconds(60);
    public Duration connectTimeout = Duration.ofSeconds(10);
    public Duration readTimeout = Duration.ofSeconds(60);
    public Duration writeTimeout = Duration.ofSeconds(30);
    public Duration callTimeout = Duration.ofSeconds(90);
    public OkHttpClient okHttpClient;
    public Proxy proxy;
    public SSLSocketFactory sslSocketFactory;
    public X509TrustManager trustManager;
    public Sleeper sleeper = Sleeper.SYSTEM;
    /** What asynchronous calls wait with; {@code null}: the transport's own, shut down by close(). */
    public ScheduledExecutorService scheduler;
    public Clock clock = Clock.systemUTC();
    public DoubleSupplier jitter = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    public Map<String, String> extraHeaders = Map.of();
    public LogLevel logLevel = LogLevel.OFF;
    /** Whether the client-side rate limiter is on (off by default). */
    public boolean waitWhenRateLimited;

    public TransportConfig copy() {
        TransportConfig c = new TransportConfig();
        c.baseUrl = baseUrl;
        c.product = product;
        c.auth = auth;
        c.credentialHeaders = credentialHeaders;
        c.maxRetries = maxRetries;
        c.retryBaseDelay = retryBaseDelay;
        c.retryMaxDelay = retryMaxDelay;
        c.maxRetryAfter = maxRetryAfter;
        c.connectTimeout = connectTimeout;
        c.readTimeout = readTimeout;
        c.writeTimeout = writeTimeout;
        c.callTimeout = callTimeout;
        c.okHttpClient = okHttpClient;
        c.proxy = proxy;
        c.sslSocketFactory = sslSocketFactory;
        c.trustManager = trustManager;
        c.sleeper = sleeper;
        c.scheduler = scheduler;
        c.clock = clock;
        c.jitter = jitter;
        c.extraHeaders = extraHeaders;
        c.logLevel = logLevel;
        c.waitWhenRateLimited = waitWhenRateLimited;
        return c;
    }
}
