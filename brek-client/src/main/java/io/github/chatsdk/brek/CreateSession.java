package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.internal.Check;
import java.util.Objects;
import java.util.Optional;

/**
 * What to create a session with: the actor (required) and optional channel and conversation
 * details. Immutable: every method returns a new value.
 *
 * <pre>{@code
 * Session s = brek.sessions().create(
 *         CreateSession.forActor("partner_user_001").timezoneOffsetMinutes(-480).workspaceId("partner-workspace"));
 * }</pre>
 */
public final class CreateSession {
    private final String actorId;
    private final Integer timezoneOffsetMinutes;
    private final String workspaceId;
    private final String conversationId;
    private final String channelId;
    private final String threadTs;

    private CreateSession(String actorId, Integer timezoneOffsetMinutes, String workspaceId, String conversationId,
            String channelId, String threadTs) {
        this.actorId = actorId;
        this.timezoneOffsetMinutes = timezoneOffsetMinutes;
        this.workspaceId = workspaceId;
        this.conversationId = conversationId;
        this.channelId = channelId;
        this.threadTs = threadTs;
    }

    /**
     * A session for one actor (your end user's id in your system).
     *
     * @param actorId the actor id; must not be blank
     * @return the request
     * @throws io.github.chatsdk.core.InvalidInputException when {@code actorId} is blank
     */
    public static CreateSession forActor(String actorId) {
        return new CreateSession(Check.nonBlank("actor.actorId", actorId), null, null, null, null, null);
    }

    /**
     * The actor's offset from UTC in minutes, for example {@code -480} for UTC-8.
     *
     * @param minutes the offset
     * @return a copy with the offset
     */
    public CreateSession timezoneOffsetMinutes(int minutes) {
        return new CreateSession(actorId, minutes, workspaceId, conversationId, channelId, threadTs);
    }

    /**
     * The partner workspace ({@code channel.workspaceId}).
     *
     * @param workspaceId the workspace id
     * @return a copy with the workspace
     */
    public CreateSession workspaceId(String workspaceId) {
        return new CreateSession(actorId, timezoneOffsetMinutes, Objects.requireNonNull(workspaceId, "workspaceId == null"),
                conversationId, channelId, threadTs);
    }

    /**
     * The conversation id ({@code conversation.id}).
     *
     * @param conversationId the id
     * @return a copy with the id
     */
    public CreateSession conversationId(String conversationId) {
        return new CreateSession(actorId, timezoneOffsetMinutes, workspaceId,
                Objects.requireNonNull(conversationId, "conversationId == null"), channelId, threadTs);
    }

    /**
     * The conversation's channel id ({@code conversation.channelId}).
     *
     * @param channelId the id
     * @return a copy with the id
     */
    public CreateSession channelId(String channelId) {
        return new CreateSession(actorId, timezoneOffsetMinutes, workspaceId, conversationId,
                Objects.requireNonNull(channelId, "channelId == null"), threadTs);
    }

    /**
     * The conversation's thread timestamp ({@code conversation.threadTs}).
     *
     * @param threadTs the thread timestamp
     * @return a copy with it
     */
    public CreateSession threadTs(String threadTs) {
        return new CreateSession(actorId, timezoneOffsetMinutes, workspaceId, conversationId, channelId,
                Objects.requireNonNull(threadTs, "threadTs == null"));
    }

    /** @return the actor id */
    public String actorId() {
        return actorId;
    }

    /** @return the timezone offset in minutes, if set */
    public Optional<Integer> timezoneOffsetMinutes() {
        return Optional.ofNullable(timezoneOffsetMinutes);
    }

    /** @return the workspace id, if set */
    public Optional<String> workspaceId() {
        return Optional.ofNullable(workspaceId);
    }

    /** @return the conversation id, if set */
    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    /** @return the conversation channel id, if set */
    public Optional<String> channelId() {
        return Optional.ofNullable(channelId);
    }

    /** @return the conversation thread timestamp, if set */
    public Optional<String> threadTs() {
        return Optional.ofNullable(threadTs);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CreateSession)) {
            return false;
        }
        CreateSession that = (CreateSession) o;
        return Objects.equals(actorId, that.actorId) &&
                Objects.equals(timezoneOffsetMinutes, that.timezoneOffsetMinutes) &&
                Objects.equals(workspaceId, that.workspaceId) &&
                Objects.equals(conversationId, that.conversationId) && Objects.equals(channelId, that.channelId) &&
                Objects.equals(threadTs, that.threadTs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actorId, timezoneOffsetMinutes, workspaceId, conversationId, channelId, threadTs);
    }

    @Override
    public String toString() {
        return "CreateSession{actorId=" + actorId + ", timezoneOffsetMinutes=" + timezoneOffsetMinutes
                + ", workspaceId=" + workspaceId + ", conversationId=" + conversationId + ", channelId=" + channelId
                + ", threadTs=" + threadTs + '}';
    }
}
