package io.github.chatsdk.brek.internal;

import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequest;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestActor;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestChannel;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestConversation;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequest;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequestActor;
import io.github.chatsdk.core.internal.JsonBody;
import org.jspecify.annotations.Nullable;

/**
 * The Brek API's request bodies as JSON: the body writer of the generated request descriptions
 * (sdk-core/src/main/codegen/api.mustache calls {@code write} for each operation's body, chosen by
 * the client's {@code bodyWriter} generator property). One {@code write} per request model, members
 * named by the models' {@code SERIALIZED_NAME_*} constants; the same JSON as the generated Gson
 * (BrekBodiesTest compares both for every request model), without its start-up cost (see
 * {@link JsonBody}). A spec that adds a request body fails to compile here until it is written.
 */
public final class BrekBodies {
    private BrekBodies() {
    }

    /** @return {@code POST /v1/sessions}'s body */
    public static String write(CreateSessionRequest r) {
        return JsonBody.object()
                .put(CreateSessionRequest.SERIALIZED_NAME_ACTOR, actor(r.getActor()))
                .put(CreateSessionRequest.SERIALIZED_NAME_CONVERSATION, conversation(r.getConversation()))
                .put(CreateSessionRequest.SERIALIZED_NAME_CHANNEL, channel(r.getChannel()))
                .additional(r.getAdditionalProperties())
                .toJson();
    }

    /** @return {@code POST /v1/events}'s body */
    public static String write(SendEventRequest r) {
        return JsonBody.object()
                .put(SendEventRequest.SERIALIZED_NAME_SESSION_ID, r.getSessionId())
                .put(SendEventRequest.SERIALIZED_NAME_ACTOR, actor(r.getActor()))
                .put(SendEventRequest.SERIALIZED_NAME_KIND, r.getKind())
                .put(SendEventRequest.SERIALIZED_NAME_TEXT, r.getText())
                .putValue(SendEventRequest.SERIALIZED_NAME_PAYLOAD, r.getPayload())
                .put(SendEventRequest.SERIALIZED_NAME_IDEMPOTENCY_KEY, r.getIdempotencyKey())
                .additional(r.getAdditionalProperties())
                .toJson();
    }

    private static @Nullable JsonBody actor(@Nullable CreateSessionRequestActor a) {
        return a == null ? null : JsonBody.object()
                .put(CreateSessionRequestActor.SERIALIZED_NAME_ACTOR_ID, a.getActorId())
                .put(CreateSessionRequestActor.SERIALIZED_NAME_TIMEZONE_OFFSET_MINUTES, a.getTimezoneOffsetMinutes())
                .additional(a.getAdditionalProperties());
    }

    private static @Nullable JsonBody conversation(@Nullable CreateSessionRequestConversation c) {
        return c == null ? null : JsonBody.object()
                .put(CreateSessionRequestConversation.SERIALIZED_NAME_ID, c.getId())
                .put(CreateSessionRequestConversation.SERIALIZED_NAME_CHANNEL_ID, c.getChannelId())
                .put(CreateSessionRequestConversation.SERIALIZED_NAME_THREAD_TS, c.getThreadTs())
                .additional(c.getAdditionalProperties());
    }

    private static @Nullable JsonBody channel(@Nullable CreateSessionRequestChannel c) {
        return c == null ? null : JsonBody.object()
                .put(CreateSessionRequestChannel.SERIALIZED_NAME_WORKSPACE_ID, c.getWorkspaceId())
                .additional(c.getAdditionalProperties());
    }

    private static @Nullable JsonBody actor(@Nullable SendEventRequestActor a) {
        return a == null ? null : JsonBody.object()
                .put(SendEventRequestActor.SERIALIZED_NAME_ACTOR_ID, a.getActorId())
                .additional(a.getAdditionalProperties());
    }
}
