package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSION;
import static io.github.chatsdk.brek.SpecExamples.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.testsupport.JsonPaths;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation with the spec's own example bodies: the JSON the client sends equals the request
 * example, and every field of the typed result, plus the response metadata, matches the response
 * example.
 */
class SpecExampleOperationsTest extends BrekServerTest {
    private static final String ACTOR = "partner_user_001";
    private static final String OPTION_ID = "1375108c-d021-4e45-a54a-e11ef553af07";

    @Test
    void createsASessionFromTheMinimalExampleAndReadsEveryFieldOfTheResponse() throws Exception {
        server.enqueue(specOk("POST", SESSIONS, SpecExamples.response(SESSIONS, "post", "200", "success")));

        Session s = client().sessions().create(CreateSession.forActor(ACTOR));

        assertTheSessionExample(s);
        RecordedRequest r = takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals(SESSIONS, r.getPath());
        assertEquals(SpecExamples.requestJson(SESSIONS, "post", "minimal"), sentJson(r));
        assertJsonRequestHeaders(r);
    }

    @Test
    void createsASessionFromTheFullExampleAndSendsEveryMember() throws Exception {
        server.enqueue(specOk("POST", SESSIONS, SpecExamples.response(SESSIONS, "post", "200", "success")));

        Session s = client().sessions().create(CreateSession.forActor(ACTOR)
                .timezoneOffsetMinutes(-480)
                .workspaceId("partner-workspace")
                .channelId("partner-chat"));

        assertTheSessionExample(s);
        RecordedRequest r = takeRequest();
        assertEquals(SpecExamples.requestJson(SESSIONS, "post", "full"), sentJson(r));
    }

    @Test
    void sendsConversationIdAndThreadTsWhenGiven() throws Exception {
        server.enqueue(ok(SpecExamples.response(SESSIONS, "post", "200", "success")));

        client().sessions().create(CreateSession.forActor(ACTOR).conversationId("conv-1").threadTs("1700000000.000100"));

        assertEquals(json("{\"actor\":{\"actorId\":\"partner_user_001\"},"
                + "\"conversation\":{\"id\":\"conv-1\",\"threadTs\":\"1700000000.000100\"}}"), sentJson(takeRequest()));
    }

    @Test
    void sendsTheNaturalLanguageExampleAndReadsEveryFieldOfTheShortlistResult() throws Exception {
        server.enqueue(specOk("POST", EVENTS, SpecExamples.response(EVENTS, "post", "200", "shortlist")));
        String key = "demo:" + SESSION_ID + ":search:001";

        EventResult result = client().events().send(
                SendEvent.text(SESSION_ID, ACTOR, "Seattle Mar 20-23 1 room refundable").idempotencyKey(key));

        assertTheShortlistExample(result, key);
        RecordedRequest r = takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals(EVENTS, r.getPath());
        assertEquals(SpecExamples.requestJson(EVENTS, "post", "natural_language"), sentJson(r));
        assertJsonRequestHeaders(r);
    }

