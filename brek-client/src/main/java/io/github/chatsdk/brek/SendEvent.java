package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.internal.Check;
import io.github.chatsdk.core.internal.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event to send into a session: a natural-language turn ({@link #text}) or an explicit kind
 * with a payload ({@link #ofKind}). Immutable: every method returns a new value.
 *
 * <p>Every event carries an idempotency key. Give your own with {@link #idempotencyKey(String)}
 * (for example from {@link IdempotencyKeys#deterministic}); otherwise the client generates one per
 * call and sends that same key on every retry.
 *
 * <pre>{@code
 * brek.events().send(SendEvent.ofKind(sessionId, EventKind.ACTION_BOOK_OPTION)
 *         .payload(Map.of("optionId", optionId))
 *         .idempotencyKey(IdempotencyKeys.deterministic("shop", sessionId, "book", 1)));
 * }</pre>
 */
public final class SendEvent {
    private final String sessionId;
    private final String actorId;
    private final String text;
    private final EventKind kind;
    private final Map<String, Object> payload;
    private final String idempotencyKey;

    private SendEvent(String sessionId, String actorId, String text, EventKind kind, Map<String, Object> payload,
            String idempotencyKey) {
        this.sessionId = sessionId;
        this.actorId = actorId;
        this.text = text;
        this.kind = kind;
        this.payload = payload;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * A natural-language turn from the actor, such as {@code "Seattle Mar 20-23 1 room refundable"}.
     *
     * @param sessionId the session
     * @param actorId the actor who speaks (must be the session's owner)
     * @param text what the actor says; not blank
     * @return the event
     */
    public static SendEvent text(String sessionId, String actorId, String text) {
        return new SendEvent(Check.pathSegment("sessionId", sessionId), Check.nonBlank("actor.actorId", actorId),
                Check.nonBlank("text", text), null, null, null);
    }

    /**
     * An explicit event of the given kind; add its {@link #payload(Map)}.
     *
     * @param sessionId the session
     * @param kind the kind, for example {@link EventKind#ACTION_BOOK_OPTION}
     * @return the event
     */
    public static SendEvent ofKind(String sessionId, EventKind kind) {
        return new SendEvent(Check.pathSegment("sessionId", sessionId), null, null,
                Objects.requireNonNull(kind, "kind == null"), null, null);
    }

    /**
     * The actor who sends the event ({@code actor.actorId}).
     *
     * @param actorId the actor id; not blank
     * @return a copy with the actor
     */
    public SendEvent actorId(String actorId) {
        return new SendEvent(sessionId, Check.nonBlank("actor.actorId", actorId), text, kind, payload, idempotencyKey);
    }

    /**
     * The event's free-form payload, such as {@code {"optionId": "..."}}. Values may be strings,
     * numbers, booleans, lists and maps.
     *
     * @param payload the payload (copied)
     * @return a copy with the payload
     */
    @SuppressWarnings("unchecked")
    public SendEvent payload(Map<String, ?> payload) {
        Objects.requireNonNull(payload, "payload == null");
        Map<String, Object> copy = (Map<String, Object>) Json.freezeInput("payload", payload);
        return new SendEvent(sessionId, actorId, text, kind, copy, idempotencyKey);
    }

    /**
     * The idempotency key to send. The server applies a write with a given key at most once.
     *
     * @param key not blank, at most {@value IdempotencyKeys#MAX_LENGTH} characters
     * @return a copy with the key
     * @throws InvalidInputException when the key is not acceptable
     */
    public SendEvent idempotencyKey(String key) {
        return new SendEvent(sessionId, actorId, text, kind, payload, IdempotencyKeys.validate(key));
    }

    void validate() {
        if (text == null && kind == null) {
            throw new InvalidInputException("text", "or kind is required: an event needs one of them");
        }
    }

    /** @return the session id */
    public String sessionId() {
        return sessionId;
    }

    /** @return the actor id, if set */
    public Optional<String> actorId() {
        return Optional.ofNullable(actorId);
    }

    /** @return the text, for a natural-language turn */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** @return the kind, for an explicit event */
    public Optional<EventKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** @return the payload, unmodifiable, if set */
    public Optional<Map<String, Object>> payload() {
        return Optional.ofNullable(payload);
    }

    /** @return the caller's idempotency key, if set */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SendEvent)) {
            return false;
        }
        SendEvent that = (SendEvent) o;
        return Objects.equals(sessionId, that.sessionId) && Objects.equals(actorId, that.actorId) &&
                Objects.equals(text, that.text) && Objects.equals(kind, that.kind) &&
                Objects.equals(payload, that.payload) && Objects.equals(idempotencyKey, that.idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, actorId, text, kind, payload, idempotencyKey);
    }

    @Override
    public String toString() {
        return "SendEvent{sessionId=" + sessionId + ", actorId=" + actorId + ", kind=" + kind
                + (text != null ? ", text=" + text : "") + (payload != null ? ", payload=" + payload : "")
                + ", idempotencyKey=" + idempotencyKey + '}';
    }
}
