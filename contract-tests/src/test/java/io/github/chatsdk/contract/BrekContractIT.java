package io.github.chatsdk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.brek.BrekAuthScheme;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.BrekError;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventKind;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.SessionEvent;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.ConflictException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.ServiceException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The Brek client against {@code prism mock} serving {@code specs/brek-partner-core-chat.yaml} unmodified. */
class BrekContractIT {
    private static final String SPEC = "brek-partner-core-chat.yaml";
    private static final String SESSION = "sess_1771456953407_g7p6233d";

    @RegisterExtension
    static final PrismExtension prism = PrismExtension.mock(SPEC);
    @RegisterExtension
    static final PrismExtension dynamicPrism = PrismExtension.mock(SPEC, "-d", "--seed", "20261123");

    private static BrekClient client(BrekAuthScheme scheme, String prefer) {
        BrekClient.Builder b = BrekClient.builder().apiKey("partner-key-123").authScheme(scheme)
                .baseUrl(prism.url()).maxRetries(0);
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(BrekAuthScheme.class)
    void createSessionReturnsTheSpecExampleWithEveryScheme(BrekAuthScheme scheme) {
        try (BrekClient brek = client(scheme, null)) {
            Session s = brek.sessions().create(CreateSession.forActor("partner_user_001").timezoneOffsetMinutes(-480)
                    .workspaceId("partner-workspace").channelId("partner-chat"));
            assertEquals(SESSION, s.sessionId());
            assertEquals("demo-tenant", s.tenantId());
            assertEquals("partner_api", s.channelType());
            assertEquals("partner-workspace", s.workspaceId().orElseThrow());
            assertEquals("partner-chat:" + SESSION, s.conversationId().orElseThrow());
            assertEquals("partner-chat", s.channelId().orElseThrow());
            assertEquals(SESSION, s.threadTs().orElseThrow());
            assertEquals("partner_user_001", s.actorId());
            assertEquals(-480, s.timezoneOffsetMinutes().orElseThrow());
            assertEquals(OffsetDateTime.parse("2026-02-18T23:22:33.407Z"), s.createdAt());
            assertEquals(OffsetDateTime.parse("2026-02-18T23:22:33.407Z"), s.updatedAt());
            assertTrue(s.events().isEmpty());
            assertEquals(200, s.meta().statusCode());
            assertTrue(s.meta().requestId().isPresent(), "x-request-id is documented on 200");
            assertTrue(s.partnerId().isPresent(), "x-partner-id is documented on 200");
            assertTrue(s.meta().rateLimit().orElseThrow().limit().isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(BrekAuthScheme.class)
    void sendTextReturnsTheShortlistExampleWithEveryScheme(BrekAuthScheme scheme) {
        try (BrekClient brek = client(scheme, null)) {
            EventResult r = brek.events().sendText(SESSION, "partner_user_001", "Seattle Mar 20-23 1 room refundable");
            assertEquals(SESSION, r.sessionId());
            assertEquals("evt_1771456966998", r.eventId());
            assertEquals(EventKind.SEARCH_QUERY, r.kind());
            assertEquals("shortlist", r.status());
            assertEquals("I found options matching your request in Seattle.", r.messageText());
            assertEquals("demo-tenant:partner_api:partner-chat:" + SESSION + ":evt_1771456966998",
                    r.traceId().orElseThrow());
            assertEquals(1, r.shortlist().size());
            ShortlistOption o = r.shortlist().get(0);
            assertEquals("3d49d4cb-22b1-4963-9280-508fb1190f5c", o.optionId());
            assertEquals("Inn at the Market", o.name().orElseThrow());
            assertEquals("276.66", o.pricePerNight().orElseThrow().toPlainString());
            assertEquals("980.67", o.totalPrice().orElseThrow().toPlainString());
            assertEquals("USD", o.currency().orElseThrow());
            assertEquals(true, o.refundable().orElseThrow());
            assertEquals(4.8, o.rating().orElseThrow());
            assertNotNull(r.idempotencyKey());
        }
    }

    @Test
    void writeKindsPassPrismValidationWithTheirGeneratedKey() {
        try (BrekClient brek = client(BrekAuthScheme.PARTNER_API_KEY, null)) {
            for (EventResult r : new EventResult[] {
                brek.events().bookOption(SESSION, "1375108c-d021-4e45-a54a-e11ef553af07"),
                brek.events().bookByOptionId(SESSION, "1375108c-d021-4e45-a54a-e11ef553af07"),
                brek.events().confirmPriceChange(SESSION, Map.of()),
                brek.events().confirmPaymentCard(SESSION, Map.of("cardId", "card_1")),
                brek.events().cancelBooking(SESSION, Map.of("bookingId", "bk_1")),
                brek.events().send(SendEvent.ofKind(SESSION, EventKind.ACTION_BOOK_OPTION)
                        .payload(Map.of("optionId", "x")).idempotencyKey("demo:" + SESSION + ":book:001"))}) {
                assertEquals(200, r.meta().statusCode());
                assertFalse(r.idempotencyKey().isBlank());
            }
        }
    }

    @Test
    void getSessionReturnsTheHistoryExample() {
        try (BrekClient brek = client(BrekAuthScheme.BEARER, null)) {
            SessionSnapshot s = brek.sessions().get(SESSION);
            assertEquals(SESSION, s.sessionId());
            assertEquals("demo-tenant", s.tenantId());
            assertEquals("partner_user_001", s.actorId().orElseThrow());
            assertEquals(1, s.events().size());
            SessionEvent e = s.events().get(0);
            assertEquals("evt_1771456966998", e.eventId().orElseThrow());
            assertEquals(EventKind.SEARCH_QUERY, e.kind().orElseThrow());
            assertEquals("shortlist", e.resultStatus().orElseThrow());
            assertEquals(OffsetDateTime.parse("2026-02-18T23:22:46.998Z"), e.recordedAt().orElseThrow());
        }
    }

    @Test
    void noCredentialGivesTheTypedAuthenticationError() {
        // an interceptor of the caller's own OkHttpClient strips the header our client set
        OkHttpClient stripping = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().removeHeader("x-partner-api-key").build())).build();
        try (BrekClient brek = BrekClient.builder().apiKey("k").baseUrl(prism.url()).okHttpClient(stripping)
                .maxRetries(0).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> brek.sessions().create(CreateSession.forActor("partner_user_001")));
            assertEquals(401, e.statusCode());
            assertEquals("missing_partner_api_key", e.errorCode().orElseThrow());
            assertEquals("Missing partner API key.", e.errorMessage().orElseThrow());
        } finally {
            stripping.dispatcher().executorService().shutdown();
            stripping.connectionPool().evictAll();
        }
    }

    enum Op {
        CREATE(b -> b.sessions().create(CreateSession.forActor("partner_user_001"))),
        SEND(b -> b.events().sendText(SESSION, "partner_user_001", "hello")),
        GET(b -> b.sessions().get(SESSION));

        final Consumer<BrekClient> call;

        Op(Consumer<BrekClient> call) {
            this.call = call;
        }
    }

    static Stream<Arguments> documentedErrors() {
        return Stream.of(
                Arguments.of(Op.CREATE, 400, "actor_required", BadRequestException.class, "actor.actorId is required", null, "81bfb6d8-c7a5-4fc8-b7f4-48e23931d3a7"),
                Arguments.of(Op.CREATE, 400, "invalid_json", BadRequestException.class, "Invalid JSON payload", null, "e368a7cd-6ba8-4745-9433-a33fe858f4a0"),
                Arguments.of(Op.CREATE, 401, "missing_key", AuthenticationException.class, "Missing partner API key.", "missing_partner_api_key", "d813d7e3-ba0b-4a97-899d-0847590d7560"),
                Arguments.of(Op.CREATE, 403, "invalid_key", PermissionDeniedException.class, "Invalid partner API key.", "invalid_partner_api_key", "c75e34ff-aa06-4393-ae7d-cf1d31c3af25"),
                Arguments.of(Op.CREATE, 429, "rate_limited", RateLimitException.class, "Exceeded 120 requests per minute", "rate_limited", "5ec2f626-a8df-477f-b6e3-0e5ed96af646"),
                Arguments.of(Op.SEND, 400, "missing_session_id", BadRequestException.class, "sessionId is required", null, "e8c38dd3-3f92-4521-a4a0-bf5a22d261dc"),
                Arguments.of(Op.SEND, 400, "missing_idempotency", BadRequestException.class, "idempotencyKey is required for kind=action_book_option", null, "2a5ea99c-9884-448f-a442-35a883b64b31"),
                Arguments.of(Op.SEND, 401, "missing_key", AuthenticationException.class, "Missing partner API key.", "missing_partner_api_key", "d813d7e3-ba0b-4a97-899d-0847590d7560"),
                Arguments.of(Op.SEND, 403, "invalid_key", PermissionDeniedException.class, "Invalid partner API key.", "invalid_partner_api_key", "c75e34ff-aa06-4393-ae7d-cf1d31c3af25"),
                Arguments.of(Op.SEND, 404, "session_not_found", NotFoundException.class, "Session not found.", "session_not_found", "ca6fc510-87ef-434a-a945-ba19ed0e118f"),
                Arguments.of(Op.SEND, 409, "actor_mismatch", ConflictException.class, "actor.actorId does not match the session owner (partner_user_001).", null, "6e5d4ecf-2e57-4c63-a8b7-99fd12f8ea7a"),
                Arguments.of(Op.SEND, 429, "rate_limited", RateLimitException.class, "Exceeded 120 requests per minute", "rate_limited", "5ec2f626-a8df-477f-b6e3-0e5ed96af646"),
                Arguments.of(Op.GET, 400, "session_required", BadRequestException.class, "sessionId is required", "invalid_request", "0fdf6f3b-3c04-47f9-8825-c1189d6ea89b"),
                Arguments.of(Op.GET, 401, "missing_key", AuthenticationException.class, "Missing partner API key.", "missing_partner_api_key", "d813d7e3-ba0b-4a97-899d-0847590d7560"),
                Arguments.of(Op.GET, 403, "invalid_key", PermissionDeniedException.class, "Invalid partner API key.", "invalid_partner_api_key", "c75e34ff-aa06-4393-ae7d-cf1d31c3af25"),
                Arguments.of(Op.GET, 404, "session_not_found", NotFoundException.class, "Session not found.", "session_not_found", "ca6fc510-87ef-434a-a945-ba19ed0e118f"),
                Arguments.of(Op.GET, 429, "rate_limited", RateLimitException.class, "Exceeded 120 requests per minute", "rate_limited", "5ec2f626-a8df-477f-b6e3-0e5ed96af646"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorMapsToItsTypedException(Op op, int status, String example,
            Class<? extends ServiceException> type, String message, String code, String requestId) {
        try (BrekClient brek = client(BrekAuthScheme.PARTNER_API_KEY, "code=" + status + ", example=" + example)) {
            ServiceException e = assertThrows(ServiceException.class, () -> op.call.accept(brek));
            assertInstanceOf(type, e);
            assertEquals(status, e.statusCode());
            assertEquals(message, e.errorMessage().orElseThrow());
            assertEquals(code, e.errorCode().orElse(null));
            assertEquals(requestId, e.requestId().orElseThrow());
            BrekError body = BrekError.from(e).orElseThrow();
            assertEquals(code == null ? BrekError.Shape.VALIDATION : BrekError.Shape.GATEWAY, body.shape());
            if ("session_not_found".equals(code)) {
                assertEquals("sess_unknown", ((java.util.Map<?, ?>) e.details().orElseThrow()).get("sessionId"));
            } else if ("rate_limited".equals(code)) {
                assertEquals("acme", ((java.util.Map<?, ?>) e.details().orElseThrow()).get("partnerId"));
            } else if (code != null) {
                assertEquals(java.util.Optional.empty(), e.details(), "details: null in the example");
            }
            assertFalse(e.getMessage().contains("partner-key-123"), "no credential in messages");
        }
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void undocumented500BodyMapsToServerError(Op op) {
        try (BrekClient brek = client(BrekAuthScheme.PARTNER_API_KEY, "code=500")) {
            InternalServerException e = assertThrows(InternalServerException.class, () -> op.call.accept(brek));
            assertEquals(500, e.statusCode());
        }
    }

    @Test
    void fiftyRandomPayloadsPerOperationWithUnknownFieldsAllParse() {
        try (BrekClient brek = BrekClient.builder().apiKey("k").baseUrl(dynamicPrism.url()).maxRetries(0).build()) {
            for (int i = 0; i < 50; i++) {
                Session s = brek.sessions().create(CreateSession.forActor("partner_user_001"));
                assertNotNull(s.sessionId());
                EventResult r = brek.events().sendText(SESSION, "partner_user_001", "Lisbon in May");
                assertNotNull(r.status());
                SessionSnapshot snap = brek.sessions().get(SESSION);
                assertNotNull(snap.sessionId());
            }
        }
    }

    @Test
    void prismRejectsADeliberatelyBrokenRequest() throws IOException {
        // the independent server must catch what breaks the spec: an actor without actorId
        OkHttpClient raw = new OkHttpClient();
        try (Response response = raw.newCall(new Request.Builder().url(prism.url() + "/api/partner/v1/core-chat/sessions")
                .header("x-partner-api-key", "k")
                .post(RequestBody.create("{\"actor\":{\"timezoneOffsetMinutes\":\"west\"}}",
                        MediaType.get("application/json")))
                .build()).execute()) {
            assertEquals(400, response.code());
            String violations = response.header("sl-violations");
            assertNotNull(violations, "Prism reports the violation");
            assertTrue(violations.contains("actorId"), violations);
        } finally {
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
    }
}