    @Test
    void sendTextSendsTheNaturalLanguageExampleWithAGeneratedKey() throws Exception {
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));

        EventResult result = client().events().sendText(SESSION_ID, ACTOR, "Seattle Mar 20-23 1 room refundable");

        assertTrue(result.idempotencyKey().startsWith("chatsdk_"), result.idempotencyKey());
        assertTheShortlistExample(result, result.idempotencyKey());
        JsonObject expected = SpecExamples.requestJson(EVENTS, "post", "natural_language").getAsJsonObject();
        expected.addProperty("idempotencyKey", result.idempotencyKey());
        assertEquals(expected, sentJson(takeRequest()));
    }

    @Test
    void sendsTheActionKindExampleWithTheCallersDeterministicKey() throws Exception {
        server.enqueue(specOk("POST", EVENTS, SpecExamples.response(EVENTS, "post", "200", "shortlist")));
        String key = IdempotencyKeys.deterministic("demo", SESSION_ID, "book", 1);

        EventResult result = client().events().send(SendEvent.ofKind(SESSION_ID, EventKind.ACTION_BOOK_OPTION)
                .payload(Map.of("optionId", OPTION_ID))
                .idempotencyKey(key));

        assertEquals(key, result.idempotencyKey());
        assertTheShortlistExample(result, key);
        assertEquals(SpecExamples.requestJson(EVENTS, "post", "action_kind"), sentJson(takeRequest()));
    }

    @Test
    void bookOptionSendsTheActionKindExampleWithAGeneratedKey() throws Exception {
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));

        EventResult result = client().events().bookOption(SESSION_ID, OPTION_ID);

        JsonObject expected = SpecExamples.requestJson(EVENTS, "post", "action_kind").getAsJsonObject();
        expected.addProperty("idempotencyKey", result.idempotencyKey());
        assertEquals(expected, sentJson(takeRequest()));
        assertTheShortlistExample(result, result.idempotencyKey());
    }

    static Stream<Arguments> writeHelpers() {
        Map<String, Object> payload = Map.of("bookingId", "bk_1", "nested", Map.of("n", 3, "ok", true));
        return Stream.of(
                Arguments.of("command_book_by_option_id",
                        (BiFunction<BrekEvents, String, EventResult>) (e, s) -> e.bookByOptionId(s, OPTION_ID),
                        "{\"optionId\":\"" + OPTION_ID + "\"}"),
                Arguments.of("action_confirm_price_change",
                        (BiFunction<BrekEvents, String, EventResult>) (e, s) -> e.confirmPriceChange(s, payload),
                        "{\"bookingId\":\"bk_1\",\"nested\":{\"n\":3,\"ok\":true}}"),
                Arguments.of("action_confirm_payment_card",
                        (BiFunction<BrekEvents, String, EventResult>) (e, s) -> e.confirmPaymentCard(s, Map.of()),
                        "{}"),
                Arguments.of("action_cancel_booking",
                        (BiFunction<BrekEvents, String, EventResult>) (e, s) -> e.cancelBooking(s, payload),
                        "{\"bookingId\":\"bk_1\",\"nested\":{\"n\":3,\"ok\":true}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeHelpers")
    void eachWriteHelperSendsItsKindItsPayloadAndAGeneratedKey(String kind,
            BiFunction<BrekEvents, String, EventResult> helper, String payload) throws Exception {
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));

        EventResult result = helper.apply(client().events(), SESSION_ID);

        assertTrue(EventKind.of(kind).isWrite(), kind + " is a write kind");
        assertTrue(result.idempotencyKey().startsWith("chatsdk_"), result.idempotencyKey());
        JsonObject expected = json("{\"sessionId\":\"" + SESSION_ID + "\",\"kind\":\"" + kind + "\",\"payload\":"
                + payload + "}").getAsJsonObject();
        expected.addProperty("idempotencyKey", result.idempotencyKey());
        assertEquals(expected, sentJson(takeRequest()));
    }

    @Test
    void sendsTextVerbatimWithoutHtmlEscapingAndIntegersWithoutADecimalPoint() throws Exception {
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));
        String text = "Tom's <b>cheap</b> & quiet = \"ok\" in Zürich 東京 ✓";
        BrekClient client = client();

        client.events().sendText(SESSION_ID, ACTOR, text);
        client.events().confirmPriceChange(SESSION_ID, Map.of("nights", 3, "total", 980.67, "big", 12345678901L));

        String textBody = bodyOf(takeRequest());
        assertTrue(textBody.contains("Tom's <b>cheap</b> & quiet = \\\"ok\\\" in Zürich 東京 ✓"), textBody);
        assertEquals(text, json(textBody).getAsJsonObject().get("text").getAsString());
        String payloadBody = bodyOf(takeRequest());
        assertTrue(payloadBody.matches(".*\"nights\":3[,}].*"), payloadBody);
        assertTrue(payloadBody.matches(".*\"total\":980\\.67[,}].*"), payloadBody);
        assertTrue(payloadBody.matches(".*\"big\":12345678901[,}].*"), payloadBody);
    }

    @Test
    void readsEveryFieldOfTheSessionSnapshotExample() throws Exception {
        String path = SESSIONS + "/" + SESSION_ID;
        server.enqueue(specOk("GET", path, SpecExamples.response(SESSION, "get", "200", "success")));

        SessionSnapshot snap = client().sessions().get(SESSION_ID);

        assertEquals(SESSION_ID, snap.sessionId());
        assertEquals("demo-tenant", snap.tenantId());
        assertEquals(Optional.of(ACTOR), snap.actorId());
        assertEquals(1, snap.events().size());
        SessionEvent e = snap.events().get(0);
        assertEquals(Optional.of("evt_1771456966998"), e.eventId());
        assertEquals(Optional.of(EventKind.SEARCH_QUERY), e.kind());
        assertSame(EventKind.SEARCH_QUERY, e.kind().get());
        assertEquals(Optional.of("shortlist"), e.resultStatus());
        assertEquals(Optional.of(OffsetDateTime.parse("2026-02-18T23:22:46.998Z")), e.recordedAt());
        assertTheSuccessMeta(snap.meta());
        assertEquals(Optional.of(PARTNER_ID), snap.partnerId());
        assertEquals(SESSION_ID, JsonPaths.at(snap.rawJson(), "data.sessionId"));
        assertEquals(ACTOR, JsonPaths.at(snap.rawJson(), "data.actor.actorId"));
        assertEquals("evt_1771456966998", JsonPaths.at(snap.rawJson(), "data.events.0.eventId"));
        assertThrowsOnModification(snap.events());

        RecordedRequest r = takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals(path, r.getPath());
        assertEquals(0, r.getBodySize());
        assertEquals(API_KEY, r.getHeader("x-partner-api-key"));
        assertNull(r.getHeader("Authorization"));
        assertNull(r.getHeader("api-key"));
    }

    private static MockResponse specOk(String method, String path, String body) {
        MockResponse response = ok(body);
        assertSpecResponse(method, path, response);
        return response;
    }

    private static void assertTheSessionExample(Session s) {
        assertEquals(SESSION_ID, s.sessionId());
        assertEquals("demo-tenant", s.tenantId());
        assertEquals("partner_api", s.channelType());
        assertEquals(Optional.of("partner-workspace"), s.workspaceId());
        assertEquals(Optional.of("partner-chat:" + SESSION_ID), s.conversationId());
        assertEquals(Optional.of("partner-chat"), s.channelId());
        assertEquals(Optional.of(SESSION_ID), s.threadTs());
        assertEquals(ACTOR, s.actorId());
        assertEquals(Optional.of(-480), s.timezoneOffsetMinutes());
        assertEquals(OffsetDateTime.parse("2026-02-18T23:22:33.407Z"), s.createdAt());
        assertEquals(OffsetDateTime.parse("2026-02-18T23:22:33.407Z"), s.updatedAt());
        assertEquals(List.of(), s.events());
        assertTheSuccessMeta(s.meta());
        assertEquals(Optional.of(PARTNER_ID), s.partnerId());
        assertEquals(SESSION_ID, JsonPaths.at(s.rawJson(), "data.sessionId"));
        assertEquals("partner_api", JsonPaths.at(s.rawJson(), "data.channel.type"));
        assertEquals(-480L, JsonPaths.at(s.rawJson(), "data.actor.timezoneOffsetMinutes"));
        assertFalse(s.toString().contains(API_KEY));
    }

    private static void assertTheShortlistExample(EventResult r, String key) {
        assertEquals(SESSION_ID, r.sessionId());
        assertEquals("evt_1771456966998", r.eventId());
        assertEquals(EventKind.SEARCH_QUERY, r.kind());
        assertTrue(r.kind().isKnown());
        assertFalse(r.kind().isWrite());
        assertEquals("shortlist", r.status());
        assertEquals("I found options matching your request in Seattle.", r.messageText());
        assertEquals(Optional.of("demo-tenant:partner_api:partner-chat:" + SESSION_ID + ":evt_1771456966998"),
                r.traceId());
        assertEquals(key, r.idempotencyKey());

        Map<String, Object> option = Map.of(
                "optionId", "3d49d4cb-22b1-4963-9280-508fb1190f5c",
                "name", "Inn at the Market",
                "pricePerNight", 276.66,
                "totalPrice", 980.67,
                "currency", "USD",
                "refundable", true,
                "rating", 4.8);
        assertEquals(Map.of("shortlist", List.of(option)), r.artifacts());
        assertThrowsOnModification(r.artifacts());

        assertEquals(1, r.shortlist().size());
        ShortlistOption o = r.shortlist().get(0);
        assertEquals("3d49d4cb-22b1-4963-9280-508fb1190f5c", o.optionId());
        assertEquals(Optional.of("Inn at the Market"), o.name());
        assertEquals(Optional.of(new BigDecimal("276.66")), o.pricePerNight());
        assertEquals(Optional.of(new BigDecimal("980.67")), o.totalPrice());
        assertEquals(Optional.of("USD"), o.currency());
        assertEquals(Optional.of(true), o.refundable());
        assertEquals(Optional.of(4.8), o.rating());
        assertEquals(option, o.json());
        assertThrowsOnModification(r.shortlist());

        assertTheSuccessMeta(r.meta());
        assertEquals(Optional.of(PARTNER_ID), r.partnerId());
        assertEquals(SESSION_ID, JsonPaths.at(r.rawJson(), "data.sessionId"));
        assertEquals("evt_1771456966998", JsonPaths.at(r.rawJson(), "data.event.id"));
        assertEquals("shortlist", JsonPaths.at(r.rawJson(), "data.result.status"));
    }

    private static void assertTheSuccessMeta(ResponseMeta meta) {
        assertEquals(200, meta.statusCode());
        assertEquals(Optional.of(REQUEST_ID), meta.requestId());
        assertEquals(Optional.of(REQUEST_ID), meta.header("X-Request-Id"));
        assertEquals(Optional.of(PARTNER_ID), meta.header("x-partner-id"));
        RateLimit rl = meta.rateLimit().orElseThrow();
        assertEquals(120L, rl.limit().getAsLong());
        assertEquals(119L, rl.remaining().getAsLong());
        assertEquals(Optional.empty(), rl.retryAfter());
        assertFalse(rl.exhausted());
        assertEquals(1, meta.attempts());
        assertEquals(List.of("120"), meta.headers().get("X-RateLimit-Limit"));
    }

    private static void assertJsonRequestHeaders(RecordedRequest r) {
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        assertEquals("application/json", r.getHeader("Accept"));
        assertTrue(r.getHeader("User-Agent").startsWith("chatsdk-java/"), r.getHeader("User-Agent"));
        assertEquals(API_KEY, r.getHeader("x-partner-api-key"));
        assertNull(r.getHeader("Authorization"));
        assertNull(r.getHeader("api-key"));
        assertNull(r.getHeader("x-chatsdk-retry-count"), "a first attempt is not marked as a retry");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertThrowsOnModification(Object collection) {
        try {
            if (collection instanceof Map) {
                ((Map) collection).put("x", "y");
            } else {
                ((List) collection).add(null);
            }
        } catch (UnsupportedOperationException expected) {
            return;
        }
        throw new AssertionError("collection is modifiable: " + collection);
    }
}
