package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.RequestOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the transport should treat one logical call: whether resending it is safe, whether it
 * carries the credential, the idempotency key it carries, and per-request overrides. Immutable.
 */
public final class CallSpec {
    final boolean retrySafe;
    final boolean authenticated;
    final String idempotencyKey;
    final ErrorParser errorParser;
    final Integer maxRetries;
    final Duration timeout;
    final RequestTimeouts.Tag timeouts;
    final Map<String, String> extraHeaders;

    private CallSpec(boolean retrySafe, boolean authenticated, String idempotencyKey, ErrorParser errorParser,
            Integer maxRetries, Duration timeout, RequestTimeouts.Tag timeouts, Map<String, String> extraHeaders) {
        this.retrySafe = retrySafe;
        this.authenticated = authenticated;
        this.idempotencyKey = idempotencyKey;
        this.errorParser = Objects.requireNonNull(errorParser, "errorParser == null");
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.timeouts = timeouts;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    /**
     * @param retrySafe true when the request may be resent after it reached the server (GETs, and
     *     writes that carry an idempotency key); false means only a request that certainly never
     *     reached the server (or was refused with 429) is resent
     * @param authenticated whether the request carries the client's credential
     */
    public static CallSpec of(boolean retrySafe, boolean authenticated, ErrorParser errorParser) {
        return new CallSpec(retrySafe, authenticated, null, errorParser, null, null, null, Map.of());
    }

    /** The idempotency key the request carries (in its body or a header), reported on results and exceptions. */
    public CallSpec idempotencyKey(String key) {
        return new CallSpec(retrySafe, authenticated, key, errorParser, maxRetries, timeout, timeouts, extraHeaders);
    }

    /** The retry count of this call, or {@code null} for the client's. */
    public CallSpec maxRetries(Integer n) {
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, n, timeout, timeouts, extraHeaders);
    }

    /** The whole-call timeout of each attempt. */
    public CallSpec timeout(Duration t) {
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, maxRetries, t, timeouts, extraHeaders);
    }

    /** Headers added to this call only (already checked by the caller). */
    public CallSpec extraHeaders(Map<String, String> headers) {
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, maxRetries, timeout, timeouts,
                headers);
    }

    /** This spec with the caller's per-request options applied on top. */
    public CallSpec options(RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        if (options.equals(RequestOptions.defaults())) {
            return this; // nothing to apply: no copies on the common path
        }
        Integer n = options.maxRetries().isPresent() ? Integer.valueOf(options.maxRetries().getAsInt()) : maxRetries;
        Duration t = options.timeout().orElse(timeout);
        RequestTimeouts.Tag tag = new RequestTimeouts.Tag(
                options.connectTimeout().orElse(timeouts == null ? null : timeouts.connect),
                options.readTimeout().orElse(timeouts == null ? null : timeouts.read),
                options.writeTimeout().orElse(timeouts == null ? null : timeouts.write));
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.putAll(options.headers());
        return new CallSpec(retrySafe, authenticated, idempotencyKey, errorParser, n, t, tag.isEmpty() ? null : tag,
                headers);
    }

    /** The key set with {@link #idempotencyKey(String)}, or {@code null}. */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
