package io.github.chatsdk.brek;

import io.github.chatsdk.brek.internal.generated.model.GetSessionResponseData;
import io.github.chatsdk.core.ResponseMeta;
import java.util.List;
import java.util.Optional;

/** A session's current state and event history, from {@link BrekSessions#get(String)}. */
public final class SessionSnapshot {
    private final String sessionId;
    private final String tenantId;
    private final String actorId;
    private final List<SessionEvent> events;
    private final ResponseMeta meta;
    private final GetSessionResponseData raw;

    SessionSnapshot(String sessionId, String tenantId, String actorId, List<SessionEvent> events, ResponseMeta meta,
            GetSessionResponseData raw) {
        this.sessionId = sessionId;
        this.tenantId = tenantId;
        this.actorId = actorId;
        this.events = events;
        this.meta = meta;
        this.raw = raw;
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
     * The generated model, for fields this type does not surface (internal package, may change).
     *
     * @return the generated {@code GetSessionResponseData}
     */
    public GetSessionResponseData raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "SessionSnapshot{sessionId=" + sessionId + ", tenantId=" + tenantId + ", actorId=" + actorId
                + ", events=" + events.size() + '}';
    }
}
