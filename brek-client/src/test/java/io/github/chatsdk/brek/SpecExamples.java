package io.github.chatsdk.brek;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.chatsdk.testsupport.SpecValidator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The request and response examples of {@code specs/brek-partner-core-chat.yaml}, read from the
 * unmodified spec file so that the tests exercise the vendor's own bodies rather than copies.
 */
final class SpecExamples {
    static final String SESSIONS = "/api/partner/v1/core-chat/sessions";
    static final String EVENTS = "/api/partner/v1/core-chat/events";
    static final String SESSION = "/api/partner/v1/core-chat/sessions/{sessionId}";

    private static final Map<String, Object> SPEC = load();

    private SpecExamples() {
    }

    /** The JSON text of a request-body example, such as {@code (SESSIONS, "post", "minimal")}. */
    static String request(String path, String method, String name) {
        Map<String, Object> operation = map(map(map(SPEC, "paths"), path), method);
        Map<String, Object> media = map(map(map(operation, "requestBody"), "content"), "application/json");
        return example(media, name);
    }

    /**
     * The JSON text of a response example, such as {@code (EVENTS, "post", "404", "session_not_found")};
     * follows a {@code $ref} to {@code components/responses}.
     */
    static String response(String path, String method, String status, String name) {
        Map<String, Object> operation = map(map(map(SPEC, "paths"), path), method);
        Map<String, Object> response = map(map(operation, "responses"), status);
        Object ref = response.get("$ref");
        if (ref != null) {
            String prefix = "#/components/responses/";
            response = map(map(map(SPEC, "components"), "responses"), ((String) ref).substring(prefix.length()));
        }
        Map<String, Object> media = map(map(response, "content"), "application/json");
        return example(media, name);
    }

    /** {@link #response} parsed. */
    static JsonElement responseJson(String path, String method, String status, String name) {
        return JsonParser.parseString(response(path, method, status, name));
    }

    /** {@link #request} parsed. */
    static JsonElement requestJson(String path, String method, String name) {
        return JsonParser.parseString(request(path, method, name));
    }

    private static String example(Map<String, Object> media, String name) {
        Object value = map(map(media, "examples"), name).get("value");
        // serializeNulls: the spec's "details: null" must stay in the body
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (!(child instanceof Map)) {
            throw new IllegalArgumentException("spec has no object at '" + key + "' (have " + parent.keySet() + ")");
        }
        return (Map<String, Object>) child;
    }

    private static Map<String, Object> load() {
        try (Reader in = Files.newBufferedReader(SpecValidator.specsDir().resolve("brek-partner-core-chat.yaml"),
                StandardCharsets.UTF_8)) {
            return new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
