package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.ResponseMeta;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final String rawJson;

    Session(String sessionId, String tenantId, String channelType, String workspaceId, String conversationId,
            String channelId, String threadTs, String actorId, Integer timezoneOffsetMinutes, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, List<Map<String, Object>> events, ResponseMeta meta, String rawJson) {
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
        this.rawJson = rawJson;
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
        if (!(o instanceof Session)) {
            return false;
        }
        Session that = (Session) o;
        return Objects.equals(sessionId, that.sessionId) && Objects.equals(tenantId, that.tenantId) &&
                Objects.equals(channelType, that.channelType) && Objects.equals(workspaceId, that.workspaceId) &&
                Objects.equals(conversationId, that.conversationId) && Objects.equals(channelId, that.channelId) &&
                Objects.equals(threadTs, that.threadTs) && Objects.equals(actorId, that.actorId) &&
                Objects.equals(timezoneOffsetMinutes, that.timezoneOffsetMinutes) &&
                Objects.equals(createdAt, that.createdAt) && Objects.equals(updatedAt, that.updatedAt) &&
                Objects.equals(events, that.events) && Objects.equals(meta, that.meta) &&
                Objects.equals(rawJson, that.rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, tenantId, channelType, workspaceId, conversationId, channelId, threadTs,
                actorId, timezoneOffsetMinutes, createdAt, updatedAt, events, meta, rawJson);
    }

    @Override
    public String toString() {
        return "Session{sessionId=" + sessionId + ", tenantId=" + tenantId + ", actorId=" + actorId
                + ", conversationId=" + conversationId + ", createdAt=" + createdAt + '}';
    }
}
