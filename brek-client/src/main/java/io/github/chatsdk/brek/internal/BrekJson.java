package io.github.chatsdk.brek.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.ToNumberPolicy;
import io.github.chatsdk.brek.BrekError;
import io.github.chatsdk.brek.internal.generated.JSON;
import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.internal.ErrorParser;
import io.github.chatsdk.core.internal.Json;
import java.util.Map;
import java.util.Optional;

/** JSON plumbing of the Brek client: the generated Gson, model binding, the error parser. */
public final class BrekJson {
    /**
     * A copy of the generated code's Gson that keeps integers in free-form maps as {@code Long}, for
     * binding the generated models of {@code raw()}. A copy: the generated {@code JSON} class's own
     * Gson, which writes request bodies, is left as generated. Built on first use.
     */
    private static final class Generated {
        static final Gson GSON =
                JSON.getGson().newBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    }

    /** Reads Brek error bodies of both shapes; anything else becomes an unparsed error. */
    public static final ErrorParser ERROR_PARSER = body -> {
        JsonObject o = Json.objectOrNull(body);
        if (o == null) {
            return ApiError.unparsed(body);
        }
        Map<String, Object> members = Json.toJavaMap(o);
        return new ApiError(Json.string(o, "error"), Json.string(o, "code"), members.get("details"),
                Json.string(o, "requestId"), body, new BrekError(members));
    };

    private BrekJson() {
    }

    /** @return the generated code's Gson, tuned (see {@link Generated}) */
    public static Gson gson() {
        return Generated.GSON;
    }

    public static String string(JsonObject o, String member) {
        return Json.string(o, member);
    }

    /** Binds a tree to a generated model, running its validation; throws on a shape mismatch. */
    public static <T> T bind(JsonElement tree, Class<T> type) {
        T value = gson().fromJson(tree, type);
        if (value == null) {
            throw new IllegalStateException("empty body for " + type.getSimpleName());
        }
        return value;
    }

    public static <T> Optional<T> tryModel(JsonElement tree, Class<T> type) {
        try {
            return Optional.of(bind(tree, type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
