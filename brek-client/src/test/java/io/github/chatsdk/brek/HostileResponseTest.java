package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.UnexpectedStatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies a real network produces: HTML from a proxy, empty and truncated bodies, a success status
 * with a body that is not the documented shape. Each becomes a typed exception that keeps the
 * status and the raw body; building it never throws. And {@code details} parses in every shape.
 */
class HostileResponseTest extends BrekServerTest {
    private static final String HTML = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";

    static Stream<Arguments> hostileErrorBodies() {
        List<Arguments> out = new ArrayList<>();
        for (BrekOperation op : BrekOperation.values()) {
            out.add(Arguments.of(op, "HTML 502", 502, "text/html", HTML, InternalServerException.class));
            out.add(Arguments.of(op, "empty 500", 500, null, "", InternalServerException.class));
            out.add(Arguments.of(op, "truncated JSON 500", 500, "application/json",
                    "{\"success\":false,\"error\":\"Upstream fail", InternalServerException.class));
            out.add(Arguments.of(op, "plain-text 503", 503, "text/plain", "Service Unavailable",
                    InternalServerException.class));
            out.add(Arguments.of(op, "JSON array 400", 400, "application/json", "[\"bad\"]",
                    BadRequestException.class));
            out.add(Arguments.of(op, "JSON string 404", 404, "application/json", "\"gone\"",
                    NotFoundException.class));
            out.add(Arguments.of(op, "HTML 418", 418, "text/html", "<p>teapot</p>", UnexpectedStatusException.class));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileErrorBodies")
    void anErrorStatusWithAnUnreadableBodyIsATypedExceptionKeepingStatusAndRawBody(BrekOperation op, String label,
            int status, String contentType, String body, Class<? extends ServiceException> type) throws Exception {
        MockResponse response = new MockResponse().setResponseCode(status).setHeader("x-request-id", REQUEST_ID)
                .setBody(body);
        if (contentType != null) {
            response.setHeader("Content-Type", contentType);
        }
        server.enqueue(response);

        ServiceException e = expect(type, () -> op.run(clientWithoutRetries()));

        RecordedRequest sent = takeRequest();
        assertEquals(status, e.statusCode());
        assertEquals(body, e.rawBody());
        assertEquals(Optional.empty(), e.errorMessage());
        assertEquals(Optional.empty(), e.errorCode());
        assertEquals(Optional.empty(), e.details());
        assertEquals(Optional.of(REQUEST_ID), e.requestId(), "the header's request id when the body has none");
        assertEquals(Optional.empty(), BrekError.from(e));
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
        assertKeyOf(op, sent, e);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void aHugeErrorBodyIsKeptTruncated(BrekOperation op) throws Exception {
        String body = "<html>" + "x".repeat(200_000) + "</html>";
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(body));

        InternalServerException e = expect(InternalServerException.class, () -> op.run(clientWithoutRetries()));

        takeRequest();
        assertTrue(e.rawBody().length() < 10_000, "raw body bounded: " + e.rawBody().length());
        assertTrue(body.startsWith(e.rawBody().substring(0, 8 * 1024)), "starts like the body");
        assertTrue(e.rawBody().endsWith("[truncated]"), "says it was truncated");
    }

    @ParameterizedTest
    @MethodSource("operations")
    void anErrorBodyWithWrongMemberTypesKeepsWhatItCanAndNeverThrowsWhileBuilding(BrekOperation op) throws Exception {
        String body = "{\"success\":\"no\",\"error\":42,\"code\":{\"x\":1},\"details\":7,\"requestId\":[]}";
        server.enqueue(error(404, body));

        NotFoundException e = expect(NotFoundException.class, () -> op.run(clientWithoutRetries()));

        takeRequest();
        assertEquals(404, e.statusCode());
        assertEquals(body, e.rawBody());
        assertEquals(Optional.empty(), e.errorMessage());
        assertEquals(Optional.empty(), e.errorCode());
        assertEquals(Optional.of(7L), e.details());
        assertEquals(Optional.of(REQUEST_ID), e.requestId());
        BrekError b = BrekError.from(e).orElseThrow();
        assertEquals(Optional.empty(), b.errorMessage());
        assertEquals(Optional.empty(), b.errorCode(), "a code that is not a string is not guessed");
    }

    static Stream<BrekOperation> operations() {
        return Stream.of(BrekOperation.values());
    }

    /** Bodies that no operation can read as its 200 shape. */
    private static final List<String> BROKEN_FOR_EVERY_OPERATION = List.of(
            "",
            "not json at all",
            "{\"data\":{\"sessionId\":\"sess_1",
            "null",
            "[]",
            "\"text\"",
            "42",
            "{}",
            "{\"data\":null}",
            "{\"data\":\"x\"}",
            "{\"data\":[]}",
            "[".repeat(10_000));

    static Stream<Arguments> brokenSuccessBodies() {
        List<Arguments> out = new ArrayList<>();
        for (BrekOperation op : BrekOperation.values()) {
            for (String body : BROKEN_FOR_EVERY_OPERATION) {
                out.add(Arguments.of(op, label(body), body, "application/json"));
            }
            out.add(Arguments.of(op, "HTML", HTML, "text/html"));
        }
        // JSON missing a required member, at every depth
        for (String path : List.of("data.sessionId", "data.tenantId", "data.channel", "data.channel.type",
                "data.conversation", "data.actor", "data.actor.actorId", "data.createdAt", "data.updatedAt",
                "data.events")) {
            out.add(without(BrekOperation.CREATE_SESSION, path));
        }
        for (String path : List.of("data.sessionId", "data.event", "data.event.id", "data.event.kind", "data.result",
                "data.result.status", "data.result.message", "data.result.message.text")) {
            out.add(without(BrekOperation.SEND_EVENT, path));
        }
        for (String path : List.of("data.sessionId", "data.tenantId", "data.actor", "data.events")) {
            out.add(without(BrekOperation.GET_SESSION, path));
        }
        // JSON with a member of the wrong type
        out.add(with(BrekOperation.CREATE_SESSION, "data.sessionId", "{\"id\":1}"));
        out.add(with(BrekOperation.CREATE_SESSION, "data.channel", "\"partner_api\""));
        out.add(with(BrekOperation.CREATE_SESSION, "data.channel.type", "[\"partner_api\"]"));
        out.add(with(BrekOperation.CREATE_SESSION, "data.conversation", "[]"));
        out.add(with(BrekOperation.CREATE_SESSION, "data.conversation", "null"));
        out.add(with(BrekOperation.CREATE_SESSION, "data.actor", "\"partner_user_001\""));
        out.add(with(BrekOperation.CREATE_SESSION, "data.actor.timezoneOffsetMinutes", "\"UTC-8\""));
        out.add(with(BrekOperation.CREATE_SESSION, "data.createdAt", "\"yesterday\""));
        out.add(with(BrekOperation.CREATE_SESSION, "data.updatedAt", "{}"));
        out.add(with(BrekOperation.CREATE_SESSION, "data.events", "{}"));
        out.add(with(BrekOperation.CREATE_SESSION, "data.events", "[1]"));
        out.add(with(BrekOperation.SEND_EVENT, "data.event", "\"evt_1\""));
        out.add(with(BrekOperation.SEND_EVENT, "data.event.kind", "{\"v\":1}"));
        out.add(with(BrekOperation.SEND_EVENT, "data.event.kind", "null"));
        out.add(with(BrekOperation.SEND_EVENT, "data.result", "[]"));
        out.add(with(BrekOperation.SEND_EVENT, "data.result.status", "[\"shortlist\"]"));
        out.add(with(BrekOperation.SEND_EVENT, "data.result.message", "\"hi\""));
        out.add(with(BrekOperation.SEND_EVENT, "data.result.message.text", "{}"));
        out.add(with(BrekOperation.SEND_EVENT, "data.result.artifacts", "\"none\""));
        out.add(with(BrekOperation.SEND_EVENT, "data.result.artifacts", "[]"));
        out.add(with(BrekOperation.GET_SESSION, "data.actor", "\"partner_user_001\""));
        out.add(with(BrekOperation.GET_SESSION, "data.events", "{}"));
        out.add(with(BrekOperation.GET_SESSION, "data.events", "[\"evt_1\"]"));
        out.add(with(BrekOperation.GET_SESSION, "data.events.0.eventId", "{}"));
        out.add(with(BrekOperation.GET_SESSION, "data.events.0.recordedAt", "\"not a date\""));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenSuccessBodies")
    void aSuccessStatusWithABrokenBodyIsAMalformedResponseKeepingStatusAndRawBody(BrekOperation op, String label,
            String body, String contentType) throws Exception {
        server.enqueue(ok(body).setHeader("Content-Type", contentType));

        MalformedResponseException e = expect(MalformedResponseException.class, () -> op.run(client()));

        RecordedRequest sent = takeRequest();
        assertEquals(1, server.getRequestCount(), "a 200 is never retried");
        assertEquals(200, e.statusCode());
        assertEquals(Optional.of(REQUEST_ID), e.requestId());
        assertEquals(Optional.of(PARTNER_ID), e.meta().header("x-partner-id"));
        assertEquals(120L, e.meta().rateLimit().orElseThrow().limit().getAsLong());
        if (body.length() < 8 * 1024) {
            assertEquals(body, e.rawBody());
        } else {
            assertTrue(e.rawBody().endsWith("[truncated]"));
        }
        assertNotNull(e.getCause(), "the parse failure is the cause");
        assertTrue(e.getMessage().contains("HTTP 200"), e.getMessage());
        assertEquals(Optional.empty(), BrekError.from(e));
        assertKeyOf(op, sent, e);
    }

    static Stream<Arguments> detailsShapes() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("{\"sessionId\":\"sess_unknown\",\"n\":1}", Map.of("sessionId", "sess_unknown", "n", 1L)),
                Arguments.of("\"session expired\"", "session expired"),
                Arguments.of("[\"a\"]", List.of("a")),
                Arguments.of("[]", List.of()),
                Arguments.of("[{\"a\":1}]", List.of(Map.of("a", 1L))),
                Arguments.of("2.5", 2.5d),
                Arguments.of("true", true),
                Arguments.of(null, null));
    }

    @ParameterizedTest(name = "details {0}")
    @MethodSource("detailsShapes")
    void detailsParsesInEveryShape(String detailsJson, Object expected) throws Exception {
        String body = "{\"success\":false,\"error\":\"Session not found.\",\"code\":\"session_not_found\","
                + (detailsJson == null ? "" : "\"details\":" + detailsJson + ",")
                + "\"requestId\":\"ca6fc510-87ef-434a-a945-ba19ed0e118f\"}";
        server.enqueue(error(404, body));

        NotFoundException e = expect(NotFoundException.class, () -> clientWithoutRetries().sessions().get(SESSION_ID));

        takeRequest();
        assertEquals(Optional.ofNullable(expected), e.details());
        assertEquals(Optional.of("session_not_found"), e.errorCode());
        assertEquals(Optional.of("Session not found."), e.errorMessage());
        BrekError b = BrekError.from(e).orElseThrow();
        assertEquals(Optional.ofNullable(expected), b.details());
        assertEquals(Optional.ofNullable(expected), Optional.ofNullable(b.json().get("details")));
        assertEquals(body, e.rawBody());
    }

    private static void assertKeyOf(BrekOperation op, RecordedRequest sent, ChatSdkException e) {
        if (op.sendsKey()) {
            assertEquals(Optional.of(sentJson(sent).get("idempotencyKey").getAsString()), e.idempotencyKey());
        } else {
            assertEquals(Optional.empty(), e.idempotencyKey());
        }
    }

    private static String label(String body) {
        String oneLine = body.length() > 40 ? body.substring(0, 40) + "..." : body;
        return oneLine.isEmpty() ? "(empty)" : oneLine;
    }

    /** The operation's 200 example without the member at {@code path} (dots; numbers index arrays). */
    private static Arguments without(BrekOperation op, String path) {
        JsonObject example = json(op.successExample()).getAsJsonObject();
        String[] parts = path.split("\\.");
        JsonElement parent = walk(example, parts);
        parent.getAsJsonObject().remove(parts[parts.length - 1]);
        return Arguments.of(op, "without " + path, example.toString(), "application/json");
    }

    /** The operation's 200 example with the member at {@code path} replaced by {@code value}. */
    private static Arguments with(BrekOperation op, String path, String value) {
        JsonObject example = json(op.successExample()).getAsJsonObject();
        String[] parts = path.split("\\.");
        JsonElement parent = walk(example, parts);
        String last = parts[parts.length - 1];
        if (parent.isJsonArray()) {
            parent.getAsJsonArray().set(Integer.parseInt(last), json(value));
        } else {
            parent.getAsJsonObject().add(last, json(value));
        }
        return Arguments.of(op, path + "=" + value, example.toString(), "application/json");
    }

    private static JsonElement walk(JsonElement root, String[] parts) {
        JsonElement at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.isJsonArray() ? at.getAsJsonArray().get(Integer.parseInt(parts[i]))
                    : at.getAsJsonObject().get(parts[i]);
        }
        return at;
    }
}
