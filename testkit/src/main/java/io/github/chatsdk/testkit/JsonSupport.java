package io.github.chatsdk.testkit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/** JSON helpers of the sandboxes: strict parsing and writing that keeps {@code null} members. */
final class JsonSupport {
    /** Writes {@code "details": null} as the specs show it, and {@code '} unescaped. */
    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private JsonSupport() {
    }

    /**
     * Parses a request body strictly (no comments, unquoted names or trailing garbage), unlike
     * {@code JsonParser.parseString}, which is lenient.
     *
     * @return the value, or empty when the text is not one JSON value
     */
    static Optional<JsonElement> parseStrict(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    static String write(JsonElement value) {
        return GSON.toJson(value);
    }

    /** The member at a dotted path ({@code actor.actorId}), if every step is an object. */
    static Optional<JsonElement> at(JsonElement root, String dottedPath) {
        JsonElement current = root;
        for (String step : dottedPath.split("\\.", -1)) {
            if (current == null || !current.isJsonObject()) {
                return Optional.empty();
            }
            current = current.getAsJsonObject().get(step);
        }
        return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current);
    }

    /** The string at a dotted path, if it is a JSON string. */
    static Optional<String> string(JsonElement root, String dottedPath) {
        return at(root, dottedPath)
                .filter(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())
                .map(JsonElement::getAsString);
    }

    /** The object at a dotted path, if it is a JSON object. */
    static Optional<JsonObject> object(JsonElement root, String dottedPath) {
        return at(root, dottedPath).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    }

    /** The boolean at a dotted path; {@code false} unless it is JSON {@code true}. */
    static boolean isTrue(JsonElement root, String dottedPath) {
        return at(root, dottedPath)
                .filter(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean())
                .map(JsonElement::getAsBoolean)
                .orElse(false);
    }
}
