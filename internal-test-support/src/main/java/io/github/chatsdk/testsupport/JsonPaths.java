package io.github.chatsdk.testsupport;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.chatsdk.core.internal.Json;

/**
 * Reads one value out of a response's raw JSON ({@code rawJson()}), so tests can assert that a field
 * the facade does not model was kept as the server sent it.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /**
     * The value at a dotted path such as {@code "channel.type"} or {@code "events.0.tags"}, as plain
     * Java (Map, List, String, Boolean, Long, Double or null).
     *
     * @param json the raw JSON text
     * @param path dot-separated member names and list indexes
     * @return the value, or null when a step is missing
     */
    public static Object at(String json, String path) {
        JsonElement e = JsonParser.parseString(json);
        for (String step : path.split("\\.")) {
            if (e == null || e.isJsonNull()) {
                return null;
            }
            if (e.isJsonArray()) {
                int i = Integer.parseInt(step);
                e = i < e.getAsJsonArray().size() ? e.getAsJsonArray().get(i) : null;
            } else if (e.isJsonObject()) {
                e = e.getAsJsonObject().get(step);
            } else {
                return null;
            }
        }
        return e == null ? null : Json.toJava(e);
    }
}
