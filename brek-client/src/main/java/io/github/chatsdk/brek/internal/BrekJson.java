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
import java.util.Optional;

/** JSON plumbing of the Brek client: the generated Gson, model binding, the error parser. */
public final class BrekJson {
    /**
     * The generated code's Gson, with integers in free-form maps kept as {@code Long}; built on
     * first use, because the generated {@code JSON} class builds a Gson with an adapter factory
     * per model in its static initializer, and the common path (requests written by
     * {@link BrekRequestJson}, responses read from a tree) never needs it.
     */
    private static final class Generated {
        static final Gson GSON;

        static {
            Gson tuned = JSON.getGson().newBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
            JSON.setGson(tuned);
            GSON = tuned;
        }
    }

    /** Reads Brek error bodies of both shapes; anything else becomes an unparsed error. */
    public static final ErrorParser ERROR_PARSER = body -> {
        JsonObject o = Json.objectOrNull(body);
        if (o == null) {
            return ApiError.unparsed(body);
        }
        return new ApiError(Json.string(o, "error"), Json.string(o, "code"), o.get("details"),
                Json.string(o, "requestId"), body, new BrekError(o));
    };

    private BrekJson() {
    }

    /** Makes the generated {@code JSON} class use the tuned Gson; call before any generated code uses it. */
    public static void init() {
        gson();
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
