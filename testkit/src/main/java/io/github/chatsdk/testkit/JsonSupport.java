package io.github.chatsdk.testkit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
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

    /** Gson's reader of any JSON value, which (unlike {@code JsonParser}) keeps the reader's strictness. */
    private static final TypeAdapter<JsonElement> ELEMENT = GSON.getAdapter(JsonElement.class);

    /**
     * Parses a request body strictly, as RFC 8259 defines JSON: no comments, unquoted names or
     * trailing garbage (which {@code JsonParser.parseString} accepts), and none of the four
     * departures Gson's non-lenient reader still allows ({@code TRUE}/{@code Null} in any case, the
     * escapes {@code \'} and backslash-newline, unescaped control characters in strings).
     *
     * <p>The same on every Gson from 2.8.9 on: {@code Strictness.STRICT} (Gson 2.11) is not used, so
     * the test kit runs on the clients' Gson floor (see {@link GsonFloor}).
     *
     * @return the value, or empty when the text is not one JSON value
     */
    @SuppressWarnings("deprecation") // setLenient: its replacement, setStrictness, needs Gson 2.11
    static Optional<JsonElement> parseStrict(String text) {
        if (text == null || text.isBlank() || hasLegacyDeparture(text)) {
            return Optional.empty();
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setLenient(false);
            JsonElement value = ELEMENT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the text uses one of the departures from RFC 8259 that Gson's non-lenient reader
     * accepts: a literal in another case ({@code True}, {@code NULL}), the escape {@code \'} or a
     * backslash before a line feed, or an unescaped control character (U+0000 to U+001F) in a string.
     */
    static boolean hasLegacyDeparture(String text) {
        boolean inString = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '"') {
                    inString = false;
                } else if (c < 0x20) {
                    return true;
                } else if (c == '\\' && i + 1 < n) {
                    char escaped = text.charAt(++i);
                    if (escaped == '\'' || escaped == '\n') {
                        return true;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    i++;
                }
                String word = text.substring(start, i + 1);
                for (String literal : LITERALS) {
                    if (word.equalsIgnoreCase(literal) && !word.equals(literal)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final String[] LITERALS = {"true", "false", "null"};

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
