package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.PostbackActions;
import io.github.chatsdk.helvia.internal.generated.model.PostbackData;
import io.github.chatsdk.helvia.internal.generated.model.Sender;
import io.github.chatsdk.helvia.internal.generated.model.TagOperations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused before any request, with a message that names the field. */
class HelviaInvalidInputTest extends HelviaServerTest {

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, server.getRequestCount(), "no request may reach the server");
    }

    private static Arguments refused(String field, Consumer<HelviaClient> action) {
        return Arguments.of(field, action);
    }

    private static EventRequest text(String text) {
        return new EventRequest().handle(HANDLE).message(new Message().text(text));
    }

    private static Postback postback(Postback.TypeEnum type, Object data) {
        return new Postback().type(type).data(data == null ? null : new PostbackData(data));
    }

    private static EventRequest payload(Postback p) {
        return new EventRequest().handle(HANDLE).message(new Message().payload(p));
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                // the facade
                refused("handle", c -> withoutHandle(c, n -> n.messages().send(HelviaMessage.text("hi")))),
                refused("handle", c -> HelviaMessage.text("hi").handle(" ")),
                refused("handle", c -> HelviaClient.builder().handle("\t")),
                refused("message.text", c -> c.messages().send(HelviaMessage.text("  "))),
                refused("message.payload.data", c -> c.messages().send(HelviaMessage.postback(PostbackType.NODE, ""))),
                refused("message.payload.data.actions",
                        c -> c.messages().send(HelviaMessage.postback(PostbackType.ACTION, Arrays.asList(Map.of("a", 1), null)))),
                refused("message.contexts", c -> HelviaMessage.text("hi").contexts("a", (String) null)),
                refused("tagOperations.add", c -> HelviaMessage.text("hi").addTags(List.of())),
                refused("tagOperations.remove", c -> HelviaMessage.text("hi").removeTags(new ArrayList<>())),
                refused("tagOperations.add", c -> HelviaMessage.text("hi").addTags("ok", " ")),
                refused("tagOperations.add", c -> c.conversation("u1").addTags("")),
                refused("sender.id", c -> HelviaSender.of(" ")),
                refused("sender.id", c -> c.conversation("")),
                refused("sender.name", c -> HelviaSender.of("u1").name("")),
                refused("language", c -> HelviaMessage.text("hi").language(" ")),
                refused("language", c -> c.conversation("u1").language("")),
                refused("timestamp", c -> HelviaMessage.text("hi").timestamp(-1L)),
                refused("timestamp", c -> HelviaMessage.text("hi").timestamp(java.time.Instant.MAX)),
                // the client itself
                refused("apiToken", c -> HelviaClient.builder().build()),
                refused("apiToken", c -> HelviaClient.builder().apiToken(" ")),
                refused("apiToken", c -> HelviaClient.builder().apiToken("Bearer abc")),
                refused("apiToken", c -> HelviaClient.builder().apiToken("abc\ndef")),
                refused("baseUrl", c -> HelviaClient.builder().apiToken("t").baseUrl("http://bot.example.com").build()),
                refused("baseUrl", c -> HelviaClient.builder().apiToken("t").baseUrl("not a url").build()));
    }

    /** Runs the action on a client pointed at the same server but without a default handle. */
    private static void withoutHandle(HelviaClient c, Consumer<HelviaClient> action) {
        try (HelviaClient noHandle = HelviaClient.builder().apiToken(TOKEN).baseUrl(c.baseUrl()).build()) {
            action.accept(noHandle);
        }
    }

    @ParameterizedTest(name = "[{index}] refused, naming {0}")
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedBeforeAnyRequest(String field, Consumer<HelviaClient> action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> action.accept(client));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        assertEquals(0, e.attempts());
    }

    static Stream<Arguments> nullInputs() {
        return Stream.of(
                refused("message.text", c -> HelviaMessage.text(null)),
                refused("message.payload.type", c -> HelviaMessage.postback(null, "greeting")),
                refused("message.payload.data", c -> HelviaMessage.postback(PostbackType.NODE, (String) null)),
                refused("message.payload.data.actions",
                        c -> HelviaMessage.postback(PostbackType.ACTION, (List<Map<String, Object>>) null)),
                refused("sender.id", c -> HelviaSender.of(null)),
                refused("sender.id", c -> c.conversation((String) null)),
                refused("handle", c -> HelviaClient.builder().handle(null)),
                refused("apiToken", c -> HelviaClient.builder().apiToken((String) null)),
                refused("message", c -> c.messages().send((HelviaMessage) null)));
    }

    @ParameterizedTest(name = "[{index}] null refused, naming {0}")
    @MethodSource("nullInputs")
    void nullIsRefusedNamingTheField(String field, Consumer<HelviaClient> action) {
        NullPointerException e = assertThrows(NullPointerException.class, () -> action.accept(client));
        assertEquals(field + " == null", e.getMessage());
    }

    @Test
    void aMessageCannotHaveBothTextAndPayloadByConstruction() {
        HelviaMessage text = HelviaMessage.text("hi");
        assertTrue(text.text().isPresent());
        assertFalse(text.postbackType().isPresent());
        HelviaMessage postback = HelviaMessage.greeting();
        assertFalse(postback.text().isPresent());
        assertEquals(PostbackType.NODE, postback.postbackType().orElseThrow());
    }

    @Test
    void theSpecValidatorItselfRejectsSuchRequests() throws Exception {
        // guards against a validator that accepts everything: these bodies break the spec
        try (MockWebServer other = new MockWebServer()) {
            other.enqueue(new MockResponse());
            other.enqueue(new MockResponse());
            other.start();
            OkHttpClient http = new OkHttpClient();
            MediaType json = MediaType.get("application/json");
            http.newCall(new Request.Builder().url(other.url("/api/events")).header("Authorization", "Bearer x")
                    .post(RequestBody.create("{\"message\":{\"text\":\"hi\"}}", json)).build()).execute().close();
            http.newCall(new Request.Builder().url(other.url("/api/events")).header("Authorization", "Bearer x")
                    .post(RequestBody.create("{\"handle\":\"h\",\"message\":{\"payload\":{\"type\":\"flow\","
                            + "\"data\":\"greeting\"}}}", json)).build()).execute().close();
            RecordedRequest noHandle = other.takeRequest();
            RecordedRequest badType = other.takeRequest();
            assertFalse(SPEC.requestViolations(noHandle).isEmpty());
            assertFalse(SPEC.requestViolations(badType).isEmpty());
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
