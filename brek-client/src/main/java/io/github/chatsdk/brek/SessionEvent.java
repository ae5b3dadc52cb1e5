package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** One entry of a session's event history, from {@link BrekSessions#get(String)}. */
public final class SessionEvent {
    private final String eventId;
    private final EventKind kind;
    private final String resultStatus;
    private final OffsetDateTime recordedAt;

    SessionEvent(String eventId, EventKind kind, String resultStatus, OffsetDateTime recordedAt) {
        this.eventId = eventId;
        this.kind = kind;
        this.resultStatus = resultStatus;
        this.recordedAt = recordedAt;
    }

    /** @return the event id, such as {@code evt_1771456966998}, if given */
    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    /** @return the event kind, if given (unknown kinds pass through) */
    public Optional<EventKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** @return the status the event produced, such as {@code shortlist}, if given */
    public Optional<String> resultStatus() {
        return Optional.ofNullable(resultStatus);
    }

    /** @return when the event was recorded, if given */
    public Optional<OffsetDateTime> recordedAt() {
        return Optional.ofNullable(recordedAt);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SessionEvent)) {
            return false;
        }
        SessionEvent that = (SessionEvent) o;
        return Objects.equals(eventId, that.eventId) && Objects.equals(kind, that.kind) &&
                Objects.equals(resultStatus, that.resultStatus) && Objects.equals(recordedAt, that.recordedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, kind, resultStatus, recordedAt);
    }

    @Override
    public String toString() {
        return "SessionEvent{eventId=" + eventId + ", kind=" + kind + ", resultStatus=" + resultStatus
                + ", recordedAt=" + recordedAt + '}';
    }
}
