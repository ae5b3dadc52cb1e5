package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.ConflictException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error example in the spec maps to its exception type, with the server's message, code,
 * details and request id, the raw body, the metadata, and the {@link BrekError} view of the body.
 * Clients here never retry, so no test waits.
 */
class ErrorMappingTest extends BrekServerTest {

    /** One documented error: where the spec has it and what the client must make of it. */
    static final class Case {
        final BrekOperation op;
        final String status;
        final String example;
        final Class<? extends ServiceException> type;
        final String message;
        final String code;
        final Object details;
        final String requestId;
        final BrekError.Shape shape;

        Case(BrekOperation op, String status, String example, Class<? extends ServiceException> type, String message,
                String code, JsonElement details, String requestId) {
            this.op = op;
            this.status = status;
            this.example = example;
            this.type = type;
            this.message = message;
            this.code = code;
            this.details = details == null ? null : Json.toJava(details);
            this.requestId = requestId;
            this.shape = code == null ? BrekError.Shape.VALIDATION : BrekError.Shape.GATEWAY;
        }

        @Override
        public String toString() {
            return op + " " + status + " " + example;
        }
    }

    static Stream<Case> specErrorExamples() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(BrekOperation.CREATE_SESSION, "400", "actor_required", BadRequestException.class,
                "actor.actorId is required", null, null, "81bfb6d8-c7a5-4fc8-b7f4-48e23931d3a7"));
        cases.add(new Case(BrekOperation.CREATE_SESSION, "400", "invalid_json", BadRequestException.class,
                "Invalid JSON payload", null, null, "e368a7cd-6ba8-4745-9433-a33fe858f4a0"));
        cases.add(new Case(BrekOperation.SEND_EVENT, "400", "missing_session_id", BadRequestException.class,
                "sessionId is required", null, null, "e8c38dd3-3f92-4521-a4a0-bf5a22d261dc"));
        cases.add(new Case(BrekOperation.SEND_EVENT, "400", "missing_idempotency", BadRequestException.class,
                "idempotencyKey is required for kind=action_book_option", null, null,
                "2a5ea99c-9884-448f-a442-35a883b64b31"));
        cases.add(new Case(BrekOperation.GET_SESSION, "400", "session_required", BadRequestException.class,
                "sessionId is required", "invalid_request", JsonNull.INSTANCE,
                "0fdf6f3b-3c04-47f9-8825-c1189d6ea89b"));
        for (BrekOperation op : BrekOperation.values()) {
            cases.add(new Case(op, "401", "missing_key", AuthenticationException.class, "Missing partner API key.",
                    "missing_partner_api_key", JsonNull.INSTANCE, "d813d7e3-ba0b-4a97-899d-0847590d7560"));
            cases.add(new Case(op, "403", "invalid_key", PermissionDeniedException.class, "Invalid partner API key.",
                    "invalid_partner_api_key", JsonNull.INSTANCE, "c75e34ff-aa06-4393-ae7d-cf1d31c3af25"));
        }
        for (BrekOperation op : List.of(BrekOperation.SEND_EVENT, BrekOperation.GET_SESSION)) {
            cases.add(new Case(op, "404", "session_not_found", NotFoundException.class, "Session not found.",
                    "session_not_found", json("{\"sessionId\":\"sess_unknown\"}"),
                    "ca6fc510-87ef-434a-a945-ba19ed0e118f"));
        }
        cases.add(new Case(BrekOperation.SEND_EVENT, "409", "actor_mismatch", ConflictException.class,
                "actor.actorId does not match the session owner (partner_user_001).", null, null,
                "6e5d4ecf-2e57-4c63-a8b7-99fd12f8ea7a"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specErrorExamples")
    void eachSpecErrorExampleMapsToItsExceptionWithEveryField(Case c) throws Exception {
        String body = SpecExamples.response(c.op.specPath, c.op.specMethod, c.status, c.example);
        MockResponse response = error(Integer.parseInt(c.status), body);
        assertSpecResponse(c.op.method, c.op.path, response);
        server.enqueue(response);

        ServiceException e = expect(c.type, () -> c.op.run(clientWithoutRetries()));

        RecordedRequest sent = takeRequest();
        assertServiceException(e, c, body, sent);
    }

    static Stream<Arguments> serverErrorShapes() {
        return Stream.of(BrekOperation.values()).flatMap(op -> Stream.of(
                Arguments.of(op, "{\"success\":false,\"error\":\"Upstream failure.\",\"code\":\"internal_error\","
                        + "\"details\":{\"upstream\":\"inventory\"},\"requestId\":\"5f0c-500-gw\"}",
                        "Upstream failure.", "internal_error", json("{\"upstream\":\"inventory\"}"), "5f0c-500-gw"),
                Arguments.of(op, "{\"success\":false,\"error\":\"Unexpected error.\",\"requestId\":\"5f0c-500-val\"}",
                        "Unexpected error.", null, null, "5f0c-500-val")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("serverErrorShapes")
    void a500InEitherDocumentedShapeIsAnInternalServerException(BrekOperation op, String body, String message, String code,
            JsonElement details, String requestId) throws Exception {
        MockResponse response = error(500, body);
        if (code == null) {
            // the 500 schema is oneOf [Gateway, Validation] and a gateway body also matches the
            // (open) validation shape, so the validator rejects every gateway-shaped 500: a spec quirk
            assertSpecResponse(op.method, op.path, response);
        }
        server.enqueue(response);

        InternalServerException e = expect(InternalServerException.class, () -> op.run(clientWithoutRetries()));

        Case c = new Case(op, "500", "-", InternalServerException.class, message, code, details, requestId);
        assertServiceException(e, c, body, takeRequest());
    }

    @ParameterizedTest
    @EnumSource(BrekOperation.class)
    void a429CarriesItsCodePartnerIdAndRateLimitHeaders(BrekOperation op) throws Exception {
        String body = SpecExamples.response(op.specPath, op.specMethod, "429", "rate_limited");
        MockResponse response = error(429, body)
                .setHeader("x-ratelimit-limit", "120")
                .setHeader("x-ratelimit-remaining", "0")
                .setHeader("Retry-After", "30");
        assertSpecResponse(op.method, op.path, response);
        server.enqueue(response);

        RateLimitException e = expect(RateLimitException.class, () -> op.run(clientWithoutRetries()));

        Case c = new Case(op, "429", "rate_limited", RateLimitException.class, "Exceeded 120 requests per minute",
                "rate_limited", json("{\"partnerId\":\"acme\"}"), "5ec2f626-a8df-477f-b6e3-0e5ed96af646");
        assertServiceException(e, c, body, takeRequest());
        assertEquals("acme", ((Map<?, ?>) e.details().orElseThrow()).get("partnerId"));
        RateLimit rl = e.rateLimit().orElseThrow();
        assertEquals(120L, rl.limit().getAsLong());
        assertEquals(0L, rl.remaining().getAsLong());
        assertTrue(rl.exhausted());
        assertEquals(Optional.of(Duration.ofSeconds(30)), rl.retryAfter());
        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void aRequestIdOnlyInTheHeaderIsStillReported() throws Exception {
        server.enqueue(error(500, "{\"success\":false,\"error\":\"boom\"}"));

        InternalServerException e = expect(InternalServerException.class,
                () -> clientWithoutRetries().sessions().get(SESSION_ID));

        takeRequest();
        assertEquals(Optional.of(REQUEST_ID), e.requestId());
        assertEquals(Optional.empty(), e.error().requestId());
        assertTrue(e.getMessage().contains("[request " + REQUEST_ID + "]"), e.getMessage());
    }

    private static void assertServiceException(ServiceException e, Case c, String body, RecordedRequest sent) {
        int status = Integer.parseInt(c.status);
        assertEquals(status, e.statusCode());
        assertEquals(status, e.meta().statusCode());
        assertEquals(Optional.of(c.message), e.errorMessage());
        assertEquals(Optional.ofNullable(c.code), e.errorCode());
        assertEquals(Optional.ofNullable(c.details), e.details());
        assertEquals(Optional.of(c.requestId), e.requestId(), "the body's requestId wins over the header");
        assertEquals(Optional.of(REQUEST_ID), e.meta().requestId());
        assertEquals(List.of(REQUEST_ID), e.headers().get("x-request-id"));
        assertEquals(body, e.rawBody());
        assertEquals(1, e.attempts());
        assertEquals(1, e.meta().attempts());
        if (c.op.sendsKey()) {
            assertEquals(Optional.of(sentJson(sent).get("idempotencyKey").getAsString()), e.idempotencyKey(),
                    "an event's exception carries the key that was sent");
        } else {
            assertEquals(Optional.empty(), e.idempotencyKey());
        }

        String m = e.getMessage();
        assertTrue(m.contains("HTTP " + status), m);
        assertTrue(m.contains(c.message), m);
        assertTrue(m.contains("[request " + c.requestId + "]"), m);
        assertEquals(c.code != null, m.contains("(code " + c.code + ")"), m);

        BrekError b = BrekError.from(e).orElseThrow();
        assertEquals(c.shape, b.shape());
        assertEquals(Optional.of(c.message), b.errorMessage());
        assertEquals(Optional.ofNullable(c.code), b.errorCode());
        assertEquals(Optional.ofNullable(c.details), b.details());
        assertEquals(Optional.of(c.requestId), b.requestId());
        assertEquals(Json.freezeMap(Json.toJavaMap(json(body))), b.json(), "the body as plain Java, JSON null members left out");

        Map<String, Object> j = b.json();
        assertEquals(Boolean.FALSE, j.get("success"));
        assertEquals(c.message, j.get("error"));
        assertEquals(c.code, j.get("code"));
        assertEquals(c.requestId, j.get("requestId"));
        assertEquals(c.details, j.get("details"));
        assertFalse(b.toString().contains(API_KEY));
    }
}
