package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.testsupport.JsonPaths;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server may add members at any depth and new values for kinds, statuses and channel types:
 * the client parses such responses, keeps the known fields typed and passes the rest through.
 */
class ForwardCompatibilityTest extends BrekServerTest {

    @Test
    void aSessionWithUnknownMembersAtEveryDepthAndAnUnknownChannelTypeParses() throws Exception {
        server.enqueue(ok("{\"data\":{"
                + "\"sessionId\":\"sess_new\",\"tenantId\":\"t-1\","
                + "\"channel\":{\"type\":\"slack\",\"workspaceId\":null,\"region\":\"eu\",\"meta\":{\"a\":[1,2]}},"
                + "\"conversation\":{\"id\":\"c-1\",\"channelId\":\"ch-1\",\"threadTs\":\"ts-1\",\"topic\":\"hotels\","
                + "\"participants\":[\"a\",\"b\"]},"
                + "\"actor\":{\"actorId\":\"partner_user_001\",\"timezoneOffsetMinutes\":null,\"locale\":\"en-US\","
                + "\"vip\":true},"
                + "\"createdAt\":\"2026-02-18T23:22:33.407+02:00\",\"updatedAt\":\"2026-02-18T23:22:33Z\","
                + "\"events\":[{\"eventId\":\"e1\",\"kind\":\"future_kind\",\"score\":3,\"ratio\":0.5,"
                + "\"nested\":{\"deep\":[{\"x\":null}]}}],"
                + "\"status\":\"active\",\"labels\":{\"a\":\"b\"},\"expiresAt\":null},"
                + "\"meta\":{\"apiVersion\":\"2026-03-01\"},\"warnings\":[\"deprecated\"]}"));

        Session s = client().sessions().create(CreateSession.forActor("partner_user_001"));

        takeRequest();
        assertEquals("sess_new", s.sessionId());
        assertEquals("t-1", s.tenantId());
        assertEquals("slack", s.channelType(), "an unknown channel type passes through as sent");
        assertEquals("slack", JsonPaths.at(s.rawJson(), "data.channel.type"), "the raw JSON keeps what was sent");
        assertEquals(Optional.empty(), s.workspaceId(), "nullable workspaceId");
        assertEquals(Optional.of("c-1"), s.conversationId());
        assertEquals(Optional.of("ch-1"), s.channelId());
        assertEquals(Optional.of("ts-1"), s.threadTs());
        assertEquals("partner_user_001", s.actorId());
        assertEquals(Optional.empty(), s.timezoneOffsetMinutes(), "nullable timezoneOffsetMinutes");
        assertEquals(OffsetDateTime.parse("2026-02-18T23:22:33.407+02:00"), s.createdAt());
        assertEquals(OffsetDateTime.parse("2026-02-18T23:22:33Z"), s.updatedAt());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "e1");
        event.put("kind", "future_kind");
        event.put("score", 3L);
        event.put("ratio", 0.5);
        event.put("nested", Map.of("deep", List.of(nullMap("x"))));
        assertEquals(List.of(event), s.events());
        assertEquals(3L, s.events().get(0).get("score"), "integers stay Long");
        assertEquals("active", JsonPaths.at(s.rawJson(), "data.status"));
        assertEquals("eu", JsonPaths.at(s.rawJson(), "data.channel.region"));
        assertEquals("hotels", JsonPaths.at(s.rawJson(), "data.conversation.topic"));
        assertEquals(true, JsonPaths.at(s.rawJson(), "data.actor.vip"));
    }

    @Test
    void anEventResultWithUnknownMembersAKindAndAStatusItDoesNotKnowParses() throws Exception {
        server.enqueue(ok("{\"data\":{\"sessionId\":\"" + SESSION_ID + "\",\"pending\":false,"
                + "\"event\":{\"id\":\"evt_9\",\"kind\":\"action_hold_room\",\"source\":\"api\"},"
                + "\"result\":{\"traceId\":\"tr-9\",\"status\":\"awaiting_confirmation\",\"latencyMs\":12,"
                + "\"message\":{\"text\":\"Hold the room?\",\"format\":\"markdown\",\"buttons\":[{\"label\":\"Yes\"}]},"
                + "\"artifacts\":{\"count\":3,\"holdExpiresAt\":\"2026-02-19T00:00:00Z\",\"shortlist\":["
                + "{\"optionId\":\"o1\",\"name\":\"Inn\",\"pricePerNight\":100,\"amenities\":[\"wifi\"],"
                + "\"geo\":{\"lat\":47.6,\"lng\":-122.3},\"refundable\":\"yes\",\"rating\":null},"
                + "{\"optionId\":42,\"name\":\"numeric id\"},"
                + "{\"name\":\"no id\"},"
                + "\"not an object\"]},\"nextActions\":[\"confirm\"]},"
                + "\"expires\":{\"in\":60}},\"serverTime\":\"now\"}"));

        EventResult r = client().events().send(SendEvent.ofKind(SESSION_ID, EventKind.of("action_hold_room"))
                .payload(Map.of("optionId", "o1")));

        assertEquals("action_hold_room", sentJson(takeRequest()).get("kind").getAsString());
        assertEquals("evt_9", r.eventId());
        assertEquals("action_hold_room", r.kind().value());
        assertEquals(EventKind.of("action_hold_room"), r.kind());
        assertFalse(r.kind().isKnown());
        assertFalse(r.kind().isWrite());
        assertEquals("awaiting_confirmation", r.status());
        assertEquals("Hold the room?", r.messageText());
        assertEquals(Optional.of("tr-9"), r.traceId());
        assertEquals(3L, r.artifacts().get("count"));
        assertEquals("2026-02-19T00:00:00Z", r.artifacts().get("holdExpiresAt"));
        assertEquals(4, ((List<?>) r.artifacts().get("shortlist")).size(), "every entry stays in artifacts");
        assertEquals(1, r.shortlist().size(), "only entries with a string optionId are typed");
        ShortlistOption o = r.shortlist().get(0);
        assertEquals("o1", o.optionId());
        assertEquals(Optional.of("Inn"), o.name());
        assertEquals(Optional.of(new BigDecimal("100")), o.pricePerNight());
        assertEquals(Optional.empty(), o.totalPrice());
        assertEquals(Optional.empty(), o.currency());
        assertEquals(Optional.empty(), o.refundable(), "a refundable that is not a boolean is not guessed");
        assertEquals(Optional.empty(), o.rating());
        assertEquals(List.of("wifi"), o.json().get("amenities"));
        assertEquals(Map.of("lat", 47.6, "lng", -122.3), o.json().get("geo"));
        assertEquals(false, JsonPaths.at(r.rawJson(), "data.pending"));
        assertEquals(60L, JsonPaths.at(r.rawJson(), "data.expires.in"));
        assertEquals("api", JsonPaths.at(r.rawJson(), "data.event.source"));
        assertEquals("markdown", JsonPaths.at(r.rawJson(), "data.result.message.format"));
        assertEquals(List.of("confirm"), JsonPaths.at(r.rawJson(), "data.result.nextActions"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"artifacts\":null", ",\"artifacts\":{}"})
    void aResultWithoutArtifactsHasEmptyArtifactsAndShortlist(String artifacts) throws Exception {
        server.enqueue(ok("{\"data\":{\"sessionId\":\"s\",\"event\":{\"id\":\"e\",\"kind\":\"search_query\"},"
                + "\"result\":{\"status\":\"clarify\",\"message\":{\"text\":\"Which dates?\"}" + artifacts + "}}}"));

        EventResult r = client().events().sendText(SESSION_ID, "partner_user_001", "Seattle");

        takeRequest();
        assertEquals("clarify", r.status());
        assertEquals(Optional.empty(), r.traceId());
        assertEquals(Map.of(), r.artifacts());
        assertEquals(List.of(), r.shortlist());
    }

    @Test
    void aSnapshotWithUnknownMembersKindsAndStatusesParses() throws Exception {
        server.enqueue(ok("{\"data\":{\"sessionId\":\"" + SESSION_ID + "\",\"tenantId\":\"t\",\"state\":\"open\","
                + "\"actor\":{\"actorId\":\"partner_user_001\",\"tier\":\"gold\"},"
                + "\"events\":[{\"eventId\":\"e1\",\"kind\":\"action_hold_room\",\"resultStatus\":\"held\","
                + "\"recordedAt\":\"2026-02-18T23:22:46.998Z\",\"durationMs\":5,\"tags\":[\"x\"]},"
                + "{\"eventId\":\"e2\",\"kind\":\"action_book_option\"},"
                + "{}]},\"page\":{\"next\":null}}"));

        SessionSnapshot snap = client().sessions().get(SESSION_ID);

        takeRequest();
        assertEquals(SESSION_ID, snap.sessionId());
        assertEquals("t", snap.tenantId());
        assertEquals(Optional.of("partner_user_001"), snap.actorId());
        assertEquals(3, snap.events().size());
        SessionEvent unknown = snap.events().get(0);
        assertEquals(Optional.of("e1"), unknown.eventId());
        assertEquals("action_hold_room", unknown.kind().orElseThrow().value());
        assertFalse(unknown.kind().orElseThrow().isKnown());
        assertEquals(Optional.of("held"), unknown.resultStatus());
        assertEquals(Optional.of(OffsetDateTime.parse("2026-02-18T23:22:46.998Z")), unknown.recordedAt());
        SessionEvent known = snap.events().get(1);
        assertSame(EventKind.ACTION_BOOK_OPTION, known.kind().orElseThrow());
        assertTrue(known.kind().orElseThrow().isWrite());
        assertEquals(Optional.empty(), known.resultStatus());
        assertEquals(Optional.empty(), known.recordedAt());
        SessionEvent empty = snap.events().get(2);
        assertEquals(Optional.empty(), empty.eventId());
        assertEquals(Optional.empty(), empty.kind());
        assertEquals("open", JsonPaths.at(snap.rawJson(), "data.state"));
        assertEquals("gold", JsonPaths.at(snap.rawJson(), "data.actor.tier"));
        assertEquals(List.of("x"), JsonPaths.at(snap.rawJson(), "data.events.0.tags"));
    }

    @Test
    void aSnapshotWithoutActorHasNoActorId() throws Exception {
        server.enqueue(ok("{\"data\":{\"sessionId\":\"s\",\"tenantId\":\"t\",\"actor\":{},\"events\":[]}}"));

        SessionSnapshot snap = client().sessions().get(SESSION_ID);

        takeRequest();
        assertEquals(Optional.empty(), snap.actorId());
        assertEquals(List.of(), snap.events());
    }

    @Test
    void everyDocumentedKindIsAKnownConstantAndOnlyTheFiveWriteKindsAreWrites() {
        for (EventKind k : List.of(EventKind.COMMAND_BOOK_BY_OPTION_ID, EventKind.ACTION_BOOK_OPTION,
                EventKind.ACTION_CONFIRM_PRICE_CHANGE, EventKind.ACTION_CONFIRM_PAYMENT_CARD,
                EventKind.ACTION_CANCEL_BOOKING)) {
            assertSame(k, EventKind.of(k.value()));
            assertTrue(k.isWrite(), k.value());
            assertTrue(k.isKnown(), k.value());
        }
        assertSame(EventKind.SEARCH_QUERY, EventKind.of("search_query"));
        assertFalse(EventKind.SEARCH_QUERY.isWrite());
        EventKind future = EventKind.of("Action_Book_Option");
        assertNotSame(EventKind.ACTION_BOOK_OPTION, future);
        assertFalse(future.isKnown());
        assertFalse(future.isWrite());
        assertEquals("Action_Book_Option", future.toString());
    }

    private static Map<String, Object> nullMap(String key) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, null);
        return m;
    }
}
