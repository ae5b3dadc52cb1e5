package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import com.google.gson.JsonElement;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.core.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent did with one event: the recorded event, the resulting status and message, the
 * artifacts (a typed {@link #shortlist()} among them), the idempotency key that was sent and the
 * response metadata.
 *
 * <pre>{@code
 * EventResult r = brek.events().sendText(sessionId, "partner_user_001", "Seattle Mar 20-23 1 room refundable");
 * if (r.status().equals("shortlist")) {
 *     for (ShortlistOption o : r.shortlist()) { ... }
 * }
 * }</pre>
 */
public final class EventResult {
    private final String sessionId;
    private final String eventId;
    private final EventKind kind;
    private final String status;
    private final String messageText;
    private final String traceId;
    /** {@code result.artifacts} (a JSON object, or null); converted to Java on first {@link #artifacts()}. */
    private final JsonElement artifactsJson;
    private volatile Map<String, Object> artifacts;
    private final List<ShortlistOption> shortlist;
    private final String idempotencyKey;
    private final ResponseMeta meta;
    /** The response body as received. */
    private final String rawJson;

    EventResult(String sessionId, String eventId, EventKind kind, String status, String messageText, String traceId,
            JsonElement artifactsJson, List<ShortlistOption> shortlist, String idempotencyKey, ResponseMeta meta,
            String rawJson) {
        this.sessionId = sessionId;
        this.eventId = eventId;
        this.kind = kind;
        this.status = status;
        this.messageText = messageText;
        this.traceId = traceId;
        this.artifactsJson = artifactsJson;
        this.shortlist = shortlist;
        this.idempotencyKey = idempotencyKey;
        this.meta = meta;
        this.rawJson = rawJson;
    }

    /** @return the session the event went to */
    public String sessionId() {
        return sessionId;
    }

    /** @return the recorded event's id, such as {@code evt_1771456966998} */
    public String eventId() {
        return eventId;
    }

    /** @return the recorded event's kind (a text turn is recorded as {@code search_query}) */
    public EventKind kind() {
        return kind;
    }

    /** @return the result status, such as {@code shortlist}; unknown statuses pass through */
    public String status() {
        return status;
    }

    /** @return the agent's message to show the user */
    public String messageText() {
        return messageText;
    }

    /** @return the trace id for support, if given */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /**
     * The result's artifacts as free-form JSON: maps, lists, strings, booleans, integers as
     * {@code Long} and other numbers as {@code Double}. Empty when the result had none.
     *
     * @return the artifacts, unmodifiable
     */
    public Map<String, Object> artifacts() {
        Map<String, Object> a = artifacts;
        if (a == null) {
            a = Json.toJavaMap(artifactsJson);
            artifacts = a;
        }
        return a;
    }

    /**
     * The typed view of {@code artifacts.shortlist}. Entries without a string {@code optionId}
     * are left out here (they stay in {@link #artifacts()}).
     *
     * @return the options, empty when the result has no shortlist
     */
    public List<ShortlistOption> shortlist() {
        return shortlist;
    }

    /**
     * The idempotency key this event was sent with: yours, or the one the client generated. Keep
     * it to resubmit the same event safely.
     *
     * @return the key
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** @return status, headers, request id, rate limit and attempts of the response */
    public ResponseMeta meta() {
        return meta;
    }

    /** @return the resolved partner id ({@code x-partner-id}), if the server sent it */
    public Optional<String> partnerId() {
        return meta.header("x-partner-id");
    }

    /**
     * The response body exactly as received: the escape hatch for members this type does not
     * surface. Parse it with any JSON library.
     *
     * @return the body, JSON text
     */
    public String rawJson() {
        return rawJson;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EventResult)) {
            return false;
        }
        EventResult that = (EventResult) o;
        return Objects.equals(sessionId, that.sessionId) && Objects.equals(eventId, that.eventId) &&
                Objects.equals(kind, that.kind) && Objects.equals(status, that.status) &&
                Objects.equals(messageText, that.messageText) && Objects.equals(traceId, that.traceId) &&
                Objects.equals(artifactsJson, that.artifactsJson) && Objects.equals(shortlist, that.shortlist) &&
                Objects.equals(idempotencyKey, that.idempotencyKey) && Objects.equals(meta, that.meta) &&
                Objects.equals(rawJson, that.rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, eventId, kind, status, messageText, traceId, artifactsJson, shortlist,
                idempotencyKey, meta, rawJson);
    }

    @Override
    public String toString() {
        return "EventResult{eventId=" + eventId + ", kind=" + kind + ", status=" + status + ", messageText="
                + messageText + ", shortlist=" + shortlist.size() + ", idempotencyKey=" + idempotencyKey + '}';
    }
}
