package io.github.chatsdk.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the transport should treat one logical call: whether resending it is safe, whether it
 * carries the credential, the idempotency key it carries, and per-request overrides.
 */
public final class CallSpec {
    final boolean retrySafe;
    final boolean authenticated;
    final String idempotencyKey;
    final ErrorParser errorParser;
    final Integer maxRetries;
    final Duration timeout;
    final Map<String, String> extraHeaders;

    private CallSpec(boolean retrySafe, boolean authenticated, String idempotencyKey, ErrorParser errorParser,
            Integer maxRetries, Duration timeout, Map<String, String> extraHeaders) {
        this.retrySafe = retrySafe;
        this.authenticated = authenticated;
        this.idempotencyKey = idempotencyKey;
        this.errorParser = Objects.requireNonNull(errorParser, "errorParser == null");
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    /**
     * @param retrySafe true when the request may be resent after it reached the server (GETs, and
     *     writes that carry an idempotency key); false means only a request that certainly never
     *     reached the server is resent
     */
    public static CallSpec of(boolean retrySafe, boolean authenticated, ErrorParser errorParser) {
        return new CallSpec(retrySafe, authenticated, null, errorParser, null, null, Map.of());
    }

    public CallSpec idempotencyKey(String key) {
        return new CallSpec(retrySafe, authenticated, key, errorParser, maxRetries, timeout, extraHeaders);
    }

    public CallSpec maxRetries(Integer n) {
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, n, timeout, extraHeaders);
    }

    public CallSpec timeout(Duration t) {
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, maxRetries, t, extraHeaders);
    }

    public CallSpec extraHeaders(Map<String, String> headers) {
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, maxRetries, timeout, headers);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
