package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.UnexpectedStatusException;
import io.github.chatsdk.helvia.internal.generated.model.ErrorResponse;
import io.github.chatsdk.testsupport.JsonPaths;
import io.github.chatsdk.core.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error, and every hostile body, becomes the right typed exception. */
class HelviaErrorsTest extends HelviaServerTest {

    /**
     * Sends one message without retries (a 429 would otherwise be resent: it is the one answer that
     * says the message was not processed) and returns the exception of the only attempt.
     */
    private ServiceException sendExpectingError() throws InterruptedException {
        ServiceException e = assertThrows(ServiceException.class,
                () -> client.messages().send(HelviaMessage.text("hi").sender("u1"), RequestOptions.builder().maxRetries(0).build()));
        take();
        assertEquals(1, server.getRequestCount(), "one attempt");
        assertEquals(1, e.attempts());
        return e;
    }

    private static JsonObject example(String status) {
        return responseContent(status).getAsJsonObject("example");
    }

    private static JsonObject namedExample(String status, String name) {
        return responseContent(status).getAsJsonObject("examples").getAsJsonObject(name).getAsJsonObject("value");
    }

    /** The typed body every JSON error exposes. */
    private static HelviaError typed(ServiceException e) {
        HelviaError error = HelviaError.from(e).orElseThrow();
        assertEquals(Optional.of("error"), error.status());
        assertEquals(error, e.errorBody(HelviaError.class).orElseThrow(), "errorBody gives the same view");
        assertEquals(error.errorMessage(), e.errorMessage());
        return error;
    }

    @Test
    void badRequestExampleIsABadRequestException() throws Exception {
        enqueueJson(400, example("400").toString());
        ServiceException e = sendExpectingError();
        assertInstanceOf(BadRequestException.class, e);
        assertEquals(400, e.statusCode());
        assertEquals(Optional.of("Validator errors: \"handle\" is required"), e.errorMessage());
        assertEquals("Validator errors: \"handle\" is required", typed(e).errorMessage().orElseThrow());
        assertEquals(HelviaError.Reason.VALIDATION_FAILED, HelviaError.reasonOf(e));
        assertEquals(example("400").toString(), e.rawBody());
        assertTrue(e.getMessage().contains("HTTP 400 Validator errors: \"handle\" is required"), e.getMessage());
    }

    @Test
    void unauthorizedExampleSaysTheHeaderIsMissingOrMalformed() throws Exception {
        enqueueJson(401, namedExample("401", "unauthorized").toString());
        ServiceException e = sendExpectingError();
        assertInstanceOf(AuthenticationException.class, e);
        assertEquals("Unauthorized", typed(e).errorMessage().orElseThrow());
        HelviaError error = HelviaError.from(e).orElseThrow();
        assertEquals(HelviaError.Reason.MISSING_OR_MALFORMED_HEADER, error.reason());
        assertTrue(error.isMissingOrMalformedHeader());
        assertFalse(error.isInvalidToken());
        assertEquals(HelviaError.Reason.MISSING_OR_MALFORMED_HEADER, HelviaError.reasonOf(e));
    }

    @Test
    void invalidTokenExampleSaysTheTokenFailedVerification() throws Exception {
        enqueueJson(401, namedExample("401", "invalidToken").toString());
        ServiceException e = sendExpectingError();
        assertInstanceOf(AuthenticationException.class, e);
        assertEquals("Invalid token", typed(e).errorMessage().orElseThrow());
        HelviaError error = HelviaError.from(e).orElseThrow();
        assertEquals(HelviaError.Reason.INVALID_TOKEN, error.reason());
        assertTrue(error.isInvalidToken());
        assertFalse(error.isMissingOrMalformedHeader());
        assertEquals(Optional.of("Invalid token"), e.errorMessage());
    }

    @Test
    void theTwo401ReasonsAreToldApartAndVariantsAreRecognised() {
        assertEquals(HelviaError.Reason.INVALID_TOKEN,
                new HelviaError(Json.toJavaMap(json("{\"error\":\"Invalid token: jwt expired\"}"))).reason());
        assertEquals(HelviaError.Reason.MISSING_OR_MALFORMED_HEADER,
                new HelviaError(Json.toJavaMap(json("{\"error\":\" unauthorized \"}"))).reason());
        assertEquals(HelviaError.Reason.OTHER,
                new HelviaError(Json.toJavaMap(json("{\"error\":\"Unauthorized access to node\"}"))).reason());
        assertEquals(HelviaError.Reason.OTHER, new HelviaError(Map.of()).reason());
    }

