package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.ResponseMeta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A session's current state and event history, from {@link BrekSessions#get(String)}. */
public final class SessionSnapshot {
    private final String sessionId;
    private final String tenantId;
    private final String actorId;
    private final List<SessionEvent> events;
    private final ResponseMeta meta;
    private final String rawJson;

    SessionSnapshot(String sessionId, String tenantId, String actorId, List<SessionEvent> events, ResponseMeta meta,
            String rawJson) {
        this.sessionId = sessionId;
        this.tenantId = tenantId;
        this.actorId = actorId;
        this.events = events;
        this.meta = meta;
        this.rawJson = rawJson;
    }

    /** @return the session id */
    public String sessionId() {
        return sessionId;
    }

    /** @return the tenant id */
    public String tenantId() {
        return tenantId;
    }

    /** @return the owning actor's id, if given */
    public Optional<String> actorId() {
        return Optional.ofNullable(actorId);
    }

    /** @return the event history, oldest first as the server lists it, unmodifiable */
    public List<SessionEvent> events() {
        return events;
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
        if (!(o instanceof SessionSnapshot)) {
            return false;
        }
        SessionSnapshot that = (SessionSnapshot) o;
        return Objects.equals(sessionId, that.sessionId) && Objects.equals(tenantId, that.tenantId) &&
                Objects.equals(actorId, that.actorId) && Objects.equals(events, that.events) &&
                Objects.equals(meta, that.meta) && Objects.equals(rawJson, that.rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, tenantId, actorId, events, meta, rawJson);
    }

    @Override
    public String toString() {
        return "SessionSnapshot{sessionId=" + sessionId + ", tenantId=" + tenantId + ", actorId=" + actorId
                + ", events=" + events.size() + '}';
    }
}
