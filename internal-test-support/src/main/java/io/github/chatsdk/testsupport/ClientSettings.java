package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.BaseClientBuilder;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.core.Sleeper;
import java.time.Clock;
import java.util.Objects;
import okhttp3.tls.HandshakeCertificates;

/**
 * The transport settings a shared suite wants on the client it tests: where the server is, the
 * sleeper and clock that make retries instant and observable (asynchronous calls report their
 * delays to the same sleeper), the log level, and optionally the
 * retry count, TLS trust and the client-side rate limiter. Immutable.
 */
public final class ClientSettings {
    private final String baseUrl;
    private final Sleeper sleeper;
    private final Clock clock;
    private final LogLevel logLevel;
    private final Integer maxRetries;
    private final HandshakeCertificates tls;
    private final boolean waitWhenRateLimited;

    private ClientSettings(String baseUrl, Sleeper sleeper, Clock clock, LogLevel logLevel, Integer maxRetries,
            HandshakeCertificates tls, boolean waitWhenRateLimited) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.logLevel = logLevel;
        this.maxRetries = maxRetries;
        this.tls = tls;
        this.waitWhenRateLimited = waitWhenRateLimited;
    }

    /** Settings for a server at {@code baseUrl}, logging at DEBUG, everything else the client's default. */
    public static ClientSettings of(String baseUrl, Sleeper sleeper, Clock clock) {
        return new ClientSettings(baseUrl, sleeper, clock, LogLevel.DEBUG, null, null, false);
    }

    /** A copy with another base URL. */
    public ClientSettings baseUrl(String url) {
        return new ClientSettings(url, sleeper, clock, logLevel, maxRetries, tls, waitWhenRateLimited);
    }

    /** A copy with the client's retry count set. */
    public ClientSettings maxRetries(int n) {
        return new ClientSettings(baseUrl, sleeper, clock, logLevel, n, tls, waitWhenRateLimited);
    }

    /** A copy that trusts the certificates of a TLS MockWebServer. */
    public ClientSettings tls(HandshakeCertificates clientCertificates) {
        return new ClientSettings(baseUrl, sleeper, clock, logLevel, maxRetries, clientCertificates,
                waitWhenRateLimited);
    }

    /** A copy with the client-side rate limiter on or off. */
    public ClientSettings waitWhenRateLimited(boolean enabled) {
        return new ClientSettings(baseUrl, sleeper, clock, logLevel, maxRetries, tls, enabled);
    }

    /** A copy with another log level. */
    public ClientSettings logLevel(LogLevel level) {
        return new ClientSettings(baseUrl, sleeper, clock, level, maxRetries, tls, waitWhenRateLimited);
    }

    /** The base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Applies these settings to a client builder; the caller adds the credential and builds.
     *
     * @param builder a Brek or Helvia client builder
     * @param <B> the builder type
     * @return the builder
     */
    public <B extends BaseClientBuilder<B>> B applyTo(B builder) {
        builder.baseUrl(baseUrl).sleeper(sleeper).clock(clock)
                .waitWhenRateLimited(waitWhenRateLimited);
        if (logLevel != null) {
            builder.logLevel(logLevel);
        }
        if (maxRetries != null) {
            builder.maxRetries(maxRetries);
        }
        if (tls != null) {
            builder.sslSocketFactory(tls.sslSocketFactory(), tls.trustManager());
        }
        return builder;
    }
}
