package io.github.chatsdk.core.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.ToNumberPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON helpers that never lose integers ({@code 3} stays a {@code Long}, not {@code 3.0}). */
public final class Json {
    /** Gson for free-form values: integers as Long, others as Double; no HTML escaping. */
    public static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** Parses text as a JSON object, or returns null when it is not one (never throws). */
    public static JsonObject objectOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** The string value of a member, or null when absent or not a string. */
    public static String string(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    /**
     * A deep, unmodifiable Java view of JSON: objects become {@code Map<String, Object>} (insertion
     * order), arrays {@code List<Object>}, integers {@code Long} (or {@code BigDecimal} when too
     * large), other numbers {@code Double}, JSON null {@code null}.
     */
    public static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                m.put(entry.getKey(), toJava(entry.getValue()));
            }
            return Collections.unmodifiableMap(m);
        }
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            List<Object> l = new ArrayList<>(a.size());
            for (JsonElement item : a) {
                l.add(toJava(item));
            }
            return Collections.unmodifiableList(l);
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        String text = p.getAsString();
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            BigDecimal d = p.getAsBigDecimal();
            try {
                return d.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return d;
            }
        }
        return p.getAsDouble();
    }

    /**
     * {@link #toJava(JsonElement)} of a JSON object: an unmodifiable map, empty for {@code null}
     * or JSON null.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toJavaMap(JsonElement e) {
        return e == null || e.isJsonNull() ? Map.of() : (Map<String, Object>) toJava(e.getAsJsonObject());
    }

    /** A deep, unmodifiable copy of a free-form value produced by Gson (maps, lists, numbers, strings). */
    public static Object freeze(Object value) {
        return toJava(GSON.toJsonTree(value));
    }

    /** {@link #freeze(Object)} of a map: a deep, unmodifiable copy of a free-form JSON object. */
    public static Map<String, Object> freezeMap(Map<String, ?> map) {
        return toJavaMap(GSON.toJsonTree(map));
    }

    /**
     * {@link #freeze(Object)} of a value a caller gave (a payload, postback actions): anything that
     * cannot be written as JSON, a cycle or a nesting too deep for the stack included, is an
     * {@link io.github.chatsdk.core.InvalidInputException} naming {@code field}, before anything is sent.
     */
    public static Object freezeInput(String field, Object value) {
        try {
            return freeze(value);
        } catch (RuntimeException | StackOverflowError e) {
            throw new io.github.chatsdk.core.InvalidInputException(field,
                    "cannot be written as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }
}
