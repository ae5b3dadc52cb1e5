package io.github.chatsdk.helvia.internal;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.internal.ErrorParser;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.helvia.HelviaError;

/**
 * The Helvia client's error parser. (Responses are checked with the generated models'
 * {@code validateJsonElement} and read from the tree; request bodies are written by
 * {@link HelviaBodies}: the client never needs the generated Gson.)
 */
public final class HelviaJson {
    /**
     * Reads Helvia's {@code ErrorResponse} ({@code {"status":"error","error":"..."}}); any other
     * body becomes an unparsed error. A JSON object of another shape is still kept as a
     * {@link HelviaError}, whose members are then empty. A string {@code code} or
     * {@code requestId} member is kept too where a body has one (the spec's {@code ErrorResponse}
     * has neither, but a gateway or a later API version may add them).
     */
    public static final ErrorParser ERROR_PARSER = body -> {
        JsonObject o = Json.objectOrNull(body);
        if (o == null) {
            return ApiError.unparsed(body);
        }
        return new ApiError(Json.string(o, "error"), Json.string(o, "code"), null, Json.string(o, "requestId"), body,
                new HelviaError(Json.toJavaMap(o)));
    };

    private HelviaJson() {
    }
}
