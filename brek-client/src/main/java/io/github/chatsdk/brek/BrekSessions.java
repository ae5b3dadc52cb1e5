package io.github.chatsdk.brek;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.brek.internal.BrekJson;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequest;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestActor;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestChannel;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestConversation;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionResponse;
import io.github.chatsdk.brek.internal.generated.model.GetSessionResponse;
import io.github.chatsdk.brek.internal.generated.model.GetSessionResponseData;
import io.github.chatsdk.brek.internal.generated.model.GetSessionResponseDataEventsInner;
import io.github.chatsdk.brek.internal.generated.api.SessionsApi;
import io.github.chatsdk.brek.internal.generated.model.SessionData;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.Check;
import io.github.chatsdk.core.internal.HttpResult;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.core.internal.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Session operations: create a session for an actor, and read a session's state and history.
 * Obtain it from {@link BrekClient#sessions()}; thread-safe.
 */
public final class BrekSessions {
    private final BrekClient client;

    BrekSessions(BrekClient client) {
        this.client = client;
    }

    /**
     * Creates a session ({@code POST /api/partner/v1/core-chat/sessions}).
     *
     * @param request the actor and optional channel and conversation details
     * @return the new session
     * @throws io.github.chatsdk.core.ServiceException on an error response (400, 401, 403, 429, 5xx)
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived
     */
    public Session create(CreateSession request) {
        return create(request, RequestOptions.defaults());
    }

    /**
     * Creates a session with per-call options (retries, timeouts, extra headers). Creating a session
     * is not idempotent: it is retried only when the request certainly never reached the server,
     * or was refused with 429.
     *
     * @param request the actor and optional channel and conversation details
     * @param options retries, timeouts and extra headers for this call
     * @return the new session
     * @throws io.github.chatsdk.core.ServiceException on an error response (400, 401, 403, 429, 5xx)
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived; when
     *     {@code outcomeUnknown()} is true, the session may have been created
     */
    public Session create(CreateSession request, RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        return client.core().run(createOperation(request), options);
    }

    /** {@code POST /sessions} for {@code request}: shared by the synchronous and asynchronous calls. */
    Operation<Session> createOperation(CreateSession request) {
        Objects.requireNonNull(request, "request == null");
        CreateSessionRequestActor actor = new CreateSessionRequestActor().actorId(request.actorId());
        request.timezoneOffsetMinutes().ifPresent(actor::timezoneOffsetMinutes);
        CreateSessionRequest body = new CreateSessionRequest().actor(actor);
        request.workspaceId().ifPresent(w -> body.channel(new CreateSessionRequestChannel().workspaceId(w)));
        if (request.conversationId().isPresent() || request.channelId().isPresent() || request.threadTs().isPresent()) {
            CreateSessionRequestConversation c = new CreateSessionRequestConversation();
            request.conversationId().ifPresent(c::id);
            request.channelId().ifPresent(c::channelId);
            request.threadTs().ifPresent(c::threadTs);
            body.conversation(c);
        }
        // not idempotent: resent only when the request certainly was not processed (never delivered, or 429)
        return Operation.of("brek.sessions.create", SessionsApi.createPartnerCoreChatSession(body), false,
                BrekJson.ERROR_PARSER, BrekSessions::session);
    }

    /** The typed result of a 2xx {@code POST /sessions}. */
    static Session session(HttpResult result) {
        {
            JsonObject tree = JsonParser.parseString(result.body()).getAsJsonObject();
            SessionData d = BrekJson.bind(tree, CreateSessionResponse.class).getData();
            JsonObject data = tree.getAsJsonObject("data");
            JsonObject channel = data.getAsJsonObject("channel");
            return new Session(d.getSessionId(), d.getTenantId(), Json.string(channel, "type"),
                    d.getChannel().getWorkspaceId(), d.getConversation().getId(), d.getConversation().getChannelId(),
                    d.getConversation().getThreadTs(), d.getActor().getActorId(),
                    d.getActor().getTimezoneOffsetMinutes(), d.getCreatedAt(), d.getUpdatedAt(),
                    freeFormList(data.get("events")), result.meta(), result.body());
        }
    }

    /**
     * Reads a session's state and event history ({@code GET /api/partner/v1/core-chat/sessions/{sessionId}}).
     *
     * @param sessionId the session id; not blank, not {@code .} or {@code ..} (other characters are
     *     percent-encoded)
     * @return the snapshot
     * @throws io.github.chatsdk.core.NotFoundException when the session does not exist for this partner
     * @throws io.github.chatsdk.core.ServiceException on another error response
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived
     */
    public SessionSnapshot get(String sessionId) {
        return get(sessionId, RequestOptions.defaults());
    }

    /**
     * Reads a session's state and event history with per-call options (retries, timeouts, extra
     * headers).
     *
     * @param sessionId the session id; not blank, not {@code .} or {@code ..}
     * @param options retries, timeouts and extra headers for this call
     * @return the snapshot
     * @throws io.github.chatsdk.core.NotFoundException when the session does not exist for this partner
     * @throws io.github.chatsdk.core.ServiceException on another error response
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived
     */
    public SessionSnapshot get(String sessionId, RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        return client.core().run(getOperation(sessionId), options);
    }

    /** {@code GET /sessions/{sessionId}}: shared by the synchronous and asynchronous calls. */
    Operation<SessionSnapshot> getOperation(String sessionId) {
        Check.pathSegment("sessionId", sessionId);
        return Operation.of("brek.sessions.get", SessionsApi.getPartnerCoreChatSession(sessionId), true,
                BrekJson.ERROR_PARSER, BrekSessions::snapshot);
    }

    /** The typed result of a 2xx {@code GET /sessions/{sessionId}}. */
    static SessionSnapshot snapshot(HttpResult result) {
        {
            JsonObject tree = JsonParser.parseString(result.body()).getAsJsonObject();
            GetSessionResponseData d = BrekJson.bind(tree, GetSessionResponse.class).getData();
            List<SessionEvent> events = new ArrayList<>();
            for (GetSessionResponseDataEventsInner e : d.getEvents()) {
                events.add(new SessionEvent(e.getEventId(), e.getKind() == null ? null : EventKind.of(e.getKind()),
                        e.getResultStatus(), e.getRecordedAt()));
            }
            String actorId = d.getActor() == null ? null : d.getActor().getActorId();
            return new SessionSnapshot(d.getSessionId(), d.getTenantId(), actorId,
                    Collections.unmodifiableList(events), result.meta(), result.body());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> freeFormList(JsonElement array) {
        if (array == null || !array.isJsonArray()) {
            return List.of();
        }
        return (List<Map<String, Object>>) Json.toJava(array);
    }
}
