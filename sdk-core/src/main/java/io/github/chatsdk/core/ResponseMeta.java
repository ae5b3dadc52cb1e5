package io.github.chatsdk.core;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a client needs from an HTTP response besides its body: the status, the headers, the
 * request id to quote in a support ticket, the rate-limit state, and how many attempts it took.
 * Every result and every {@link ServiceException} carries one.
 */
public final class ResponseMeta {
    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final RateLimit rateLimit;
    private final int attempts;

    /**
     * Creates response metadata.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers; names are matched case-insensitively
     * @param rateLimit the rate-limit state, or {@code null} when the response had none
     * @param attempts how many attempts the call took (1 without retries)
     */
    public ResponseMeta(int statusCode, Map<String, List<String>> headers, RateLimit rateLimit, int attempts) {
        Objects.requireNonNull(headers, "headers == null");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        this.statusCode = statusCode;
        this.headers = Collections.unmodifiableMap(copy);
        this.rateLimit = rateLimit;
        this.attempts = attempts;
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * All response headers, unmodifiable; lookups ignore case.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of one response header.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The request id from the {@code x-request-id} header, for support and log correlation.
     *
     * @return the request id, or empty when the server sent none
     */
    public Optional<String> requestId() {
        return header("x-request-id");
    }

    /**
     * The rate-limit state reported by this response.
     *
     * @return the rate limit, or empty when the response had no rate-limit headers
     */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /**
     * How many HTTP attempts this call took; more than 1 means it was retried.
     *
     * @return the attempt count
     */
    public int attempts() {
        return attempts;
    }

    @Override
    public String toString() {
        return "ResponseMeta{status=" + statusCode + ", requestId=" + requestId().orElse(null)
                + ", rateLimit=" + rateLimit + ", attempts=" + attempts + '}';
    }
}
