package io.github.chatsdk.helvia.internal;

import io.github.chatsdk.core.internal.JsonBody;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.PostbackActions;
import io.github.chatsdk.helvia.internal.generated.model.PostbackData;
import io.github.chatsdk.helvia.internal.generated.model.RequestOptions;
import io.github.chatsdk.helvia.internal.generated.model.Sender;
import io.github.chatsdk.helvia.internal.generated.model.TagOperations;
import org.jspecify.annotations.Nullable;

/**
 * The Helvia API's request bodies as JSON: the body writer of the generated request descriptions
 * (sdk-core/src/main/codegen/api.mustache calls {@code write} for each operation's body, chosen by
 * the client's {@code bodyWriter} generator property). Members named by the models'
 * {@code SERIALIZED_NAME_*} constants; the same JSON as the generated Gson (HelviaBodiesTest
 * compares both for every request model, both forms of the {@code oneOf} postback data), without
 * its start-up cost (see {@link JsonBody}). A spec that adds a request body fails to compile here
 * until it is written.
 */
public final class HelviaBodies {
    private HelviaBodies() {
    }

    /** @return {@code POST /api/v1/events}'s body */
    public static String write(EventRequest r) {
        return JsonBody.object()
                .put(EventRequest.SERIALIZED_NAME_HANDLE, r.getHandle())
                .put(EventRequest.SERIALIZED_NAME_MESSAGE, message(r.getMessage()))
                .put(EventRequest.SERIALIZED_NAME_SENDER, sender(r.getSender()))
                .put(EventRequest.SERIALIZED_NAME_TIMESTAMP, r.getTimestamp())
                .put(EventRequest.SERIALIZED_NAME_LANGUAGE, r.getLanguage())
                .put(EventRequest.SERIALIZED_NAME_TAG_OPERATIONS, tagOperations(r.getTagOperations()))
                .put(EventRequest.SERIALIZED_NAME_OPTIONS, options(r.getOptions()))
                .additional(r.getAdditionalProperties())
                .toJson();
    }

    private static @Nullable JsonBody message(@Nullable Message m) {
        return m == null ? null : JsonBody.object()
                .put(Message.SERIALIZED_NAME_TEXT, m.getText())
                .put(Message.SERIALIZED_NAME_PAYLOAD, postback(m.getPayload()))
                .putStrings(Message.SERIALIZED_NAME_CONTEXTS, m.getContexts())
                .additional(m.getAdditionalProperties());
    }

    private static @Nullable JsonBody postback(@Nullable Postback p) {
        if (p == null) {
            return null;
        }
        JsonBody b = JsonBody.object()
                .put(Postback.SERIALIZED_NAME_TYPE, p.getType() == null ? null : p.getType().getValue());
        PostbackData data = p.getData();
        Object actual = data == null ? null : data.getActualInstance();
        if (actual instanceof String) {
            b.put(Postback.SERIALIZED_NAME_DATA, (String) actual);
        } else if (actual instanceof PostbackActions) {
            PostbackActions a = (PostbackActions) actual;
            b.put(Postback.SERIALIZED_NAME_DATA, JsonBody.object()
                    .putValue(PostbackActions.SERIALIZED_NAME_ACTIONS, a.getActions())
                    .additional(a.getAdditionalProperties()));
        } else if (actual != null) {
            // PostbackData.setActualInstance accepts only its two oneOf types
            throw new IllegalStateException("postback data of unexpected type " + actual.getClass().getName());
        }
        return b.additional(p.getAdditionalProperties());
    }

    private static @Nullable JsonBody sender(@Nullable Sender s) {
        return s == null ? null : JsonBody.object()
                .put(Sender.SERIALIZED_NAME_ID, s.getId())
                .put(Sender.SERIALIZED_NAME_NAME, s.getName())
                .put(Sender.SERIALIZED_NAME_EMAIL, s.getEmail())
                .additional(s.getAdditionalProperties());
    }

    private static @Nullable JsonBody tagOperations(@Nullable TagOperations t) {
        return t == null ? null : JsonBody.object()
                .putStrings(TagOperations.SERIALIZED_NAME_ADD, t.getAdd())
                .putStrings(TagOperations.SERIALIZED_NAME_REMOVE, t.getRemove())
                .additional(t.getAdditionalProperties());
    }

    private static @Nullable JsonBody options(@Nullable RequestOptions o) {
        return o == null ? null : JsonBody.object()
                .put(RequestOptions.SERIALIZED_NAME_INCLUDE_METADATA, o.getIncludeMetadata())
                .put(RequestOptions.SERIALIZED_NAME_INCLUDE_STRIPPED_MARKDOWN_TEXT_RESPONSES,
                        o.getIncludeStrippedMarkdownTextResponses())
                .additional(o.getAdditionalProperties());
    }
}
