package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrekSandboxTest {
    static final String SESSIONS = "/api/partner/v1/core-chat/sessions";
    static final String EVENTS = "/api/partner/v1/core-chat/events";
    static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String KEY = "x-partner-api-key";

    BrekSandbox brek;
    Http http;

    @BeforeEach
    void start() {
        brek = BrekSandbox.builder().partner("key-acme", "acme").partner("key-globex", "globex").start();
        http = new Http(brek.baseUrl(), SpecChecks.BREK, true);
    }

    @AfterEach
    void checkEveryExchangeAgainstTheSpecAndStop() {
        try {
            SpecChecks.assertLogConforms(SpecChecks.BREK, true, brek.requests());
        } finally {
            brek.close();
        }
    }

    Http.Res create(String actorId) {
        return http.post(SESSIONS, "{\"actor\":{\"actorId\":\"" + actorId + "\"}}", KEY, "key-acme");
    }

    String newSession() {
        Http.Res r = create("partner_user_001");
        assertEquals(200, r.status, r.body);
        return r.data().get("sessionId").getAsString();
    }

    Http.Res event(String json) {
        return http.post(EVENTS, json, KEY, "key-acme");
    }

    Http.Res text(String sessionId, String text) {
        return event("{\"sessionId\":\"" + sessionId + "\",\"actor\":{\"actorId\":\"partner_user_001\"},\"text\":\""
                + text + "\"}");
    }

    Http.Res action(String sessionId, String kind, String payload, String key) {
        return event("{\"sessionId\":\"" + sessionId + "\",\"kind\":\"" + kind + "\",\"payload\":" + payload
                + (key == null ? "" : ",\"idempotencyKey\":\"" + key + "\"") + "}");
    }

    static JsonObject result(Http.Res r) {
        return r.data().getAsJsonObject("result");
    }

    static String status(Http.Res r) {
        return result(r).get("status").getAsString();
    }

    static JsonArray shortlist(Http.Res r) {
        return result(r).getAsJsonObject("artifacts").getAsJsonArray("shortlist");
    }

    static JsonObject booking(Http.Res r) {
        return result(r).getAsJsonObject("artifacts").getAsJsonObject("booking");
    }

    static void assertErrorBody(Http.Res r, int status, String error, String code) {
        assertEquals(status, r.status, r.body);
        JsonObject o = r.json();
        assertEquals(false, o.get("success").getAsBoolean());
        assertEquals(error, o.get("error").getAsString());
        if (code == null) {
            assertFalse(o.has("code"), r.body);
        } else {
            assertEquals(code, o.get("code").getAsString());
            assertTrue(o.has("details"), "details is present, null or not: " + r.body);
        }
        assertTrue(o.get("requestId").getAsString().matches(UUID_RE), r.body);
        assertEquals(o.get("requestId").getAsString(), r.header("x-request-id"));
    }

    // ------------------------------------------------------------------ sessions

    @Test
    void createsASessionShapedLikeTheSpecExample() {
        Http.Res r = create("partner_user_001");
        assertEquals(200, r.status);
        JsonObject d = r.data();
        String id = d.get("sessionId").getAsString();
        assertTrue(id.matches("sess_\\d{13}_[a-z0-9]{8}"), id);
        assertEquals("demo-tenant", d.get("tenantId").getAsString());
        assertEquals("partner_api", d.getAsJsonObject("channel").get("type").getAsString());
        assertTrue(d.getAsJsonObject("channel").get("workspaceId").isJsonNull());
        assertEquals("partner-chat:" + id, d.getAsJsonObject("conversation").get("id").getAsString());
        assertEquals("partner-chat", d.getAsJsonObject("conversation").get("channelId").getAsString());
        assertEquals(id, d.getAsJsonObject("conversation").get("threadTs").getAsString());
        assertEquals("partner_user_001", d.getAsJsonObject("actor").get("actorId").getAsString());
        assertTrue(d.getAsJsonObject("actor").get("timezoneOffsetMinutes").isJsonNull());
        assertTrue(d.get("createdAt").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(d.get("createdAt"), d.get("updatedAt"));
        assertEquals(0, d.getAsJsonArray("events").size());
        assertTrue(r.header("x-request-id").matches(UUID_RE));
        assertEquals("acme", r.header("x-partner-id"));
        assertEquals("120", r.header("x-ratelimit-limit"));
        assertEquals("119", r.header("x-ratelimit-remaining"));
        assertTrue(r.header("content-type").startsWith("application/json"));
        assertEquals("created", brek.sessionStatus(id).orElseThrow());
    }

    @Test
    void createWithTheFullExampleKeepsWorkspaceConversationAndOffset() {
        Http.Res r = http.post(SESSIONS, "{\"actor\":{\"actorId\":\"partner_user_001\",\"timezoneOffsetMinutes\":-480},"
                + "\"channel\":{\"workspaceId\":\"partner-workspace\"},\"conversation\":{\"channelId\":\"partner-chat\"}}",
                KEY, "key-acme");
        JsonObject d = r.data();
        assertEquals("partner-workspace", d.getAsJsonObject("channel").get("workspaceId").getAsString());
        assertEquals(-480, d.getAsJsonObject("actor").get("timezoneOffsetMinutes").getAsInt());
        assertEquals("partner-chat:" + d.get("sessionId").getAsString(),
                d.getAsJsonObject("conversation").get("id").getAsString());

        Http.Res custom = http.post(SESSIONS, "{\"actor\":{\"actorId\":\"u\"},\"conversation\":{\"channelId\":\"C42\","
                + "\"threadTs\":\"1700000000.000100\"}}", KEY, "key-acme");
        assertEquals("C42:1700000000.000100", custom.data().getAsJsonObject("conversation").get("id").getAsString());
    }

    @Test
    void acceptsEachOfTheThreeAuthSchemes() {
        String body = "{\"actor\":{\"actorId\":\"a\"}}";
        assertEquals("acme", http.post(SESSIONS, body, "x-partner-api-key", "key-acme").header("x-partner-id"));
        assertEquals("globex", http.post(SESSIONS, body, "Authorization", "Bearer key-globex").header("x-partner-id"));
        assertEquals("acme", http.post(SESSIONS, body, "api-key", "key-acme").header("x-partner-id"));
    }

    @Test
    void missingKeyIs401WithTheSpecBody() {
        String body = "{\"actor\":{\"actorId\":\"a\"}}";
        for (String[] headers : List.of(new String[] {EXPECT(), "1"},
                new String[] {EXPECT(), "1", "Authorization", "bearer key-acme"},
                new String[] {EXPECT(), "1", "Authorization", "Basic a2V5"},
                new String[] {EXPECT(), "1", "x-partner-api-key", " "})) {
            Http.Res r = http.post(SESSIONS, body, headers);
            assertErrorBody(r, 401, "Missing partner API key.", "missing_partner_api_key");
            assertTrue(r.json().get("details").isJsonNull());
            assertNull(r.header("x-partner-id"));
            assertNull(r.header("x-ratelimit-limit"));
        }
        assertErrorBody(http.get(SESSIONS + "/sess_x", EXPECT(), "1"), 401, "Missing partner API key.",
                "missing_partner_api_key");
    }

    static String EXPECT() {
        return SpecChecks.EXPECT_INVALID;
    }

    @Test
    void unknownKeyIs403WithTheSpecBody() {
        Http.Res r = http.post(SESSIONS, "{\"actor\":{\"actorId\":\"a\"}}", KEY, "nope");
        assertErrorBody(r, 403, "Invalid partner API key.", "invalid_partner_api_key");
        assertTrue(r.json().get("details").isJsonNull());
        assertErrorBody(http.post(EVENTS, "{}", "Authorization", "Bearer nope", EXPECT(), "1"), 403, "Invalid partner API key.",
                "invalid_partner_api_key");
        assertNotEquals(r.json().get("requestId"), http.post(SESSIONS, "{}", KEY, "nope", EXPECT(), "1").json().get("requestId"));
    }

    @Test
    void missingActorIs400() {
        for (String body : List.of("{}", "{\"actor\":{}}", "{\"actor\":{\"actorId\":\"\"}}", "{\"actor\":{\"actorId\":7}}")) {
            assertErrorBody(http.post(SESSIONS, body, KEY, "key-acme", EXPECT(), "1"), 400,
                    "actor.actorId is required", null);
        }
    }

    @Test
    void invalidJsonIs400OnBothPosts() {
        for (String body : List.of("{\"actor\":", "{actor: {actorId: 'x'}}", "[]", "", "{} trailing")) {
            assertErrorBody(http.post(SESSIONS, body, KEY, "key-acme", EXPECT(), "1"), 400, "Invalid JSON payload",
                    null);
            assertErrorBody(http.post(EVENTS, body, KEY, "key-acme", EXPECT(), "1"), 400, "Invalid JSON payload", null);
        }
    }

    // ------------------------------------------------------------------ events

    @Test
    void walksAFullBookingFlowAndRecordsTheHistory() {
        String s = newSession();
        Http.Res search = text(s, "Seattle Mar 20-23 1 room refundable");
        assertEquals(200, search.status);
        assertEquals("search_query", search.data().getAsJsonObject("event").get("kind").getAsString());
        String eventId = search.data().getAsJsonObject("event").get("id").getAsString();
        assertTrue(eventId.matches("evt_\\d{13,}"), eventId);
        assertEquals("demo-tenant:partner_api:partner-chat:" + s + ":" + eventId,
                result(search).get("traceId").getAsString());
        assertEquals("shortlist", status(search));
        assertEquals("I found options matching your request in Seattle.",
                result(search).getAsJsonObject("message").get("text").getAsString());
        JsonArray options = shortlist(search);
        assertEquals(2, options.size(), "only the refundable Seattle hotels");
        JsonObject inn = options.get(0).getAsJsonObject();
        assertEquals("Inn at the Market", inn.get("name").getAsString());
        assertTrue(inn.get("optionId").getAsString().matches(UUID_RE));
        assertEquals("276.66", inn.get("pricePerNight").getAsString());
        assertEquals("979.38", inn.get("totalPrice").getAsString(), "3 nights x 276.66 x 1.18");
        assertEquals("USD", inn.get("currency").getAsString());
        assertTrue(inn.get("refundable").getAsBoolean());
        assertEquals(4.8, inn.get("rating").getAsDouble());
        for (JsonElement o : options) {
            assertTrue(o.getAsJsonObject().get("refundable").getAsBoolean());
        }

        String optionId = inn.get("optionId").getAsString();
        Http.Res book = action(s, "action_book_option", "{\"optionId\":\"" + optionId + "\"}", "k:book:1");
        assertEquals("payment_required", status(book));
        JsonObject booking = booking(book);
        String bookingId = booking.get("bookingId").getAsString();
        assertTrue(bookingId.matches("BK-[A-Z0-9]{8}"), bookingId);
        assertEquals(optionId, booking.get("optionId").getAsString());
        assertEquals("pending_payment", booking.get("status").getAsString());
        assertEquals("979.38", booking.get("totalPrice").getAsString());
        assertEquals("USD", booking.get("currency").getAsString());

        Http.Res paid = action(s, "action_confirm_payment_card", "{}", "k:card:1");
        assertEquals("booked", status(paid));
        assertEquals("confirmed", booking(paid).get("status").getAsString());
        assertTrue(result(paid).getAsJsonObject("message").get("text").getAsString().contains(bookingId));

        Http.Res again = action(s, "action_book_option", "{\"optionId\":\"" + optionId + "\"}", "k:book:2");
        assertEquals("already_booked", status(again));

        Http.Res cancelled = action(s, "action_cancel_booking", "{\"bookingId\":\"" + bookingId + "\"}", "k:cancel:1");
        assertEquals("cancelled", status(cancelled));
        assertEquals("cancelled", booking(cancelled).get("status").getAsString());
        assertEquals("979.38",
                result(cancelled).getAsJsonObject("artifacts").getAsJsonObject("refund").get("amount").getAsString());
        assertEquals("cancelled", brek.sessionStatus(s).orElseThrow());

        Http.Res snapshot = http.get(SESSIONS + "/" + s, KEY, "key-acme");
        assertEquals(200, snapshot.status);
        JsonObject d = snapshot.data();
        assertEquals(s, d.get("sessionId").getAsString());
        assertEquals("demo-tenant", d.get("tenantId").getAsString());
        assertEquals("partner_user_001", d.getAsJsonObject("actor").get("actorId").getAsString());
        JsonArray events = d.getAsJsonArray("events");
        List<String> history = new ArrayList<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            history.add(o.get("kind").getAsString() + "=" + o.get("resultStatus").getAsString());
            assertTrue(o.get("eventId").getAsString().startsWith("evt_"));
            Instant.parse(o.get("recordedAt").getAsString());
        }
        assertEquals(List.of("search_query=shortlist", "action_book_option=payment_required",
                "action_confirm_payment_card=booked", "action_book_option=already_booked",
                "action_cancel_booking=cancelled"), history);
        assertEquals(eventId, events.get(0).getAsJsonObject().get("eventId").getAsString());
        assertEquals(5, brek.recordedEventCount());
        assertEquals(5, brek.recordedEventCount(s));
    }

    @Test
    void aPriceChangeMustBeConfirmedBeforePayment() {
        String s = newSession();
        JsonArray options = shortlist(text(s, "Seattle 2 nights non-refundable"));
        assertEquals("Hotel Sorrento", options.get(0).getAsJsonObject().get("name").getAsString());
        String sorrento = options.get(0).getAsJsonObject().get("optionId").getAsString();
        assertEquals("587.64", options.get(0).getAsJsonObject().get("totalPrice").getAsString());

        Http.Res book = action(s, "action_book_option", "{\"optionId\":\"" + sorrento + "\"}", "b1");
        assertEquals("price_changed", status(book));
        JsonObject change = result(book).getAsJsonObject("artifacts").getAsJsonObject("priceChange");
        assertEquals("587.64", change.get("previousTotalPrice").getAsString());
        assertEquals("628.77", change.get("newTotalPrice").getAsString());

        Http.Res early = action(s, "action_confirm_payment_card", "{}", "c0");
        assertEquals("invalid_state", status(early));

        Http.Res confirmed = action(s, "action_confirm_price_change", "{\"accept\":true}", "p1");
        assertEquals("payment_required", status(confirmed));
        assertEquals("628.77", booking(confirmed).get("totalPrice").getAsString());
        Http.Res paid = action(s, "action_confirm_payment_card", "{}", "c1");
        assertEquals("booked", status(paid));

        Http.Res cancelled = action(s, "action_cancel_booking", "{}", "x1");
        assertEquals("cancelled", status(cancelled));
        assertEquals("0.00", result(cancelled).getAsJsonObject("artifacts").getAsJsonObject("refund")
                .get("amount").getAsString(), "non-refundable rate");
    }

    @Test
    void aDeclinedPriceChangeBooksNothing() {
        String s = newSession();
        String bowery = optionNamed(text(s, "New York Apr 1-3"), "The Bowery Hotel");
        assertEquals("price_changed", status(action(s, "command_book_by_option_id",
                "{\"optionId\":\"" + bowery + "\"}", "b1")));
        Http.Res declined = action(s, "action_confirm_price_change", "{\"accept\":false}", "p1");
        assertEquals("price_change_declined", status(declined));
        assertEquals("invalid_state", status(action(s, "action_cancel_booking", "{}", "x1")));
    }

    static String optionNamed(Http.Res search, String name) {
        for (JsonElement e : shortlist(search)) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject().get("optionId").getAsString();
            }
        }
        throw new AssertionError(name + " not in " + search.body);
    }

    @Test
    void theBookCommandFindsTheOptionIdInItsText() {
        String s = newSession();
        String pod = optionNamed(text(s, "nyc cheapest"), "Pod Times Square");
        Http.Res r = event("{\"sessionId\":\"" + s + "\",\"kind\":\"command_book_by_option_id\",\"text\":\"book "
                + pod + " please\",\"idempotencyKey\":\"cmd-1\"}");
        assertEquals("payment_required", status(r));
        assertEquals(pod, booking(r).get("optionId").getAsString());
        assertEquals("command_book_by_option_id", r.data().getAsJsonObject("event").get("kind").getAsString());
    }

    @Test
    void anUnknownOrMissingOptionGetsAHelpfulStatus() {
        String s = newSession();
        text(s, "Lisbon 2 nights");
        Http.Res unknown = action(s, "action_book_option", "{\"optionId\":\"1375108c-d021-4e45-a54a-e11ef553af07\"}", "b1");
        assertEquals("option_not_found", status(unknown));
        assertTrue(result(unknown).getAsJsonObject("message").get("text").getAsString().contains("1375108c"));
        assertEquals(4, shortlist(unknown).size(), "the last shortlist comes back to pick from");
        assertEquals("option_not_found", status(action(s, "action_book_option", "{}", "b2")));
    }

    @Test
    void actionsThatDoNotFitTheStateAreInvalidState() {
        String s = newSession();
        assertEquals("invalid_state", status(action(s, "action_confirm_payment_card", "{}", "a")));
        assertEquals("invalid_state", status(action(s, "action_confirm_price_change", "{}", "b")));
        assertEquals("invalid_state", status(action(s, "action_cancel_booking", "{}", "c")));
        String memmo = optionNamed(text(s, "Lisbon"), "Memmo Alfama");
        action(s, "action_book_option", "{\"optionId\":\"" + memmo + "\"}", "d");
        assertEquals("booking_not_found", status(action(s, "action_cancel_booking", "{\"bookingId\":\"BK-NOPE\"}", "e")));
        Http.Res cancelled = action(s, "action_cancel_booking", "{}", "f");
        assertEquals("cancelled", status(cancelled));
        assertEquals("0.00", result(cancelled).getAsJsonObject("artifacts").getAsJsonObject("refund")
                .get("amount").getAsString(), "nothing was charged before payment");
        assertEquals("invalid_state", status(action(s, "action_cancel_booking", "{}", "g")));
    }

    @Test
    void searchTurnsUnderstandFiltersAndSorting() {
        String s = newSession();
        JsonArray tokyo = shortlist(text(s, "Tokyo 2 nights cheapest"));
        assertEquals("Asakusa Riverside Inn", tokyo.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("JPY", tokyo.get(0).getAsJsonObject().get("currency").getAsString());
        assertEquals("30208", tokyo.get(0).getAsJsonObject().get("totalPrice").getAsString(), "12800 x 2 x 1.18");
        JsonArray best = shortlist(text(s, "best hotels in Tokyo"));
        assertEquals("Park Hyatt Tokyo", best.get(0).getAsJsonObject().get("name").getAsString());
        JsonArray cheapLisbon = shortlist(text(s, "Lisbon under 150"));
        assertEquals(1, cheapLisbon.size());
        assertEquals("Baixa House", cheapLisbon.get(0).getAsJsonObject().get("name").getAsString());
        JsonArray rooms = shortlist(text(s, "Seattle Mar 20-23 2 rooms refundable"));
        assertEquals("1958.75", rooms.get(0).getAsJsonObject().get("totalPrice").getAsString());
        assertEquals("no_results", status(text(s, "Lisbon under 50")));
        Http.Res vague = text(s, "somewhere warm please");
        assertEquals("needs_clarification", status(vague));
        assertEquals(4, result(vague).getAsJsonObject("artifacts").getAsJsonArray("supportedCities").size());
    }

    @Test
    void theSameSearchGivesTheSameOptionIds() {
        String a = newSession();
        String b = newSession();
        assertEquals(shortlist(text(a, "Seattle Mar 20-23 1 room refundable")),
                shortlist(text(b, "Seattle Mar 20-23 1 room refundable")));
        assertNotEquals(shortlist(text(a, "Seattle Mar 20-22")), shortlist(text(a, "Seattle Mar 20-23")));
    }

    @Test
    void everyWriteKindRequiresAnIdempotencyKey() {
        String s = newSession();
        for (String kind : List.of("command_book_by_option_id", "action_book_option", "action_confirm_price_change",
                "action_confirm_payment_card", "action_cancel_booking")) {
            assertErrorBody(action(s, kind, "{}", null), 400, "idempotencyKey is required for kind=" + kind, null);
            assertErrorBody(event("{\"sessionId\":\"" + s + "\",\"kind\":\"" + kind + "\",\"idempotencyKey\":\"\"}"), 400,
                    "idempotencyKey is required for kind=" + kind, null);
        }
        assertEquals(200, text(s, "Seattle").status, "a text turn needs no key");
        assertEquals(1, brek.recordedEventCount());
    }

    @Test
    void aReplayedKeyReturnsTheFirstResultWithoutRecordingAnEvent() {
        String s = newSession();
        String inn = optionNamed(text(s, "Seattle Mar 20-23"), "Inn at the Market");
        String body = "{\"sessionId\":\"" + s + "\",\"kind\":\"action_book_option\",\"payload\":{\"optionId\":\"" + inn
                + "\"},\"idempotencyKey\":\"demo:" + s + ":book:001\"}";
        Http.Res first = event(body);
        Http.Res second = event(body);
        assertEquals(first.body, second.body);
        assertNull(first.header("idempotent-replayed"));
        assertEquals("true", second.header("idempotent-replayed"));
        assertNotEquals(first.header("x-request-id"), second.header("x-request-id"));

        // the key wins even when the replay differs: the first result comes back
        Http.Res third = action(s, "action_cancel_booking", "{}", "demo:" + s + ":book:001");
        assertEquals(first.body, third.body);

        assertEquals(2, brek.recordedEventCount(), "search + one booking");
        assertEquals(3, brek.requests().stream()
                .filter(r -> r.idempotencyKey().orElse("").equals("demo:" + s + ":book:001")).count());
        assertEquals(2, brek.requests().stream().filter(SandboxRequest::replayed).count());
        assertEquals(2, http.get(SESSIONS + "/" + s, KEY, "key-acme").data().getAsJsonArray("events").size());
    }

    @Test
    void textTurnsWithAKeyAreReplayedToo() {
        String s = newSession();
        String body = "{\"sessionId\":\"" + s + "\",\"text\":\"Tokyo\",\"idempotencyKey\":\"t1\"}";
        assertEquals(event(body).body, event(body).body);
        assertEquals(1, brek.recordedEventCount());
    }

    @Test
    void anActorOtherThanTheOwnerIs409() {
        String s = newSession();
        Http.Res r = event("{\"sessionId\":\"" + s + "\",\"actor\":{\"actorId\":\"intruder\"},\"text\":\"Seattle\"}");
        assertErrorBody(r, 409, "actor.actorId does not match the session owner (partner_user_001).", null);
        assertEquals("acme", r.header("x-partner-id"));
        assertEquals(0, brek.recordedEventCount());
        assertEquals(200, event("{\"sessionId\":\"" + s + "\",\"text\":\"Seattle\"}").status, "no actor is fine");
    }

    @Test
    void anUnknownSessionIs404WithItsId() {
        Http.Res r = event("{\"sessionId\":\"sess_unknown\",\"text\":\"Seattle\"}");
        assertErrorBody(r, 404, "Session not found.", "session_not_found");
        assertEquals("sess_unknown", r.json().getAsJsonObject("details").get("sessionId").getAsString());
        Http.Res g = http.get(SESSIONS + "/sess_unknown", KEY, "key-acme");
        assertErrorBody(g, 404, "Session not found.", "session_not_found");
        assertEquals("sess_unknown", g.json().getAsJsonObject("details").get("sessionId").getAsString());
    }

    @Test
    void anotherPartnersSessionIsNotFound() {
        String s = newSession();
        assertEquals(404, http.get(SESSIONS + "/" + s, KEY, "key-globex").status);
        assertEquals(404, http.post(EVENTS, "{\"sessionId\":\"" + s + "\",\"text\":\"Seattle\"}", KEY, "key-globex").status);
        assertEquals(200, http.get(SESSIONS + "/" + s, "api-key", "key-acme").status);
    }

    @Test
    void aMissingSessionIdIs400() {
        for (String body : List.of("{\"text\":\"Seattle\"}", "{\"sessionId\":\"\",\"text\":\"x\"}",
                "{\"sessionId\":42,\"text\":\"x\"}")) {
            assertErrorBody(http.post(EVENTS, body, KEY, "key-acme", EXPECT(), "1"), 400, "sessionId is required", null);
        }
        Http.Res g = http.get(SESSIONS + "/", KEY, "key-acme", EXPECT(), "1");
        assertErrorBody(g, 400, "sessionId is required", "invalid_request");
        assertTrue(g.json().get("details").isJsonNull());
    }

    @Test
    void anEventNeedsTextOrKind() {
        String s = newSession();
        assertErrorBody(event("{\"sessionId\":\"" + s + "\"}"), 400, "text or kind is required", null);
    }

    @Test
    void anUnknownKindIsRecordedButChangesNothing() {
        String s = newSession();
        Http.Res r = action(s, "action_teleport", "{}", null);
        assertEquals("unsupported_kind", status(r));
        assertEquals(1, brek.recordedEventCount());
    }

    @Test
    void thePathSessionIdIsPercentDecoded() {
        String s = newSession();
        Http.Res encoded = http.get(SESSIONS + "/" + s.replace("_", "%5F"), KEY, "key-acme");
        assertEquals(200, encoded.status);
        assertEquals(s, encoded.data().get("sessionId").getAsString());
        Http.Res slash = http.get(SESSIONS + "/a%2Fb", KEY, "key-acme");
        assertEquals("a/b", slash.json().getAsJsonObject("details").get("sessionId").getAsString());
        Http.Res unicode = http.get(SESSIONS + "/caf%C3%A9%20+1", KEY, "key-acme");
        assertEquals("café +1", unicode.json().getAsJsonObject("details").get("sessionId").getAsString());
        assertEquals("/api/partner/v1/core-chat/sessions/a%2Fb", brek.requests().get(2).path(), "the log keeps it raw");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        Http.Res r = http.get("/api/partner/v1/core-chat/nope", KEY, "key-acme", EXPECT(), "1");
        assertEquals(404, r.status);
        assertEquals("not_found", r.json().get("code").getAsString());
        Http.Res m = http.get(EVENTS, KEY, "key-acme", EXPECT(), "1");
        assertEquals(405, m.status);
        assertEquals("POST", m.header("allow"));
        assertEquals(405, http.get(SESSIONS, KEY, "key-acme", EXPECT(), "1").status);
        assertEquals(404, http.get(SESSIONS + "/a/b", KEY, "key-acme", EXPECT(), "1").status);
    }

    @Test
    void sameSeedAndClockGiveTheSameIds() {
        ManualClock clock = new ManualClock(Instant.parse("2026-02-18T23:22:33.407Z"));
        List<String> first = idsOfAScriptedRun(clock);
        clock.set(Instant.parse("2026-02-18T23:22:33.407Z"));
        assertEquals(first, idsOfAScriptedRun(clock));
        assertTrue(first.get(0).startsWith("sess_1771456953407_"), first.get(0));
    }

    private static List<String> idsOfAScriptedRun(ManualClock clock) {
        try (BrekSandbox b = BrekSandbox.builder().clock(clock).seed(7).start()) {
            Http h = new Http(b.baseUrl(), SpecChecks.BREK, true);
            Http.Res c = h.post(SESSIONS, "{\"actor\":{\"actorId\":\"a\"}}", KEY, b.apiKey());
            String s = c.data().get("sessionId").getAsString();
            Http.Res e = h.post(EVENTS, "{\"sessionId\":\"" + s + "\",\"text\":\"Seattle\"}", KEY, b.apiKey());
            SpecChecks.assertLogConforms(SpecChecks.BREK, true, b.requests());
            return List.of(s, c.header("x-request-id"), e.data().getAsJsonObject("event").get("id").getAsString(),
                    e.header("x-request-id"), c.data().get("createdAt").getAsString());
        }
    }

    @Test
    void resetForgetsEverythingButThePort() {
        String s = newSession();
        int port = brek.port();
        brek.faults().nextStatus(503, 3);
        brek.reset();
        assertEquals(port, brek.port());
        assertTrue(brek.requests().isEmpty());
        assertTrue(brek.faults().pending().isEmpty());
        assertEquals(0, brek.recordedEventCount());
        assertEquals(404, http.get(SESSIONS + "/" + s, KEY, "key-acme").status);
    }

    @Test
    void theLogRecordsWhatWasSentAndAnswered() {
        String s = newSession();
        text(s, "Seattle");
        SandboxRequest r = brek.requests().get(1);
        assertEquals(2, r.sequence());
        assertEquals("POST", r.method());
        assertEquals(EVENTS, r.path());
        assertEquals("key-acme", r.header("X-Partner-Api-Key").orElseThrow());
        assertEquals(s, r.jsonString("sessionId").orElseThrow());
        assertEquals("partner_user_001", r.jsonString("actor.actorId").orElseThrow());
        assertEquals("Seattle", JsonParser.parseString(r.body()).getAsJsonObject().get("text").getAsString());
        assertEquals(200, r.responseStatus());
        assertTrue(r.responseDelivered());
        assertTrue(r.responseBody().contains("\"shortlist\""));
        assertEquals("acme", r.responseHeader("x-partner-id").orElseThrow());
        assertFalse(r.fault().isPresent());
        assertFalse(r.toString().contains("key-acme"), "credentials are redacted: " + r);
        assertFalse(r.idempotencyKey().isPresent());
    }
}
