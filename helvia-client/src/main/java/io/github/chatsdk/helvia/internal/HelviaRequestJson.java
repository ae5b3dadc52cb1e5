package io.github.chatsdk.helvia.internal;

import com.google.gson.stream.JsonWriter;
import io.github.chatsdk.core.internal.RequestJson;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.RequestOptions;
import io.github.chatsdk.helvia.internal.generated.model.Sender;
import io.github.chatsdk.helvia.internal.generated.model.TagOperations;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request body the facade sends ({@code EventRequest}), written as the generated Gson writes
 * it (a unit test compares the two on many requests), but straight to text: no JSON tree per
 * model, and the generated {@code JSON} class is not loaded on the common path. A model carrying
 * additional properties, or a postback whose data is not a string, goes to the generated writer.
 */
public final class HelviaRequestJson {
    private HelviaRequestJson() {
    }

    /**
     * @param body a generated request model
     * @return its JSON, or {@code null} when this class does not write it (use the generated code)
     */
    public static String write(Object body) {
        if (!(body instanceof EventRequest)) {
            return null;
        }
        try {
            return eventRequest((EventRequest) body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
    }

    private static String eventRequest(EventRequest r) throws IOException {
        Message message = r.getMessage();
        Postback payload = message == null ? null : message.getPayload();
        Sender sender = r.getSender();
        TagOperations tags = r.getTagOperations();
        RequestOptions options = r.getOptions();
        if (RequestJson.hasAdditional(r.getAdditionalProperties())
                || (message != null && RequestJson.hasAdditional(message.getAdditionalProperties()))
                || (payload != null && (RequestJson.hasAdditional(payload.getAdditionalProperties())
                        || (payload.getData() != null && !(payload.getData().getActualInstance() instanceof String))))
                || (sender != null && RequestJson.hasAdditional(sender.getAdditionalProperties()))
                || (tags != null && RequestJson.hasAdditional(tags.getAdditionalProperties()))
                || (options != null && RequestJson.hasAdditional(options.getAdditionalProperties()))) {
            return null;
        }
        RequestJson.Text out = new RequestJson.Text();
        JsonWriter w = RequestJson.writer(out);
        w.beginObject();
        RequestJson.string(w, "handle", r.getHandle());
        if (message != null) {
            w.name("message").beginObject();
            RequestJson.string(w, "text", message.getText());
            if (payload != null) {
                w.name("payload").beginObject();
                if (payload.getType() != null) {
                    w.name("type").value(payload.getType().getValue());
                }
                if (payload.getData() != null) {
                    w.name("data").value((String) payload.getData().getActualInstance());
                }
                w.endObject();
            }
            RequestJson.strings(w, "contexts", message.getContexts());
            w.endObject();
        }
        if (sender != null) {
            w.name("sender").beginObject();
            RequestJson.string(w, "id", sender.getId());
            RequestJson.string(w, "name", sender.getName());
            RequestJson.string(w, "email", sender.getEmail());
            w.endObject();
        }
        RequestJson.number(w, "timestamp", r.getTimestamp());
        RequestJson.string(w, "language", r.getLanguage());
        if (tags != null) {
            w.name("tagOperations").beginObject();
            RequestJson.strings(w, "add", tags.getAdd());
            RequestJson.strings(w, "remove", tags.getRemove());
            w.endObject();
        }
        if (options != null) {
            w.name("options").beginObject();
            RequestJson.bool(w, "includeMetadata", options.getIncludeMetadata());
            RequestJson.bool(w, "includeStrippedMarkdownTextResponses", options.getIncludeStrippedMarkdownTextResponses());
            w.endObject();
        }
        w.endObject();
        return out.toString();
    }
}
