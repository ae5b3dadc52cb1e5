package io.github.chatsdk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.helvia.HelviaError;
import io.github.chatsdk.helvia.HealthStatus;
import io.github.chatsdk.helvia.HelviaMessage;
import io.github.chatsdk.helvia.HelviaSender;
import io.github.chatsdk.helvia.PostbackType;
import io.github.chatsdk.helvia.ReplyItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Helvia client against {@code prism mock} serving {@code specs/helvia-bot.json} unmodified. */
class HelviaContractIT {
    private static final String SPEC = "helvia-bot.json";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.contract.token";

    @RegisterExtension
    static final PrismExtension prism = PrismExtension.mock(SPEC);
    @RegisterExtension
    static final PrismExtension dynamicPrism = PrismExtension.mock(SPEC, "-d", "--seed", "20261123");

    private static HelviaClient client(String baseUrl, String prefer) {
        HelviaClient.Builder b = HelviaClient.builder().apiToken(TOKEN).handle("my-agent-handle").baseUrl(baseUrl)
                .maxRetries(0);
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        return b.build();
    }

    private static void assertIsTheTextResponseExample(AgentReply reply) {
        assertEquals("ok", reply.status().orElseThrow());
        assertEquals(2, reply.responses().size());
        ReplyItem first = reply.responses().get(0);
        assertEquals("TX_b8eb307f-cf33-48fb-bc51-a0e7e6a7d817", first.id().orElseThrow());
        assertEquals("text", first.type().orElseThrow());
        assertEquals(List.of("Hi! I'm the Productivity Coach."), first.options());
        assertEquals("Hi! I'm the Productivity Coach.", first.altText().orElseThrow());
        ReplyItem second = reply.responses().get(1);
        assertEquals("TX_1bfda168-dd49-4dc0-b9fc-56ce9cb5d141", second.id().orElseThrow());
        assertEquals(List.of("How can I help you today?"), second.options());
        assertEquals(List.of("Hi! I'm the Productivity Coach.", "How can I help you today?"), reply.texts());
        assertEquals(200, reply.meta().statusCode());
    }

    @Test
    void healthCheckAnswersOkWithoutCredential() {
        try (HelviaClient helvia = client(prism.url(), null)) {
            HealthStatus health = helvia.health().check();
            assertTrue(health.isOk());
            assertEquals("ok", health.status().orElseThrow());
        }
    }

    @Test
    void greetingTextAndOptionsExamplesPassValidationAndReturnTheExampleReply() {
        try (HelviaClient helvia = client(prism.url(), null)) {
            HelviaConversation chat = helvia.conversation("user-123");
            assertIsTheTextResponseExample(chat.start());
            assertIsTheTextResponseExample(chat.say("Hello, I need help with time management"));
            assertIsTheTextResponseExample(helvia.messages().send(HelviaMessage.text("Hello")
                    .sender(HelviaSender.of("user-123").name("John Doe").email("john@example.com"))
                    .language("EN").includeMetadata(true).includeStrippedMarkdown(true)));
        }
    }

    @Test
    void everyRequestMemberPassesPrismValidation() {
        try (HelviaClient helvia = client(prism.url(), null)) {
            assertIsTheTextResponseExample(helvia.messages().send(HelviaMessage.postback(PostbackType.ACTION,
                    List.of(Map.of("type", "handover", "queue", 3)))
                    .sender(HelviaSender.of("user-9")).contexts("mobile", "beta").timestamp(1771456953407L)
                    .addTags("vip").removeTags("trial").handle("other-handle")));
            assertIsTheTextResponseExample(helvia.messages().send(HelviaMessage.postback(PostbackType.INTENT, "book_hotel")));
        }
    }

    @Test
    void noCredentialGivesTheTypedAuthenticationError() {
        OkHttpClient stripping = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().removeHeader("Authorization").build())).build();
        try (HelviaClient helvia = HelviaClient.builder().apiToken(TOKEN).handle("h").baseUrl(prism.url())
                .okHttpClient(stripping).maxRetries(0).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> helvia.messages().send(
                    HelviaMessage.text("hi")));
            assertEquals(401, e.statusCode());
            assertEquals(HelviaError.Reason.MISSING_OR_MALFORMED_HEADER, HelviaError.reasonOf(e));
        } finally {
            stripping.dispatcher().executorService().shutdown();
            stripping.connectionPool().evictAll();
        }
    }

    static Stream<Arguments> documentedErrors() {
        return Stream.of(
                Arguments.of("code=400", BadRequestException.class, "Validator errors: \"handle\" is required",
                        HelviaError.Reason.VALIDATION_FAILED),
                Arguments.of("code=401, example=unauthorized", AuthenticationException.class, "Unauthorized",
                        HelviaError.Reason.MISSING_OR_MALFORMED_HEADER),
                Arguments.of("code=401, example=invalidToken", AuthenticationException.class, "Invalid token",
                        HelviaError.Reason.INVALID_TOKEN),
                Arguments.of("code=403", PermissionDeniedException.class, "Unknown principal",
                        HelviaError.Reason.UNKNOWN_PRINCIPAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorMapsToItsTypedException(String prefer, Class<? extends ServiceException> type,
            String message, HelviaError.Reason reason) {
        try (HelviaClient helvia = client(prism.url(), prefer)) {
            ServiceException e = assertThrows(ServiceException.class, () -> helvia.messages().send(HelviaMessage.text("hi")));
            assertInstanceOf(type, e);
            assertEquals(message, e.errorMessage().orElseThrow());
            HelviaError body = HelviaError.from(e).orElseThrow();
            assertEquals("error", body.status().orElseThrow());
            assertEquals(message, body.errorMessage().orElseThrow());
            assertEquals(reason, body.reason());
            assertFalse(e.getMessage().contains(TOKEN), "no credential in messages");
        }
    }

    @Test
    void the500ResponseMapsToServerError() {
        try (HelviaClient helvia = client(prism.url(), "code=500")) {
            InternalServerException e = assertThrows(InternalServerException.class,
                    () -> helvia.messages().send(HelviaMessage.text("hi")));
            assertEquals(500, e.statusCode());
        }
    }

    @Test
    void fiftyRandomPayloadsPerOperationWithUnknownFieldsAllParse() {
        try (HelviaClient helvia = client(dynamicPrism.url(), null)) {
            for (int i = 0; i < 50; i++) {
                assertNotNull(helvia.health().check());
                AgentReply reply = helvia.messages().send(HelviaMessage.text("turn " + i).includeMetadata(true));
                assertNotNull(reply.responses());
                assertNotNull(reply.texts());
            }
        }
    }

    @Test
    void prismRejectsADeliberatelyBrokenRequest() throws IOException {
        // a postback type outside node | intent | action breaks the spec
        OkHttpClient raw = new OkHttpClient();
        try (Response response = raw.newCall(new Request.Builder().url(prism.url() + "/api/events")
                .header("Authorization", "Bearer " + TOKEN)
                .post(RequestBody.create("{\"handle\":\"h\",\"message\":{\"payload\":{\"type\":\"teleport\",\"data\":\"x\"}}}",
                        MediaType.get("application/json")))
                .build()).execute()) {
            assertEquals(400, response.code());
            String violations = response.header("sl-violations");
            assertNotNull(violations, "Prism reports the violation");
            assertTrue(violations.contains("type"), violations);
        } finally {
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
    }
}
