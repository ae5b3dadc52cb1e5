package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.Headers;

/**
 * What a client needs from an HTTP response besides its body: the status, the headers, the
 * request id to quote in a support ticket, the rate-limit state, and how many attempts it took.
 * Every result and every {@link ServiceException} carries one.
 */
public final class ResponseMeta {
    private final int statusCode;
    /**
     * The headers flattened to name/value pairs ({@code name, value, name, value, ...}), one array
     * per response: the case-insensitive map view is built only when asked for. From a map, the
     * pairs of one entry are adjacent and share the same name instance, and an entry without
     * values is one pair whose value is {@code null}; from OkHttp's headers ({@link #wireOrder}),
     * the pairs are the header lines in the order received, names in lower case.
     */
    private final String[] pairs;
    /** Whether {@link #pairs} are header lines in wire order rather than map entries. */
    private final boolean wireOrder;
    private final RateLimit rateLimit;
    private final int attempts;
    private volatile Map<String, List<String>> headers;

    /**
     * Creates response metadata.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers; names are matched case-insensitively
     * @param rateLimit the rate-limit state, or {@code null} when the response had none
     * @param attempts how many attempts the call took (1 without retries)
     */
    public ResponseMeta(int statusCode, Map<String, List<String>> headers, @Nullable RateLimit rateLimit, int attempts) {
        Objects.requireNonNull(headers, "headers == null");
        String[] p = new String[2 * headers.size()];
        int n = 0;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "header name == null");
            List<String> values = Objects.requireNonNull(e.getValue(), "header values == null");
            int count = Math.max(1, values.size());
            if (n + 2 * count > p.length) {
                p = Arrays.copyOf(p, Math.max(2 * p.length, n + 2 * count));
            }
            if (values.isEmpty()) {
                p[n++] = name;
                p[n++] = null;
            }
            for (String v : values) {
                p[n++] = name;
                p[n++] = Objects.requireNonNull(v, "header value == null");
            }
        }
        this.statusCode = statusCode;
        this.pairs = n == p.length ? p : Arrays.copyOf(p, n);
        this.wireOrder = false;
        this.rateLimit = rateLimit;
        this.attempts = attempts;
    }

    /**
     * Creates response metadata from OkHttp's response headers, without copying them into a map
     * first. Header names are kept in lower case; the values of a name are kept in the order
     * received.
     *
     * @param statusCode the HTTP status
     * @param headers the response headers
     * @param rateLimit the rate-limit state, or {@code null} when the response had none
     * @param attempts how many attempts the call took (1 without retries)
     */
    public ResponseMeta(int statusCode, Headers headers, @Nullable RateLimit rateLimit, int attempts) {
        Objects.requireNonNull(headers, "headers == null");
        String[] p = new String[2 * headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            p[2 * i] = headers.name(i).toLowerCase(Locale.US);
            p[2 * i + 1] = headers.value(i);
        }
        this.statusCode = statusCode;
        this.pairs = p;
        this.wireOrder = true;
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
        Map<String, List<String>> m = headers;
        if (m == null) {
            m = Collections.unmodifiableMap(wireOrder ? groupLines() : copyEntries());
            headers = m;
        }
        return m;
    }

    /** The map a header multimap gives: each name once, its values in the order received. */
    private TreeMap<String, List<String>> groupLines() {
        TreeMap<String, List<String>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            grouped.computeIfAbsent(pairs[i], k -> new ArrayList<>(2)).add(pairs[i + 1]);
        }
        grouped.replaceAll((name, values) -> List.copyOf(values));
        return grouped;
    }

    /** The entries as given, each name's values as given (a later entry wins over an earlier one of the same name). */
    private TreeMap<String, List<String>> copyEntries() {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int i = 0;
        while (i < pairs.length) {
            int end = entryEnd(i);
            if (pairs[i + 1] == null) {
                copy.put(pairs[i], List.of());
            } else {
                String[] values = new String[(end - i) / 2];
                for (int k = i, v = 0; k < end; k += 2) {
                    values[v++] = pairs[k + 1];
                }
                copy.put(pairs[i], List.of(values));
            }
            i = end;
        }
        return copy;
    }

    /** The index after the last pair of the entry whose first pair is at {@code start}. */
    private int entryEnd(int start) {
        int end = start + 2;
        while (end < pairs.length && pairs[end] == pairs[start]) {
            end += 2;
        }
        return end;
    }

    /**
     * The first value of one response header.
     *
     * @param name the header name, any case
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        if (wireOrder) {
            // the first line of that name
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equalsIgnoreCase(name)) {
                    return Optional.of(pairs[i + 1]);
                }
            }
            return Optional.empty();
        }
        // as headers().get(name): the last entry whose name matches wins; its first value
        String value = null;
        for (int i = 0; i < pairs.length; i = entryEnd(i)) {
            if (pairs[i].equalsIgnoreCase(name)) {
                value = pairs[i + 1];
            }
        }
        return Optional.ofNullable(value);
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

    /**
     * Value equality: same status, headers (names ignoring case, values in order), rate limit and
     * attempts.
     */
    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResponseMeta)) {
            return false;
        }
        ResponseMeta that = (ResponseMeta) o;
        return statusCode == that.statusCode && attempts == that.attempts
                && Objects.equals(rateLimit, that.rateLimit) && headers().equals(that.headers());
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, attempts, rateLimit, headers());
    }

    @Override
    public String toString() {
        return "ResponseMeta{status=" + statusCode + ", requestId=" + requestId().orElse(null)
                + ", rateLimit=" + rateLimit + ", attempts=" + attempts + '}';
    }
}
