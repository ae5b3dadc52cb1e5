package io.github.chatsdk.helvia.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.ToNumberPolicy;
import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.internal.ErrorParser;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.helvia.HelviaError;
import io.github.chatsdk.helvia.internal.generated.JSON;
import java.util.Optional;

/** JSON plumbing of the Helvia client: the generated Gson, model binding, the error parser. */
public final class HelviaJson {
    /**
     * A copy of the generated code's Gson that keeps integers in free-form maps as {@code Long}, for
     * binding the generated models of {@code raw()}. A copy: the generated {@code JSON} class's own
     * Gson, which writes request bodies, is left as generated. Built on first use.
     */
    private static final class Generated {
        static final Gson GSON =
                JSON.getGson().newBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    }

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

    /** @return the generated code's Gson, tuned (see {@link Generated}) */
    public static Gson gson() {
        return Generated.GSON;
    }

    /** Binds a tree to a generated model, running its validation; throws on a shape mismatch. */
    public static <T> T bind(JsonElement tree, Class<T> type) {
        T value = gson().fromJson(tree, type);
        if (value == null) {
            throw new IllegalStateException("empty body for " + type.getSimpleName());
        }
        return value;
    }

    /** Binds a tree to a generated model, or empty when it does not have that shape. */
    public static <T> Optional<T> tryModel(JsonElement tree, Class<T> type) {
        try {
            return Optional.of(bind(tree, type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JSON tree of a generated model, written by the generated Gson. */
    public static JsonElement tree(Object model) {
        return gson().toJsonTree(model);
    }
}
