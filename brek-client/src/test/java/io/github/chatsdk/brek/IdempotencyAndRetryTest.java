package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSION;
import static io.github.chatsdk.brek.SpecExamples.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.ServiceException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every event carries an idempotency key — the caller's, or one generated once per call — and the
 * same key goes out on every retry. Retries happen where they are safe, with backoff the recording
 * sleeper captures instead of waiting.
 */
class IdempotencyAndRetryTest extends BrekServerTest {
    private static final String OPTION = "1375108c-d021-4e45-a54a-e11ef553af07";

    private static MockResponse shortlist() {
        return ok(SpecExamples.response(EVENTS, "post", "200", "shortlist"));
    }

    private static String keyOf(RecordedRequest r) {
        return sentJson(r).get("idempotencyKey").getAsString();
    }

    @Test
    void aWriteEventWithoutACallerKeyCarriesAGeneratedKeyThatTheResultExposes() throws Exception {
        server.enqueue(shortlist());

        EventResult r = client().events().bookOption(SESSION_ID, OPTION);

        String key = r.idempotencyKey();
        assertTrue(key.startsWith("chatsdk_"), key);
        UUID.fromString(key.substring("chatsdk_".length()));
        assertEquals(key, keyOf(takeRequest()));
    }

    @Test
    void everyCallGeneratesAFreshKey() throws Exception {
        server.enqueue(shortlist());
        server.enqueue(shortlist());
        BrekClient client = client();

        String first = client.events().bookOption(SESSION_ID, OPTION).idempotencyKey();
        String second = client.events().bookOption(SESSION_ID, OPTION).idempotencyKey();

        assertNotEquals(first, second);
        assertEquals(first, keyOf(takeRequest()));
        assertEquals(second, keyOf(takeRequest()));
    }

    @Test
    void aTextEventGetsAKeyTooSoItsRetriesAreSafe() throws Exception {
        server.enqueue(shortlist());

        EventResult r = client().events().sendText(SESSION_ID, "partner_user_001", "Seattle");

        assertEquals(r.idempotencyKey(), keyOf(takeRequest()));
    }

    @Test
    void aCallerKeyIsSentAsIs() throws Exception {
        server.enqueue(shortlist());
        String key = "shop-42:Zürich booking/1 ✓";

        EventResult r = client().events().send(SendEvent.ofKind(SESSION_ID, EventKind.ACTION_BOOK_OPTION)
                .payload(Map.of("optionId", OPTION)).idempotencyKey(key));

        assertEquals(key, r.idempotencyKey());
        assertEquals(key, keyOf(takeRequest()));
    }

    @Test
    void aDeterministicKeyFollowsTheDocumentedFormat() {
        String sessId = SESSION_ID;

        assertEquals("demo:" + sessId + ":book:001", IdempotencyKeys.deterministic("demo", sessId, "book", 1));
        assertEquals("demo:sess_1771456953407_g7p6233d:book:001", IdempotencyKeys.deterministic("demo", sessId,
                "book", 1), "the spec's own action_kind example key");
        assertEquals("shop:s1:cancel:012", IdempotencyKeys.deterministic("shop", "s1", "cancel", 12));
        assertEquals("shop:s1:cancel:1234", IdempotencyKeys.deterministic("shop", "s1", "cancel", 1234));
        assertEquals(IdempotencyKeys.deterministic("demo", sessId, "book", 1),
                IdempotencyKeys.deterministic("demo", sessId, "book", 1));
    }

    @Test
    void retriesOn503WithTheSameIdempotencyKey() throws Exception {
        server.enqueue(error(503, "{\"success\":false,\"error\":\"busy\",\"requestId\":\"r-503\"}"));
        server.enqueue(shortlist());

        EventResult r = client().events().bookOption(SESSION_ID, OPTION);

        RecordedRequest first = takeRequest();
        RecordedRequest retry = takeRequest();
        assertEquals(r.idempotencyKey(), keyOf(first));
        assertEquals(r.idempotencyKey(), keyOf(retry));
        assertEquals(bodyOf(first), bodyOf(retry), "the retry resends the same body");
        assertNull(first.getHeader("x-chatsdk-retry-count"));
        assertEquals("1", retry.getHeader("x-chatsdk-retry-count"));
        assertEquals(2, r.meta().attempts());
        assertEquals(1, sleeper.delays().size());
        assertBetween(Duration.ofMillis(250), Duration.ofMillis(500), sleeper.delays().get(0));
    }

    @Test
    void retriesOn429AfterTheRetryAfterTheServerAskedFor() throws Exception {
        server.enqueue(error(429, SpecExamples.response(EVENTS, "post", "429", "rate_limited"))
                .setHeader("Retry-After", "7").setHeader("x-ratelimit-remaining", "0"));
        server.enqueue(shortlist());

        EventResult r = client().events().bookOption(SESSION_ID, OPTION);

        assertEquals(keyOf(takeRequest()), keyOf(takeRequest()));
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.delays());
        assertEquals(2, r.meta().attempts());
        assertEquals(119L, r.meta().rateLimit().orElseThrow().remaining().getAsLong(), "the final response's state");
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonoured() throws Exception {
        Instant now = Instant.parse("2026-02-18T23:22:33Z");
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(12).atOffset(ZoneOffset.UTC));
        server.enqueue(error(503, "").setHeader("Retry-After", later));
        server.enqueue(ok(SpecExamples.response(SESSION, "get", "200", "success")));
        BrekClient client = track(builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build());

        client.sessions().get(SESSION_ID);

