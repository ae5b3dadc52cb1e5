package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.InvalidInputException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input that cannot be valid is refused before any request is sent, naming the field. */
class InputValidationTest extends BrekServerTest {
    private static final String ACTOR = "partner_user_001";
    private static final String OPTION = "1375108c-d021-4e45-a54a-e11ef553af07";

    private static Arguments refused(String label, String field, Consumer<BrekClient> call) {
        return Arguments.of(label, field, call);
    }

    static Stream<Arguments> invalidInput() {
        return Stream.of(
                refused("create with blank actorId", "actor.actorId",
                        c -> c.sessions().create(CreateSession.forActor(" "))),
                refused("create with empty actorId", "actor.actorId",
                        c -> c.sessions().create(CreateSession.forActor(""))),
                refused("text with blank actorId", "actor.actorId", c -> c.events().sendText(SESSION_ID, "\t", "hi")),
                refused("kind with blank actorId", "actor.actorId",
                        c -> c.events().send(SendEvent.ofKind(SESSION_ID, EventKind.ACTION_BOOK_OPTION).actorId(""))),
                refused("get with blank sessionId", "sessionId", c -> c.sessions().get("  ")),
                refused("text with blank sessionId", "sessionId", c -> c.events().sendText(" ", ACTOR, "hi")),
                refused("book with empty sessionId", "sessionId", c -> c.events().bookOption("", OPTION)),
                refused("get with sessionId .", "sessionId", c -> c.sessions().get(".")),
                refused("get with sessionId ..", "sessionId", c -> c.sessions().get("..")),
                refused("text with sessionId ..", "sessionId", c -> c.events().sendText("..", ACTOR, "hi")),
                refused("kind with sessionId .", "sessionId",
                        c -> c.events().send(SendEvent.ofKind(".", EventKind.ACTION_CANCEL_BOOKING))),
                refused("blank caller idempotency key", "idempotencyKey",
                        c -> c.events().send(SendEvent.text(SESSION_ID, ACTOR, "hi").idempotencyKey("   "))),
                refused("empty caller idempotency key", "idempotencyKey",
                        c -> c.events().send(SendEvent.ofKind(SESSION_ID, EventKind.ACTION_BOOK_OPTION)
                                .payload(Map.of("optionId", OPTION)).idempotencyKey(""))),
                refused("idempotency key over 255 characters", "idempotencyKey",
                        c -> c.events().send(SendEvent.text(SESSION_ID, ACTOR, "hi").idempotencyKey("k".repeat(256)))),
                refused("idempotency key with a control character", "idempotencyKey",
                        c -> c.events().send(SendEvent.text(SESSION_ID, ACTOR, "hi").idempotencyKey("a\r\nb"))),
                refused("blank text", "text", c -> c.events().sendText(SESSION_ID, ACTOR, " \n ")),
                refused("empty text", "text", c -> c.events().sendText(SESSION_ID, ACTOR, "")),
                refused("bookOption with blank optionId", "payload.optionId",
                        c -> c.events().bookOption(SESSION_ID, " ")),
                refused("bookByOptionId with empty optionId", "payload.optionId",
                        c -> c.events().bookByOptionId(SESSION_ID, "")),
                refused("deterministic key part with a colon", "sessionId",
                        c -> IdempotencyKeys.deterministic("demo", "a:b", "book", 1)),
                refused("deterministic key with a blank action", "action",
                        c -> IdempotencyKeys.deterministic("demo", SESSION_ID, " ", 1)),
                refused("deterministic key with a negative sequence", "sequence",
                        c -> IdempotencyKeys.deterministic("demo", SESSION_ID, "book", -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInput")
    void invalidInputIsRefusedNamingTheFieldAndSendsNoRequest(String label, String field, Consumer<BrekClient> call) {
        BrekClient client = client();

        InvalidInputException e = expect(InvalidInputException.class, () -> call.accept(client));

        assertEquals(field, e.field(), label);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        assertEquals(0, e.attempts());
        assertEquals(0, server.getRequestCount());
    }

    static Stream<Arguments> nullInput() {
        return Stream.of(
                refused("create(null)", "request == null", c -> c.sessions().create(null)),
                refused("forActor(null)", "actor.actorId == null", c -> CreateSession.forActor(null)),
                refused("get(null)", "sessionId == null", c -> c.sessions().get(null)),
                refused("send(null)", "event == null", c -> c.events().send(null)),
                refused("sendText null session", "sessionId == null", c -> c.events().sendText(null, ACTOR, "hi")),
                refused("sendText null actor", "actor.actorId == null",
                        c -> c.events().sendText(SESSION_ID, null, "hi")),
                refused("sendText null text", "text == null", c -> c.events().sendText(SESSION_ID, ACTOR, null)),
                refused("ofKind null kind", "kind == null", c -> SendEvent.ofKind(SESSION_ID, null)),
                refused("payload(null)", "payload == null",
                        c -> SendEvent.ofKind(SESSION_ID, EventKind.ACTION_BOOK_OPTION).payload(null)),
                refused("bookOption null optionId", "payload.optionId == null",
                        c -> c.events().bookOption(SESSION_ID, null)),
                refused("null idempotency key", "idempotencyKey == null",
                        c -> SendEvent.text(SESSION_ID, ACTOR, "hi").idempotencyKey(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullInput")
    void nullInputIsRefusedNamingTheArgumentAndSendsNoRequest(String label, String message,
            Consumer<BrekClient> call) {
        BrekClient client = client();

        NullPointerException e = assertThrows(NullPointerException.class, () -> call.accept(client));

        assertEquals(message, e.getMessage(), label);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aKeySupplierThatReturnsBlankIsRefusedBeforeSending() {
        BrekClient client = track(builder().apiKey(() -> " ").build());

        InvalidInputException e = expect(InvalidInputException.class,
                () -> client.events().sendText(SESSION_ID, ACTOR, "hi"));

        assertEquals("credential", e.field());
        assertEquals(0, server.getRequestCount());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("blank apiKey", "apiKey", (Runnable) () -> BrekClient.builder().apiKey(" ")),
                Arguments.of("no apiKey", "apiKey", (Runnable) () -> BrekClient.builder().build()),
                Arguments.of("negative maxRetries", "maxRetries", (Runnable) () -> BrekClient.builder().maxRetries(-1)),
                Arguments.of("zero timeout", "timeout",
                        (Runnable) () -> BrekClient.builder().timeout(java.time.Duration.ZERO)),
                Arguments.of("baseUrl that is not a URL", "baseUrl",
                        (Runnable) () -> BrekClient.builder().apiKey(API_KEY).baseUrl("brek.ai").build()),
                Arguments.of("baseUrl with a query", "baseUrl",
                        (Runnable) () -> BrekClient.builder().apiKey(API_KEY).baseUrl("https://brek.ai/?x=1").build()),
                Arguments.of("credential as an extra header", "header",
                        (Runnable) () -> BrekClient.builder().header("X-Partner-Api-Key", "k")),
                Arguments.of("Authorization as an extra header", "header",
                        (Runnable) () -> BrekClient.builder().header("authorization", "Bearer k")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidBuilderSettingsAreRefusedNamingTheSetting(String label, String field, Runnable build) {
        InvalidInputException e = expect(InvalidInputException.class, build::run);

        assertEquals(field, e.field(), label);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aPayloadThatCannotBeWrittenAsJsonIsRefusedAtOnceNamingThePayload() {
        // a map that contains itself: Gson recurses until the stack is exhausted, which the guard on
        // user-supplied maps turns into an InvalidInputException before anything is sent
        Map<String, Object> cyclic = new java.util.HashMap<>();
        cyclic.put("self", cyclic);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SendEvent.ofKind("sess_1", EventKind.ACTION_BOOK_OPTION).actorId("partner_user_001").payload(cyclic));
        assertEquals("payload", e.field());
        assertTrue(e.getMessage().contains("cannot be written as JSON"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
