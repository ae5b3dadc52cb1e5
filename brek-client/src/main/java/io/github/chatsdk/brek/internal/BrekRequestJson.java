package io.github.chatsdk.brek.internal;

import com.google.gson.stream.JsonWriter;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequest;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestActor;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestChannel;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestConversation;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequest;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequestActor;
import io.github.chatsdk.core.internal.RequestJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request bodies the facade sends, written as the generated Gson writes them (a unit test
 * compares the two on many requests), but straight to text: no JSON tree per model, and the
 * generated {@code JSON} class is not loaded on the common path. A model carrying additional
 * properties goes to the generated writer.
 */
public final class BrekRequestJson {
    private BrekRequestJson() {
    }

    /**
     * @param body a generated request model
     * @return its JSON, or {@code null} when this class does not write it (use the generated code)
     */
    public static String write(Object body) {
        try {
            if (body instanceof SendEventRequest) {
                return sendEvent((SendEventRequest) body);
            }
            if (body instanceof CreateSessionRequest) {
                return createSession((CreateSessionRequest) body);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
    }

    private static String sendEvent(SendEventRequest r) throws IOException {
        SendEventRequestActor actor = r.getActor();
        if (RequestJson.hasAdditional(r.getAdditionalProperties())
                || (actor != null && RequestJson.hasAdditional(actor.getAdditionalProperties()))) {
            return null;
        }
        RequestJson.Text out = new RequestJson.Text();
        JsonWriter w = RequestJson.writer(out);
        w.beginObject();
        RequestJson.string(w, "sessionId", r.getSessionId());
        if (actor != null) {
            w.name("actor").beginObject();
            RequestJson.string(w, "actorId", actor.getActorId());
            w.endObject();
        }
        RequestJson.string(w, "kind", r.getKind());
        RequestJson.string(w, "text", r.getText());
        RequestJson.freeForm(w, "payload", r.getPayload());
        RequestJson.string(w, "idempotencyKey", r.getIdempotencyKey());
        w.endObject();
        return out.toString();
    }

    private static String createSession(CreateSessionRequest r) throws IOException {
        CreateSessionRequestActor actor = r.getActor();
        CreateSessionRequestConversation conversation = r.getConversation();
        CreateSessionRequestChannel channel = r.getChannel();
        if (RequestJson.hasAdditional(r.getAdditionalProperties())
                || (actor != null && RequestJson.hasAdditional(actor.getAdditionalProperties()))
                || (conversation != null && RequestJson.hasAdditional(conversation.getAdditionalProperties()))
                || (channel != null && RequestJson.hasAdditional(channel.getAdditionalProperties()))) {
            return null;
        }
        RequestJson.Text out = new RequestJson.Text();
        JsonWriter w = RequestJson.writer(out);
        w.beginObject();
        if (actor != null) {
            w.name("actor").beginObject();
            RequestJson.string(w, "actorId", actor.getActorId());
            RequestJson.number(w, "timezoneOffsetMinutes", actor.getTimezoneOffsetMinutes());
            w.endObject();
        }
        if (conversation != null) {
            w.name("conversation").beginObject();
            RequestJson.string(w, "id", conversation.getId());
            RequestJson.string(w, "channelId", conversation.getChannelId());
            RequestJson.string(w, "threadTs", conversation.getThreadTs());
            w.endObject();
        }
        if (channel != null) {
            w.name("channel").beginObject();
            RequestJson.string(w, "workspaceId", channel.getWorkspaceId());
            w.endObject();
        }
        w.endObject();
        return out.toString();
    }
}