        takeRequest();
        takeRequest();
        assertEquals(List.of(Duration.ofSeconds(12)), sleeper.delays());
    }

    @Test
    void aRetryAfterLongerThanTheCapEndsTheCallAtOnce() throws Exception {
        server.enqueue(error(429, SpecExamples.response(EVENTS, "post", "429", "rate_limited"))
                .setHeader("Retry-After", "30"));
        BrekClient client = track(builder().maxRetryAfter(Duration.ofSeconds(5)).build());

        RateLimitException e = expect(RateLimitException.class, () -> client.events().bookOption(SESSION_ID, OPTION));

        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
        assertEquals(Optional.of(keyOf(takeRequest())), e.idempotencyKey());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void whenRetriesRunOutTheExceptionCarriesTheKeyAndTheAttemptCount() throws Exception {
        server.enqueue(error(502, "<html>bad gateway</html>").setHeader("Content-Type", "text/html"));
        server.enqueue(error(503, ""));
        server.enqueue(error(504, "{\"success\":false,\"error\":\"timeout\",\"requestId\":\"r-504\"}"));

        InternalServerException e = expect(InternalServerException.class,
                () -> client().events().bookOption(SESSION_ID, OPTION));

        RecordedRequest a = takeRequest();
        RecordedRequest b = takeRequest();
        RecordedRequest c = takeRequest();
        assertEquals(Optional.of(keyOf(a)), e.idempotencyKey());
        assertEquals(keyOf(a), keyOf(b));
        assertEquals(keyOf(a), keyOf(c));
        assertNull(a.getHeader("x-chatsdk-retry-count"));
        assertEquals("1", b.getHeader("x-chatsdk-retry-count"));
        assertEquals("2", c.getHeader("x-chatsdk-retry-count"));
        assertEquals(504, e.statusCode());
        assertEquals(3, e.attempts());
        assertEquals(Optional.of("r-504"), e.requestId());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(2, sleeper.delays().size());
        assertBetween(Duration.ofMillis(250), Duration.ofMillis(500), sleeper.delays().get(0));
        assertBetween(Duration.ofMillis(500), Duration.ofMillis(1000), sleeper.delays().get(1));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void aGetIsRetriedOnEachRetryableStatus(int status) throws Exception {
        server.enqueue(error(status, ""));
        server.enqueue(ok(SpecExamples.response(SESSION, "get", "200", "success")));

        SessionSnapshot snap = client().sessions().get(SESSION_ID);

        assertEquals(SESSION_ID, snap.sessionId());
        assertEquals(2, snap.meta().attempts());
        assertNull(takeRequest().getHeader("x-chatsdk-retry-count"));
        assertEquals("1", takeRequest().getHeader("x-chatsdk-retry-count"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 501})
    void otherStatusesAreNotRetried(int status) throws Exception {
        server.enqueue(error(status, "{\"success\":false,\"error\":\"no\",\"requestId\":\"r\"}"));

        ServiceException e = assertThrows(ServiceException.class,
                () -> client().events().bookOption(SESSION_ID, OPTION));

        assertNoSecret(e);
        takeRequest();
        assertEquals(1, server.getRequestCount());
        assertEquals(1, e.attempts());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void sessionCreationIsNotRetriedOnceTheRequestReachedTheServer() throws Exception {
        server.enqueue(error(503, ""));
        server.enqueue(ok(SpecExamples.response(SESSIONS, "post", "200", "success")));

        InternalServerException e = expect(InternalServerException.class,
                () -> client().sessions().create(CreateSession.forActor("partner_user_001")));

        takeRequest();
        assertEquals(1, server.getRequestCount());
        assertEquals(1, e.attempts());
        assertEquals(Optional.empty(), e.idempotencyKey());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void anEventWhoseConnectionDroppedAfterSendingIsRetriedWithTheSameKey() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(shortlist());

        EventResult r = client().events().bookOption(SESSION_ID, OPTION);

        assertEquals(r.idempotencyKey(), keyOf(takeRequest()));
        RecordedRequest retry = takeRequest();
        assertEquals(r.idempotencyKey(), keyOf(retry));
        assertEquals("1", retry.getHeader("x-chatsdk-retry-count"));
        assertEquals(1, sleeper.delays().size());
    }

    @Test
    void aDroppedConnectionWithoutRetriesLeftSaysTheOutcomeIsUnknownAndCarriesTheKey() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        ConnectionException e = expect(ConnectionException.class,
                () -> clientWithoutRetries().events().bookOption(SESSION_ID, OPTION));

        String key = keyOf(takeRequest());
        assertTrue(e.outcomeUnknown());
        assertEquals(Optional.of(key), e.idempotencyKey());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains(key), "the message tells which key to resend with: " + e.getMessage());
    }

    @Test
    void sessionCreationIsNotRetriedAfterADroppedConnection() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok(SpecExamples.response(SESSIONS, "post", "200", "success")));

        ConnectionException e = expect(ConnectionException.class,
                () -> client().sessions().create(CreateSession.forActor("partner_user_001")));

        takeRequest();
        assertTrue(e.outcomeUnknown());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForSessionCreationBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        BrekClient client = track(BrekClient.builder().apiKey(API_KEY).baseUrl("http://127.0.0.1:" + closedPort)
                .sleeper(sleeper).build());

        ConnectionException e = expect(ConnectionException.class,
                () -> client.sessions().create(CreateSession.forActor("partner_user_001")));

        assertFalse(e.outcomeUnknown());
        assertEquals(3, e.attempts());
        assertEquals(2, sleeper.delays().size());
    }

    private static void assertBetween(Duration min, Duration max, Duration actual) {
        assertTrue(actual.compareTo(min) >= 0 && actual.compareTo(max) <= 0,
                actual + " should be within [" + min + ", " + max + "]");
    }
}
