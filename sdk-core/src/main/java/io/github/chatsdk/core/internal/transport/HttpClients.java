package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ClientOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttpClient of one chatsdk client: the caller's (sharing its dispatcher and pool unless
 * the builder set concurrency or pool sizes) or a new one, always with OkHttp's silent retry and
 * redirect following off, the interceptors of the transport, and the configured timeouts, proxy and
 * TLS.
 */
final class HttpClients {
    /** How long an idle connection is kept by default (OkHttp's own default). */
    private static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(5);

    private HttpClients() {
    }

    /** The client, and which of its resources the transport owns (and releases on close). */
    static final class Built {
        final OkHttpClient http;
        /** The dispatcher's executor is the transport's: shut it down on close. */
        final boolean ownsExecutor;
        /** The connection pool is the transport's: evict it on close. */
        final boolean ownsPool;

        Built(OkHttpClient http, boolean ownsExecutor, boolean ownsPool) {
            this.http = http;
            this.ownsExecutor = ownsExecutor;
            this.ownsPool = ownsPool;
        }
    }

    static Built build(ClientOptions o, Attempts attempts, ConnectionGuard guard) {
        OkHttpClient shared = o.okHttpClient().orElse(null);
        OkHttpClient.Builder b = shared == null ? new OkHttpClient.Builder() : shared.newBuilder();
        b.retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(NoSilentRetry.RESTORE)
                .addInterceptor(new RequestTimeouts(attempts))
                .addInterceptor(new SameOriginRedirects())
                .addNetworkInterceptor(guard)
                .addNetworkInterceptor(NoSilentRetry.HIDE)
                .connectTimeout(o.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(o.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(o.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(o.timeout().toMillis(), TimeUnit.MILLISECONDS);
        o.proxy().ifPresent(b::proxy);
        if (o.sslSocketFactory().isPresent()) {
            b.sslSocketFactory(o.sslSocketFactory().get(), o.trustManager().orElseThrow());
        }
        boolean concurrencySet = o.maxConcurrentRequests().isPresent() || o.maxConcurrentRequestsPerHost().isPresent();
        if (shared == null || concurrencySet) {
            // OkHttp's default of 5 calls per host is too low for asynchronous fan-out
            Dispatcher d = shared == null ? new Dispatcher() : new Dispatcher(shared.dispatcher().executorService());
            d.setMaxRequests(o.maxConcurrentRequests().orElse(shared == null
                    ? ClientOptions.DEFAULT_MAX_CONCURRENT_REQUESTS : shared.dispatcher().getMaxRequests()));
            d.setMaxRequestsPerHost(o.maxConcurrentRequestsPerHost().orElse(shared == null
                    ? ClientOptions.DEFAULT_MAX_CONCURRENT_REQUESTS : shared.dispatcher().getMaxRequestsPerHost()));
            b.dispatcher(d);
        }
        boolean poolSet = o.maxIdleConnections().isPresent() || o.keepAlive().isPresent();
        if (shared == null || poolSet) {
            // OkHttp's default pool keeps 5 idle connections: a burst of calls would reconnect every time
            int maxIdle = o.maxIdleConnections().orElse(ClientOptions.DEFAULT_MAX_IDLE_CONNECTIONS);
            b.connectionPool(new ConnectionPool(maxIdle, o.keepAlive().orElse(DEFAULT_KEEP_ALIVE).toMillis(),
                    TimeUnit.MILLISECONDS));
        }
        return new Built(b.build(), shared == null, shared == null || poolSet);
    }
}
