package io.github.chatsdk.brek;

import io.github.chatsdk.brek.internal.generated.model.SessionData;
import io.github.chatsdk.core.ResponseMeta;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session as {@link BrekSessions#create(CreateSession)} returned it: every {@code SessionData}
 * field, plus the response metadata.
 */
public final class Session {
    private final String sessionId;
    private final String tenantId;
    private final String channelType;
    private final String workspaceId;
    private final String conversationId;
    private final String channelId;
    private final String threadTs;
    private final String actorId;
    private final Integer timezoneOffsetMinutes;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime updatedAt;
    private final List<Map<String, Object>> events;
    private final ResponseMeta meta;
    private final SessionData raw;

    Session(String sessionId, String tenantId, String channelType, String workspaceId, String conversationId,
            String channelId, String threadTs, String actorId, Integer timezoneOffsetMinutes, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, List<Map<String, Object>> events, ResponseMeta meta, SessionData raw) {
        this.sessionId = sessionId;
        this.tenantId = tenantId;
        this.channelType = channelType;
        this.workspaceId = workspaceId;
        this.conversationId = conversationId;
        this.channelId = channelId;
        this.threadTs = threadTs;
        this.actorId = actorId;
        this.timezoneOffsetMinutes = timezoneOffsetMinutes;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.events = events;
        this.meta = meta;
        this.raw = raw;
    }

    /** @return the session id, such as {@code sess_1771456953407_g7p6233d} */
    public String sessionId() {
        return sessionId;
    }

    /** @return the tenant the session belongs to */
    public String tenantId() {
        return tenantId;
    }

    /** @return the channel type as sent ({@code partner_api}; other values pass through) */
    public String channelType() {
        return channelType;
    }

    /** @return the channel's workspace id, if any */
    public Optional<String> workspaceId() {
        return Optional.ofNullable(workspaceId);
    }

    /** @return the conversation id, such as {@code partner-chat:sess_...}, if any */
    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    /** @return the conversation's channel id, if any */
    public Optional<String> channelId() {
        return Optional.ofNullable(channelId);
    }

    /** @return the conversation's thread timestamp, if any */
    public Optional<String> threadTs() {
        return Optional.ofNullable(threadTs);
    }

    /** @return the actor who owns the session */
    public String actorId() {
        return actorId;
    }

    /** @return the actor's offset from UTC in minutes, if known */
    public Optional<Integer> timezoneOffsetMinutes() {
        return Optional.ofNullable(timezoneOffsetMinutes);
    }

    /** @return when the session was created */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** @return when the session last changed */
    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** @return the session's events as free-form JSON objects (integers stay {@code Long}), unmodifiable */
    public List<Map<String, Object>> events() {
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
     * The generated model, for fields this type does not surface. It lives in an internal package
     * and may change between releases.
     *
     * @return the generated {@code SessionData}
     */
    public SessionData raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "Session{sessionId=" + sessionId + ", tenantId=" + tenantId + ", actorId=" + actorId
                + ", conversationId=" + conversationId + ", createdAt=" + createdAt + '}';
    }
}
