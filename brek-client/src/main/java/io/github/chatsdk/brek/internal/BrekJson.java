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

/** JSON plumbing of the Brek client: the error parser, and binding of the generated session models. */
public final class BrekJson {
    /**
     * A copy of the generated code's Gson that keeps integers in free-form maps as {@code Long}, for
     * binding the generated session models. A copy: the generated {@code JSON} class's own Gson is
     * left as generated. Built on first use (request bodies never need it: {@link BrekBodies}).
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

    /** Binds a tree to a generated model, running its validation; throws on a shape mismatch. */
    public static <T> T bind(JsonElement tree, Class<T> type) {
        T value = Generated.GSON.fromJson(tree, type);
        if (value == null) {
            throw new IllegalStateException("empty body for " + type.getSimpleName());
        }
        return value;
    }
}
