package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelviaSandboxTest {
    static final String EVENTS = "/api/events";
    static final String AUTH = "Authorization";
    static final String BEARER = "Bearer tok-1";
    static final String GREETING = "{\"handle\":\"my-agent-handle\",\"message\":{\"payload\":{\"type\":\"node\","
            + "\"data\":\"greeting\"}},\"sender\":{\"id\":\"user-123\"}}";

    HelviaSandbox helvia;
    Http http;

    @BeforeEach
    void start() {
        helvia = HelviaSandbox.builder()
                .token("tok-1", "my-agent-handle", "second-agent")
                .token("tok-2", "other-agent")
                .start();
        http = new Http(helvia.baseUrl(), SpecChecks.HELVIA, false);
    }

    @AfterEach
    void checkEveryExchangeAgainstTheSpecAndStop() {
        try {
            SpecChecks.assertLogConforms(SpecChecks.HELVIA, false, helvia.requests());
        } finally {
            helvia.close();
        }
    }

    static String EXPECT() {
        return SpecChecks.EXPECT_INVALID;
    }

    Http.Res say(String senderId, String text, String extra) {
        return http.post(EVENTS, "{\"handle\":\"my-agent-handle\",\"message\":{\"text\":\"" + text + "\"},"
                + "\"sender\":{\"id\":\"" + senderId + "\"}" + (extra == null ? "" : "," + extra) + "}", AUTH, BEARER);
    }

    static JsonObject resultOf(Http.Res r) {
        return r.json().getAsJsonObject("result");
    }

    static List<String> texts(Http.Res r) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : resultOf(r).getAsJsonArray("responses")) {
            out.add(e.getAsJsonObject().getAsJsonArray("options").get(0).getAsString());
        }
        return out;
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    static void assertError(Http.Res r, int status, String error) {
        assertEquals(status, r.status, r.body);
        assertEquals("error", r.json().get("status").getAsString());
        assertEquals(error, r.json().get("error").getAsString());
    }

    @Test
    void healthNeedsNoAuth() {
        Http.Res r = http.get(EVENTS);
        assertEquals(200, r.status);
        assertEquals("{\"status\":\"ok\"}", r.body);
        assertEquals(200, http.get(EVENTS, AUTH, "Bearer whatever").status);
    }

    @Test
    void theGreetingPostbackAnswersLikeTheSpecExample() {
        Http.Res r = http.post(EVENTS, GREETING, AUTH, BEARER);
        assertEquals(200, r.status);
        assertEquals("ok", r.json().get("status").getAsString());
        JsonArray responses = resultOf(r).getAsJsonArray("responses");
        assertEquals(2, responses.size());
        JsonObject first = responses.get(0).getAsJsonObject();
        assertTrue(first.get("id").getAsString().matches("TX_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals("text", first.get("type").getAsString());
        assertEquals(List.of("Hi! I'm the Productivity Coach.", "How can I help you today?"), texts(r));
        assertEquals("Hi! I'm the Productivity Coach.", first.get("altText").getAsString());
        assertFalse(resultOf(r).has("responsesIds"));
        assertFalse(resultOf(r).has("nodesIds"));
        assertFalse(resultOf(r).has("responsesStrippedMarkdownText"));
        assertEquals(r.body, http.post(EVENTS, GREETING, AUTH, BEARER).body, "deterministic, ids included");
    }

    @Test
    void metadataAndStrippedMarkdownComeWhenAskedFor() {
        Http.Res r = say("user-123", "Hello, I need help with time management",
                "\"options\":{\"includeMetadata\":true,\"includeStrippedMarkdownTextResponses\":true}");
        JsonObject result = resultOf(r);
        List<String> texts = texts(r);
        assertTrue(texts.get(0).startsWith("**Time management** starts with three habits:"), texts.get(0));
        List<String> stripped = strings(result.getAsJsonArray("responsesStrippedMarkdownText"));
        assertEquals("Time management starts with three habits:\n1. Plan tomorrow tonight.\n"
                + "2. Block time for deep work.\n3. Review your week every Friday.", stripped.get(0));
        assertEquals("Want a tip on focus or on procrastination?", stripped.get(1));
        List<String> ids = strings(result.getAsJsonArray("responsesIds"));
        JsonArray responses = result.getAsJsonArray("responses");
        for (int i = 0; i < responses.size(); i++) {
            assertEquals(responses.get(i).getAsJsonObject().get("id").getAsString(), ids.get(i));
            assertEquals(stripped.get(i), responses.get(i).getAsJsonObject().get("altText").getAsString());
        }
        assertEquals(List.of("time_management"), strings(result.getAsJsonArray("nodesIds")));

        Http.Res md = say("user-123", "how do I stop procrastinating?",
                "\"options\":{\"includeStrippedMarkdownTextResponses\":true}");
        assertEquals(List.of("Try the 2-minute rule: if a task takes less than two minutes, do it now.",
                "More in the guide."), strings(resultOf(md).getAsJsonArray("responsesStrippedMarkdownText")));
        assertFalse(resultOf(md).has("nodesIds"));
        Http.Res focus = say("user-123", "focus", "\"options\":{\"includeStrippedMarkdownTextResponses\":true,"
                + "\"includeMetadata\":false}");
        assertEquals("Focus\nSilence notifications\nWork in 25-minute blocks",
                resultOf(focus).getAsJsonArray("responsesStrippedMarkdownText").get(0).getAsString());
        assertFalse(resultOf(focus).has("responsesIds"));
    }

    @Test
    void unknownTextIsEchoed() {
        Http.Res r = say("user-123", "What is the airspeed of a swallow", "\"options\":{\"includeMetadata\":true}");
        assertEquals("You said: \"What is the airspeed of a swallow\". I'm a sandbox agent: ask me about"
                + " **time management**, **focus** or **procrastination**.", texts(r).get(0));
        assertEquals(List.of("fallback"), strings(resultOf(r).getAsJsonArray("nodesIds")));
    }

    @Test
    void theLanguageShowsInTheGreetingAndSticksToTheSender() {
        Http.Res el = http.post(EVENTS, GREETING.replace("}}", "}}") .replace("\"sender\"", "\"language\":\"EL\",\"sender\""),
                AUTH, BEARER);
        assertEquals(List.of("Γεια σας! Είμαι ο Productivity Coach.", "Πώς μπορώ να σας βοηθήσω σήμερα;"), texts(el));
        assertEquals("EL", helvia.language("user-123").orElseThrow());
        assertTrue(texts(say("user-123", "xyz", null)).get(0).startsWith("Είπατε: \"xyz\""));
        Http.Res de = say("user-123", "tschüss", "\"language\":\"de\"");
        assertEquals("Auf Wiedersehen! Einen **produktiven** Tag noch.", texts(de).get(0));
        assertEquals(List.of("Hallo! Ich bin der Productivity Coach.", "Wie kann ich Ihnen heute helfen?"),
                texts(say("user-123", "hallo", null)));
        Http.Res en = say("someone-else", "hello", "\"language\":\"EN\"");
        assertEquals("Hi! I'm the Productivity Coach.", texts(en).get(0));
    }

    @Test
    void tagOperationsAreTrackedPerSender() {
        say("user-123", "hi", "\"tagOperations\":{\"add\":[\"vip\",\"beta\",\"trial\"]}");
        say("user-123", "hi", "\"tagOperations\":{\"remove\":[\"beta\"],\"add\":[\"premium\"]}");
        say("user-456", "hi", "\"tagOperations\":{\"add\":[\"other\"]}");
        assertEquals(List.of("vip", "trial", "premium"), new ArrayList<>(helvia.tags("user-123")));
        assertEquals(Set.of("other"), helvia.tags("user-456"));
        assertEquals(Set.of(), helvia.tags("nobody"));
        Http.Res bad = say("user-123", "hi", "\"tagOperations\":{}");
        assertError(bad, 400, "Validator errors: \"tagOperations\" must contain at least one of [add, remove]");
    }

    @Test
    void aMissingSenderGetsAFreshApiSubscriberId() {
        String body = "{\"handle\":\"my-agent-handle\",\"message\":{\"text\":\"hi\"},"
                + "\"tagOperations\":{\"add\":[\"anon\"]}}";
        http.post(EVENTS, body, AUTH, BEARER);
        http.post(EVENTS, body, AUTH, BEARER);
        List<String> senders = helvia.senderIds();
        assertEquals(2, senders.size());
        assertNotEquals(senders.get(0), senders.get(1));
        for (String s : senders) {
            assertTrue(s.matches("api_subscriber_[0-9a-f]{24}"), s);
            assertEquals(Set.of("anon"), helvia.tags(s));
        }
    }

    @Test
    void postbacksOfOtherTypes() {
        String base = "{\"handle\":\"second-agent\",\"sender\":{\"id\":\"u\"},\"options\":{\"includeMetadata\":true},"
                + "\"message\":{\"payload\":";
        Http.Res intent = http.post(EVENTS, base + "{\"type\":\"intent\",\"data\":\"help\"}}}", AUTH, BEARER);
        assertEquals(List.of("help"), strings(resultOf(intent).getAsJsonArray("nodesIds")));
        Http.Res action = http.post(EVENTS, base + "{\"type\":\"action\",\"data\":{\"actions\":[{},{}]}}}}", AUTH, BEARER);
        assertEquals(List.of("Done: 2 actions received."), texts(action));
        Http.Res unknown = http.post(EVENTS, base + "{\"type\":\"node\",\"data\":\"nowhere\"}}}", AUTH, BEARER);
        assertEquals(List.of("I can't find the step \"nowhere\" in this flow."), texts(unknown));
    }

    @Test
    void authErrorsTellMissingFromInvalidFromForeign() {
        assertError(http.post(EVENTS, GREETING, EXPECT(), "1"), 401, "Unauthorized");
        assertError(http.post(EVENTS, GREETING, AUTH, "bearer tok-1", EXPECT(), "1"), 401, "Unauthorized");
        assertError(http.post(EVENTS, GREETING, AUTH, "Basic dG9rLTE=", EXPECT(), "1"), 401, "Unauthorized");
        assertError(http.post(EVENTS, GREETING, AUTH, "Bearer ", EXPECT(), "1"), 401, "Unauthorized");
        assertError(http.post(EVENTS, GREETING, AUTH, "tok-1", EXPECT(), "1"), 401, "Unauthorized");
        assertError(http.post(EVENTS, GREETING, AUTH, "Bearer tok-unknown"), 401, "Invalid token");
        assertError(http.post(EVENTS, GREETING, AUTH, "Bearer tok-2"), 403, "Unknown principal");
        assertError(http.post(EVENTS, GREETING.replace("my-agent-handle", "other-agent"), AUTH, BEARER), 403,
                "Unknown principal");
        assertEquals(200, http.post(EVENTS, GREETING.replace("my-agent-handle", "other-agent"), AUTH, "Bearer tok-2")
                .status);
        assertTrue(helvia.senderIds().equals(List.of("user-123")), "rejected requests create no sender");
    }

    @Test
    void validationErrorsUseTheSpecShape() {
        Http.Res noHandle = http.post(EVENTS, "{\"message\":{\"text\":\"hi\"}}", AUTH, BEARER, EXPECT(), "1");
        assertEquals("{\"status\":\"error\",\"error\":\"Validator errors: \\\"handle\\\" is required\"}", noHandle.body);
        assertEquals(400, noHandle.status);
        assertError(http.post(EVENTS, "{\"handle\":\"my-agent-handle\"}", AUTH, BEARER, EXPECT(), "1"), 400,
                "Validator errors: \"message\" is required");
        String h = "{\"handle\":\"my-agent-handle\",";
        assertError(http.post(EVENTS, h + "\"message\":{}}", AUTH, BEARER), 400,
                "Validator errors: \"message\" must contain at least one of [text, payload]");
        assertError(http.post(EVENTS, h + "\"message\":{\"text\":\"a\",\"payload\":{\"type\":\"node\",\"data\":\"x\"}}}",
                AUTH, BEARER), 400, "Validator errors: \"message\" contains a conflict between exclusive peers [text, payload]");
        assertError(http.post(EVENTS, h + "\"message\":{\"payload\":{\"type\":\"jump\",\"data\":\"x\"}}}", AUTH, BEARER,
                EXPECT(), "1"), 400, "Validator errors: \"message.payload.type\" must be one of [node, intent, action]");
        assertError(http.post(EVENTS, h + "\"message\":{\"text\":\"a\"},\"sender\":{\"name\":\"Jo\"}}", AUTH, BEARER), 400,
                "Validator errors: \"sender.id\" is required");
        assertError(http.post(EVENTS, h + "\"message\":{\"text\":\"a\"},\"options\":{\"includeMetadata\":\"yes\"}}", AUTH,
                BEARER, EXPECT(), "1"), 400, "Validator errors: \"options.includeMetadata\" must be a boolean");
        assertError(http.post(EVENTS, "{\"handle\":", AUTH, BEARER, EXPECT(), "1"), 400, "Invalid JSON payload");
        assertError(http.post(EVENTS, "{\"handle\":\"my-agent-handle\"}", EXPECT(), "1"), 401, "Unauthorized");
        assertError(http.post(EVENTS, "{\"message\":{\"text\":\"hi\"}}", AUTH, "Bearer tok-unknown", EXPECT(), "1"), 401,
                "Invalid token");
    }

    @Test
    void theSpecExamplesAreAccepted() {
        assertEquals(200, http.post(EVENTS, "{\"handle\":\"my-agent-handle\",\"message\":{\"text\":\"Hello\"},"
                + "\"sender\":{\"id\":\"user-123\",\"name\":\"John Doe\",\"email\":\"john@example.com\"},"
                + "\"language\":\"EN\",\"timestamp\":1771456953407,\"options\":{\"includeMetadata\":true,"
                + "\"includeStrippedMarkdownTextResponses\":true},\"message2\":1}", AUTH, BEARER).status);
        assertEquals(200, http.post(EVENTS, "{\"handle\":\"my-agent-handle\",\"message\":{\"text\":\"Hello, I need help"
                + " with time management\",\"contexts\":[\"a\"]},\"sender\":{\"id\":\"user-123\"}}", AUTH, BEARER).status);
    }

    @Test
    void unknownRoutesAndMethods() {
        Http.Res r = http.get("/api/nope", EXPECT(), "1");
        assertError(r, 404, "Not Found");
        Http.Res m = http.send("DELETE", EVENTS, null, EXPECT(), "1");
        assertError(m, 405, "Method Not Allowed");
        assertEquals("GET, POST", m.header("allow"));
    }

    @Test
    void theLogShowsWhatWasSent() {
        say("user-123", "hi", null);
        SandboxRequest r = helvia.requests().get(0);
        assertEquals("user-123", r.jsonString("sender.id").orElseThrow());
        assertEquals("hi", r.jsonString("message.text").orElseThrow());
        assertEquals("Bearer tok-1", r.header("authorization").orElseThrow());
        assertFalse(r.toString().contains("tok-1"));
        assertFalse(r.replayed());
    }

    @Test
    void defaultsMatchTheSpecExamples() {
        try (HelviaSandbox d = HelviaSandbox.start()) {
            assertEquals(HelviaSandbox.DEFAULT_TOKEN, d.token());
            assertEquals("my-agent-handle", d.handle());
            Http h = new Http(d.baseUrl(), SpecChecks.HELVIA, false);
            assertEquals(200, h.post(EVENTS, GREETING, AUTH, "Bearer " + d.token()).status);
            assertEquals(d.baseUrl() + "/api/events", d.url("/api/events"));
            SpecChecks.assertLogConforms(SpecChecks.HELVIA, false, d.requests());
        }
    }
}