    @Test
    void unknownPrincipalExampleIsPermissionDenied() throws Exception {
        enqueueJson(403, example("403").toString());
        ServiceException e = sendExpectingError();
        assertInstanceOf(PermissionDeniedException.class, e);
        assertEquals("Unknown principal", typed(e).errorMessage().orElseThrow());
        assertEquals(HelviaError.Reason.UNKNOWN_PRINCIPAL, HelviaError.reasonOf(e));
    }

    @Test
    void serverErrorWithAnErrorResponseIsNotRetriedForAMessage() throws Exception {
        enqueueJson(500, "{\"status\":\"error\",\"error\":\"Internal error\"}");
        enqueueReply(); // would be consumed by a (wrong) retry
        ServiceException e = sendExpectingError();
        assertInstanceOf(InternalServerException.class, e);
        assertEquals("Internal error", typed(e).errorMessage().orElseThrow());
        assertEquals(HelviaError.Reason.OTHER, HelviaError.reasonOf(e));
        assertTrue(sleeps.isEmpty());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, InternalServerException.class),
                Arguments.of(502, InternalServerException.class),
                Arguments.of(503, InternalServerException.class),
                Arguments.of(504, InternalServerException.class),
                Arguments.of(302, UnexpectedStatusException.class),
                Arguments.of(409, io.github.chatsdk.core.ConflictException.class),
                Arguments.of(418, UnexpectedStatusException.class));
    }

    @ParameterizedTest(name = "HTTP {0} with an ErrorResponse is a {1}")
    @MethodSource("statuses")
    void everyStatusMapsToItsExceptionAndKeepsTheTypedBody(int status, Class<? extends ServiceException> type)
            throws Exception {
        enqueueJson(status, "{\"status\":\"error\",\"error\":\"Something " + status + "\"}");
        ServiceException e = sendExpectingError();
        assertInstanceOf(type, e);
        assertEquals(status, e.statusCode());
        assertEquals("Something " + status, typed(e).errorMessage().orElseThrow());
    }

    @ParameterizedTest(name = "HTTP {0} with an HTML body is a {1}")
    @MethodSource("statuses")
    void everyStatusWithAnHtmlBodyMapsToItsExceptionWithoutATypedBody(int status,
            Class<? extends ServiceException> type) throws Exception {
        String html = "<html><body><h1>" + status + " from the proxy</h1></body></html>";
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/html").setBody(html));
        ServiceException e = sendExpectingError();
        assertInstanceOf(type, e);
        assertFalse(HelviaError.from(e).isPresent());
        assertFalse(e.errorMessage().isPresent());
        assertEquals(HelviaError.Reason.OTHER, HelviaError.reasonOf(e));
        assertEquals(html, e.rawBody());
    }

    @Test
    void anEmptyErrorBodyStillGivesTheStatus() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        ServiceException e = sendExpectingError();
        assertInstanceOf(InternalServerException.class, e);
        assertEquals("", e.rawBody());
        assertFalse(HelviaError.from(e).isPresent());
        assertEquals(Optional.empty(), e.errorMessage());
    }

    @Test
    void aPlainTextErrorBodyIsKeptRaw() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "text/plain")
                .setBody("Unauthorized"));
        ServiceException e = sendExpectingError();
        assertInstanceOf(AuthenticationException.class, e);
        assertEquals("Unauthorized", e.rawBody());
        assertFalse(HelviaError.from(e).isPresent(), "not JSON: no typed body");
    }

    @Test
    void truncatedJsonErrorBodyIsKeptRaw() throws Exception {
        enqueueJson(400, "{\"status\":\"error\",\"err");
        ServiceException e = sendExpectingError();
        assertInstanceOf(BadRequestException.class, e);
        assertEquals("{\"status\":\"error\",\"err", e.rawBody());
        assertFalse(HelviaError.from(e).isPresent());
    }

    @Test
    void anErrorBodyOfAnotherShapeKeepsItsJsonButHasNoErrorMessage() throws Exception {
        enqueueJson(400, "{\"error\":{\"code\":17,\"detail\":\"bad\"},\"requestId\":\"r-1\"}");
        ServiceException e = sendExpectingError();
        HelviaError error = HelviaError.from(e).orElseThrow();
        assertEquals(Optional.empty(), error.errorMessage(), "an error that is not a string is not guessed");
        assertEquals(Map.of("code", 17L, "detail", "bad"), error.json().get("error"));
        assertEquals(HelviaError.Reason.OTHER, error.reason());
        assertTrue(error.toString().contains("detail"), error.toString());
    }

    @Test
    void anUnknownErrorStatusValueStillParses() throws Exception {
        enqueueJson(400, "{\"status\":\"failure\",\"error\":\"Validator errors: \\\"message\\\" is required\","
                + "\"extra\":[1,2]}");
        ServiceException e = sendExpectingError();
        HelviaError error = HelviaError.from(e).orElseThrow();
        assertEquals(Optional.of("failure"), error.status());
        assertEquals(List.of(1L, 2L), error.json().get("extra"));
        assertEquals(HelviaError.Reason.VALIDATION_FAILED, error.reason());
    }

    @Test
    void theRequestIdHeaderIsOnTheException() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500).setHeader("x-request-id", "req-500")
                .setBody("{\"status\":\"error\",\"error\":\"boom\"}"));
        ServiceException e = sendExpectingError();
        assertEquals(Optional.of("req-500"), e.requestId());
        assertTrue(e.getMessage().contains("[request req-500]"), e.getMessage());
    }

    @Test
    void aCodeAndARequestIdInTheBodyAreKeptWhereABodyHasThem() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("x-request-id", "req-header")
                .setBody("{\"status\":\"error\",\"error\":\"overloaded\",\"code\":\"busy\",\"requestId\":\"req-body\"}"));
        ServiceException e = assertThrows(ServiceException.class, () -> client.messages().send(HelviaMessage.text("hi")));
        take();
        assertEquals(Optional.of("busy"), e.errorCode());
        assertEquals(Optional.of("req-body"), e.requestId(), "the body's request id wins over the header's");
        assertEquals(Optional.of("overloaded"), e.errorMessage());
    }

    static Stream<String> unreadableReplies() {
        return Stream.of("", "OK", "<html>ok</html>", "[]", "null", "42", "{\"status\":\"ok\",\"result\":",
                "{\"result\":\"text\"}", "{\"result\":{\"responses\":{}}}", "{\"result\":{\"responses\":[1]}}",
                "{\"result\":{\"responses\":[null]}}", "{\"result\":{\"responses\":[{\"options\":\"x\"}]}}",
                "{\"result\":{\"nodesIds\":\"n\"}}", "{\"status\":[\"ok\"]}",
                "{\"result\":{\"responses\":[{\"id\":{\"a\":1}}]}}");
    }

    @ParameterizedTest(name = "a 200 with body {0} is malformed")
    @MethodSource("unreadableReplies")
    void aSuccessThatCannotBeReadIsAMalformedResponse(String body) throws Exception {
        enqueueOk(body);
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> client.messages().send(HelviaMessage.text("hi")));
        take();
        assertEquals(200, e.statusCode());
        assertEquals(body, e.rawBody());
        assertNotNull(e.getCause());
        assertTrue(e.getMessage().startsWith("Unreadable success response: HTTP 200"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    static Stream<String> unreadableHealthAnswers() {
        return Stream.of("", "OK", "<html>ok</html>", "[]", "null", "42", "{\"status\":", "{\"status\":[\"ok\"]}",
                "{\"status\":{\"a\":1}}");
    }

    @ParameterizedTest(name = "a health 200 with body {0} is malformed")
    @MethodSource("unreadableHealthAnswers")
    void anUnreadableHealthAnswerIsAMalformedResponse(String body) throws Exception {
        enqueueOk(body);
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client.health().check());
        take();
        assertEquals(200, e.statusCode());
        assertEquals(body, e.rawBody());
    }

    @Test
    void aHealthErrorIsTypedToo() throws Exception {
        enqueueJson(401, namedExample("401", "unauthorized").toString());
        ServiceException e = assertThrows(AuthenticationException.class, () -> client.health().check());
        take();
        assertEquals(HelviaError.Reason.MISSING_OR_MALFORMED_HEADER, HelviaError.reasonOf(e));
    }
}
