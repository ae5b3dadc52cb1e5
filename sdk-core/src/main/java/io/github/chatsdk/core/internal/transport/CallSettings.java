package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ClientOptions;
import io.github.chatsdk.core.RequestOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one call: the client's options with the call's {@link RequestOptions} (the
 * derived client's defaults, then the call's own) applied over them, resolved once per call.
 */
final class CallSettings {
    final int maxRetries;
    /** The whole-attempt timeout, or {@code null} for the OkHttp client's. */
    final Duration timeout;
    /** Per-call connect, read and write timeouts, or {@code null} for the OkHttp client's. */
    final RequestTimeouts.Overrides timeouts;
    /** The client's extra headers with the call's on top. */
    final Map<String, String> headers;
    /** The longest total wait for rate-limit permits before one attempt. */
    final Duration maxPermitWait;

    private CallSettings(int maxRetries, Duration timeout, RequestTimeouts.Overrides timeouts, Map<String, String> headers,
            Duration maxPermitWait) {
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.timeouts = timeouts;
        this.headers = headers;
        this.maxPermitWait = maxPermitWait;
    }

    static CallSettings of(ClientOptions client, RequestOptions call) {
        int maxRetries = call.maxRetries().orElse(client.maxRetries());
        Duration timeout = call.timeout().orElse(null);
        RequestTimeouts.Overrides overrides = new RequestTimeouts.Overrides(call.connectTimeout().orElse(null),
                call.readTimeout().orElse(null), call.writeTimeout().orElse(null));
        Map<String, String> headers = client.headers();
        if (!call.headers().isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(headers);
            merged.putAll(call.headers());
            headers = merged;
        }
        Duration attemptTimeout = timeout != null ? timeout : client.timeout();
        Duration maxPermitWait = client.maxRetryAfter().compareTo(attemptTimeout) < 0 ? client.maxRetryAfter()
                : attemptTimeout;
        return new CallSettings(maxRetries, timeout, overrides.isEmpty() ? null : overrides, headers, maxPermitWait);
    }
}
