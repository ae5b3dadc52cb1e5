package io.github.chatsdk.testkit;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request a sandbox received, with what it answered: for assertions on what your code sent.
 * Immutable. Obtain them from {@code sandbox.requests()}, oldest first.
 *
 * <pre>{@code
 * long bookings = sandbox.requests().stream()
 *         .filter(r -> r.jsonString("kind").orElse("").equals("action_book_option"))
 *         .filter(r -> r.idempotencyKey().orElse("").equals(key))
 *         .count();
 * }</pre>
 *
 * <p>Header names are lower case here; lookups by {@link #header(String)} ignore case.
 * {@link #toString()} redacts credentials.
 */
public final class SandboxRequest {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-partner-api-key", "api-key");

    private final int sequence;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final JsonElement json;
    private final Fault fault;
    private final int responseStatus;
    private final boolean responseDelivered;
    private final Map<String, List<String>> responseHeaders;
    private final String responseBody;

    SandboxRequest(Incoming in, Fault fault, Reply reply, boolean delivered) {
        this.sequence = in.sequence;
        this.receivedAt = in.receivedAt;
        this.method = in.method;
        this.path = in.rawPath;
        this.query = in.rawQuery;
        this.headers = in.headers;
        this.body = in.body;
        this.json = in.json().map(JsonElement::deepCopy).orElse(null);
        this.fault = fault;
        this.responseStatus = reply == null ? 0 : reply.status;
        this.responseDelivered = reply != null && delivered;
        Map<String, List<String>> rh = new TreeMap<>();
        if (reply != null) {
            reply.headers.forEach((k, v) -> rh.put(k, List.of(v)));
        }
        this.responseHeaders = Collections.unmodifiableMap(rh);
        this.responseBody = reply == null ? "" : reply.body;
    }

    /**
     * The order in which the sandbox received this request, from 1 (the log itself is in the
     * order responses were decided, which differs only for concurrent or delayed requests).
     *
     * @return the sequence number
     */
    public int sequence() {
        return sequence;
    }

    /**
     * When the request arrived, by the sandbox's clock.
     *
     * @return the instant
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * The HTTP method, such as {@code POST}.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The path as sent, still percent-encoded, without the query.
     *
     * @return the path, such as {@code /api/partner/v1/core-chat/sessions/a%2Fb}
     */
    public String path() {
        return path;
    }

    /**
     * The raw query string.
     *
     * @return the query without {@code ?}, if the request had one
     */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * Every request header, names in lower case, values in the order received.
     *
     * @return the headers, unmodifiable
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a request header.
     *
     * @param name the name, in any case
     * @return the value, if the header was sent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The request body as text (UTF-8); empty when there was none.
     *
     * @return the body
     */
    public String body() {
        return body;
    }

    /**
     * The request body parsed as JSON (strictly).
     *
     * @return a copy of the parsed body, or empty when the body is not JSON
     */
    public Optional<JsonElement> json() {
        return json == null ? Optional.empty() : Optional.of(json.deepCopy());
    }

    /**
     * A string member of the JSON body at a dotted path, such as {@code "actor.actorId"},
     * {@code "kind"} or {@code "sender.id"}.
     *
     * @param dottedPath member names separated by dots
     * @return the string, if the body has one there
     */
    public Optional<String> jsonString(String dottedPath) {
        return json == null ? Optional.empty() : JsonSupport.string(json, dottedPath);
    }

    /**
     * The body's {@code idempotencyKey} (Brek events).
     *
     * @return the key, if the body has a string one
     */
    public Optional<String> idempotencyKey() {
        return jsonString("idempotencyKey");
    }

    /**
     * The injected fault this request met.
     *
     * @return the fault, if one was queued for it
     */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    /**
     * The status the sandbox answered, or decided before a {@link Fault#disconnectAfterProcessing()}.
     *
     * @return the status, or 0 when the request was dropped unprocessed ({@link Fault#disconnect()})
     */
    public int responseStatus() {
        return responseStatus;
    }

    /**
     * Whether the response was sent (the client may still have given up before reading it).
     *
     * @return {@code false} when the connection was closed instead
     */
    public boolean responseDelivered() {
        return responseDelivered;
    }

    /**
     * The response headers the sandbox set, names in lower case (the HTTP server adds
     * {@code Date} and {@code Content-length} itself).
     *
     * @return the headers, unmodifiable
     */
    public Map<String, List<String>> responseHeaders() {
        return responseHeaders;
    }

    /**
     * A response header the sandbox set.
     *
     * @param name the name, in any case
     * @return the value, if set
     */
    public Optional<String> responseHeader(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The response body, as sent or as it would have been sent.
     *
     * @return the body, empty when none was decided
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * Whether a Brek event was answered from the idempotency store (a replay of a key already
     * seen in the session), so that no new event was recorded. The response then carries
     * {@code idempotent-replayed: true}.
     *
     * @return {@code true} for a replay
     */
    public boolean replayed() {
        return responseHeader("idempotent-replayed").map("true"::equals).orElse(false);
    }

    /**
     * A one-line description with credentials redacted.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SandboxRequest{#").append(sequence).append(' ').append(method).append(' ')
                .append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        sb.append(", headers={");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append('=').append(SECRET_HEADERS.contains(e.getKey()) ? "[redacted]" : e.getValue());
        }
        sb.append("}, body=").append(body).append(", status=").append(responseStatus);
        if (fault != null) {
            sb.append(", fault=").append(fault);
        }
        return sb.append('}').toString();
    }
}
