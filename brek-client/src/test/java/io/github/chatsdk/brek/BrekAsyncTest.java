package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSION;
import static io.github.chatsdk.brek.SpecExamples.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.internal.transport.Transport;
import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code brek.async()}: every operation gives the same result and the same exception as its
 * synchronous twin, cancelling a future cancels the HTTP call and any pending retry, retries keep
 * the idempotency key, and closing the client fails the calls still in flight.
 */
class BrekAsyncTest extends BrekServerTest {
    private static final String ACTOR = "partner_user_001";
    private static final String CREATED = SpecExamples.response(SESSIONS, "post", "200", "success");
    private static final String SHORTLIST = SpecExamples.response(EVENTS, "post", "200", "shortlist");
    private static final String SNAPSHOT = SpecExamples.response(SESSION, "get", "200", "success");

    /** A client whose asynchronous waits are recorded by {@link #sleeper} and never slept. */
    private BrekClient asyncClient() {
        return track(builder().build());
    }

    private static <T> T await(CompletableFuture<T> future) {
        return AsyncOperations.await(future);
    }

    // ---- same results -------------------------------------------------------------------------

    @Test
    void aSessionCreatedAsynchronouslyEqualsTheSynchronousOneFieldByField() throws Exception {
        BrekClient c = asyncClient();
        server.enqueue(ok(CREATED));
        server.enqueue(ok(CREATED));
        CreateSession request = CreateSession.forActor(ACTOR).timezoneOffsetMinutes(-480).workspaceId("ws");
        Session sync = c.sessions().create(request);
        Session async = await(c.async().sessions().create(request));

        assertEquals(sync.sessionId(), async.sessionId());
        assertEquals(sync.tenantId(), async.tenantId());
        assertEquals(sync.channelType(), async.channelType());
        assertEquals(sync.workspaceId(), async.workspaceId());
        assertEquals(sync.conversationId(), async.conversationId());
        assertEquals(sync.channelId(), async.channelId());
        assertEquals(sync.threadTs(), async.threadTs());
        assertEquals(sync.actorId(), async.actorId());
        assertEquals(sync.timezoneOffsetMinutes(), async.timezoneOffsetMinutes());
        assertEquals(sync.createdAt(), async.createdAt());
        assertEquals(sync.updatedAt(), async.updatedAt());
        assertEquals(sync.events(), async.events());
        assertEquals(sync.partnerId(), async.partnerId());
        assertEquals(sync.rawJson(), async.rawJson());
        assertSameMeta(sync.meta(), async.meta());
        assertEquals(bodyOf(takeRequest()), bodyOf(takeRequest()), "the same request body");
    }

    @Test
    void aSnapshotReadAsynchronouslyEqualsTheSynchronousOneFieldByField() throws Exception {
        BrekClient c = asyncClient();
        server.enqueue(ok(SNAPSHOT));
        server.enqueue(ok(SNAPSHOT));
        SessionSnapshot sync = c.sessions().get(SESSION_ID);
        SessionSnapshot async = await(c.async().sessions().get(SESSION_ID));

        assertEquals(sync.sessionId(), async.sessionId());
        assertEquals(sync.tenantId(), async.tenantId());
        assertEquals(sync.actorId(), async.actorId());
        assertEquals(sync.events().toString(), async.events().toString());
        assertEquals(sync.partnerId(), async.partnerId());
        assertEquals(sync.rawJson(), async.rawJson());
        assertSameMeta(sync.meta(), async.meta());
        assertEquals(takeRequest().getPath(), takeRequest().getPath());
    }

    @Test
    void anEventSentAsynchronouslyEqualsTheSynchronousOneFieldByField() throws Exception {
        BrekClient c = asyncClient();
        server.enqueue(ok(SHORTLIST));
        server.enqueue(ok(SHORTLIST));
        SendEvent event = SendEvent.text(SESSION_ID, ACTOR, "Seattle Mar 20-23 1 room refundable")
                .idempotencyKey("demo:" + SESSION_ID + ":search:001");
        EventResult sync = c.events().send(event);
        EventResult async = await(c.async().events().send(event));

        assertSameEvent(sync, async);
        assertEquals(sync.idempotencyKey(), async.idempotencyKey());
        assertEquals(bodyOf(takeRequest()), bodyOf(takeRequest()), "the same request body, key included");
    }

    static Stream<Arguments> helpers() {
        Map<String, Object> payload = Map.of("optionId", "opt_1", "quote", 3);
        return Stream.of(
                Arguments.of("sendText", (Helper) (c, async) -> async
                        ? c.async().events().sendText(SESSION_ID, ACTOR, "hi")
                        : CompletableFuture.completedFuture(c.events().sendText(SESSION_ID, ACTOR, "hi"))),
                Arguments.of("bookOption", (Helper) (c, async) -> async
                        ? c.async().events().bookOption(SESSION_ID, "opt_1")
                        : CompletableFuture.completedFuture(c.events().bookOption(SESSION_ID, "opt_1"))),
                Arguments.of("bookByOptionId", (Helper) (c, async) -> async
                        ? c.async().events().bookByOptionId(SESSION_ID, "opt_1")
                        : CompletableFuture.completedFuture(c.events().bookByOptionId(SESSION_ID, "opt_1"))),
                Arguments.of("confirmPriceChange", (Helper) (c, async) -> async
                        ? c.async().events().confirmPriceChange(SESSION_ID, payload)
                        : CompletableFuture.completedFuture(c.events().confirmPriceChange(SESSION_ID, payload))),
                Arguments.of("confirmPaymentCard", (Helper) (c, async) -> async
                        ? c.async().events().confirmPaymentCard(SESSION_ID, payload)
                        : CompletableFuture.completedFuture(c.events().confirmPaymentCard(SESSION_ID, payload))),
                Arguments.of("cancelBooking", (Helper) (c, async) -> async
                        ? c.async().events().cancelBooking(SESSION_ID, payload)
                        : CompletableFuture.completedFuture(c.events().cancelBooking(SESSION_ID, payload))));
    }

    @FunctionalInterface
    interface Helper {
        CompletableFuture<EventResult> call(BrekClient client, boolean async);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("helpers")
    void everyEventHelperHasAnAsynchronousTwinThatSendsTheSameEvent(String name, Helper helper) throws Exception {
        BrekClient c = asyncClient();
        server.enqueue(ok(SHORTLIST));
        server.enqueue(ok(SHORTLIST));
        EventResult sync = helper.call(c, false).join();
        EventResult async = await(helper.call(c, true));
        assertSameEvent(sync, async);

        JsonObject syncBody = sentJson(takeRequest());
        JsonObject asyncBody = sentJson(takeRequest());
        assertEquals(sync.idempotencyKey(), syncBody.remove("idempotencyKey").getAsString());
        assertEquals(async.idempotencyKey(), asyncBody.remove("idempotencyKey").getAsString());
        assertTrue(!sync.idempotencyKey().equals(async.idempotencyKey()), "a new key per logical event");
        assertEquals(syncBody, asyncBody, "the same event apart from its generated key");
    }

    private static void assertSameEvent(EventResult sync, EventResult async) {
        assertEquals(sync.sessionId(), async.sessionId());
        assertEquals(sync.eventId(), async.eventId());
        assertEquals(sync.kind(), async.kind());
        assertEquals(sync.status(), async.status());
        assertEquals(sync.messageText(), async.messageText());
        assertEquals(sync.traceId(), async.traceId());
        assertEquals(sync.artifacts(), async.artifacts());
        assertEquals(sync.shortlist(), async.shortlist());
        assertEquals(sync.partnerId(), async.partnerId());
        assertEquals(sync.rawJson(), async.rawJson());
        assertSameMeta(sync.meta(), async.meta());
    }

    private static void assertSameMeta(ResponseMeta sync, ResponseMeta async) {
        assertEquals(sync.statusCode(), async.statusCode());
        assertEquals(sync.headers(), async.headers());
        assertEquals(sync.requestId(), async.requestId());
        assertEquals(sync.rateLimit(), async.rateLimit());
        assertEquals(sync.attempts(), async.attempts());
    }

    // ---- same errors --------------------------------------------------------------------------

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(400, SpecExamples.response(EVENTS, "post", "400", "missing_idempotency")),
                Arguments.of(401, SpecExamples.response(EVENTS, "post", "401", "missing_key")),
                Arguments.of(403, SpecExamples.response(EVENTS, "post", "403", "invalid_key")),
                Arguments.of(404, SpecExamples.response(EVENTS, "post", "404", "session_not_found")),
                Arguments.of(409, SpecExamples.response(EVENTS, "post", "409", "actor_mismatch")),
                Arguments.of(429, SpecExamples.response(EVENTS, "post", "429", "rate_limited")),
                Arguments.of(500, "<html>oops</html>"),
                Arguments.of(418, "{\"error\":\"teapot\"}"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("errors")
    void aFailedFutureCarriesTheSameExceptionAsTheSynchronousCall(int status, String body) throws Exception {
        BrekClient c = track(builder().maxRetries(0).build());
        server.enqueue(error(status, body));
        server.enqueue(error(status, body));
        server.enqueue(error(status, body));
        SendEvent event = SendEvent.text(SESSION_ID, ACTOR, "hi").idempotencyKey("key-" + status);
        ServiceException sync = assertThrows(ServiceException.class, () -> c.events().send(event));

        CompletableFuture<EventResult> future = c.async().events().send(event);
        ExecutionException viaGet = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        CompletionException viaJoin = assertThrows(CompletionException.class, future::join);
        Throwable seen = future.handle((r, t) -> t).join();
        assertSame(viaGet.getCause(), viaJoin.getCause());
        assertSame(viaGet.getCause(), seen, "whenComplete/handle see the exception itself, not a wrapper");

        ServiceException async = (ServiceException) seen;
        assertEquals(sync.getClass(), async.getClass());
        assertEquals(sync.getMessage(), async.getMessage());
        assertEquals(sync.statusCode(), async.statusCode());
        assertEquals(sync.errorMessage(), async.errorMessage());
        assertEquals(sync.errorCode(), async.errorCode());
        assertEquals(sync.requestId(), async.requestId());
        assertEquals(sync.rawBody(), async.rawBody());
        assertEquals(sync.attempts(), async.attempts());
        assertEquals(sync.idempotencyKey(), async.idempotencyKey());
        assertEquals(BrekError.from(sync).map(BrekError::toString), BrekError.from(async).map(BrekError::toString));
        assertNoSecret(async);
    }

    @Test
    void badInputFailsTheFutureWithTheSynchronousExceptionAndSendsNothing() {
        BrekClient c = asyncClient();
        List<Supplier<CompletableFuture<?>>> calls = List.of(
                () -> c.async().events().sendText(SESSION_ID, ACTOR, " "),
                () -> c.async().events().bookOption(SESSION_ID, ""),
                () -> c.async().sessions().get(".."),
                () -> c.async().sessions().create(null),
                () -> c.async().events().send(null),
                () -> c.async().events().send(SendEvent.text(SESSION_ID, ACTOR, "hi"), null));
        List<Runnable> syncCalls = List.of(
                () -> c.events().sendText(SESSION_ID, ACTOR, " "),
                () -> c.events().bookOption(SESSION_ID, ""),
                () -> c.sessions().get(".."),
                () -> c.sessions().create(null),
                () -> c.events().send(null),
                () -> c.events().send(SendEvent.text(SESSION_ID, ACTOR, "hi"), null));
        for (int i = 0; i < calls.size(); i++) {
            CompletableFuture<?> f = calls.get(i).get(); // never throws
            RuntimeException sync = assertThrows(RuntimeException.class, syncCalls.get(i)::run);
            RuntimeException async = assertThrows(RuntimeException.class, () -> await(f));
            assertEquals(sync.getClass(), async.getClass(), "call " + i);
            assertEquals(sync.getMessage(), async.getMessage(), "call " + i);
            if (sync instanceof InvalidInputException) {
                assertEquals(((InvalidInputException) sync).field(), ((InvalidInputException) async).field());
            }
        }
        assertEquals(0, server.getRequestCount());
    }

    // ---- retries ------------------------------------------------------------------------------

    @Test
    void retriesAsynchronouslyWithTheSameIdempotencyKeyAndTheRecordedDelays() throws Exception {
        BrekClient c = asyncClient();
        server.enqueue(error(503, "{\"success\":false,\"error\":\"unavailable\"}"));
        server.enqueue(error(429, "{\"success\":false,\"error\":\"slow down\",\"code\":\"rate_limited\"}")
                .setHeader("Retry-After", "2"));
        server.enqueue(ok(SHORTLIST));
        EventResult r = await(c.async().events().sendText(SESSION_ID, ACTOR, "hi"));

        assertEquals(3, r.meta().attempts());
        List<Duration> delays = sleeper.delays();
        assertEquals(2, delays.size());
        assertTrue(delays.get(0).toMillis() >= 250 && delays.get(0).toMillis() <= 500, "backoff " + delays);
        assertEquals(Duration.ofSeconds(2), delays.get(1), "Retry-After");
        String[] retryHeaders = {null, "1", "2"};
        for (String expected : retryHeaders) {
            RecordedRequest request = takeRequest();
            assertEquals(r.idempotencyKey(), sentJson(request).get("idempotencyKey").getAsString());
            assertEquals(expected, request.getHeader(Transport.RETRY_COUNT_HEADER));
        }
    }

    @Test
    void aSessionCreationIsNotResentAsynchronouslyOnceItReachedTheServer() throws Exception {
        BrekClient c = asyncClient();
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok(CREATED));
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> await(c.async().sessions().create(CreateSession.forActor(ACTOR))));
        assertTrue(e.outcomeUnknown());
        assertEquals(1, e.attempts());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.delays());
    }

    // ---- cancellation -------------------------------------------------------------------------

    @Test
    void cancellingTheFutureCancelsTheCallInFlightAndNothingIsRetried() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)); // never answers
        server.enqueue(ok(SNAPSHOT)); // only a (wrong) retry would get it
        OkHttpClient http = new OkHttpClient();
        Dispatcher dispatcher = http.dispatcher();
        try {
            BrekClient c = track(builder().okHttpClient(http).build());
            CompletableFuture<SessionSnapshot> future = c.async().sessions().get(SESSION_ID);
            takeRequest(); // it reached the server, which now holds it
            assertEquals(1, dispatcher.runningCallsCount());

            assertTrue(future.cancel(true));
            assertTrue(future.isCancelled());
            assertThrows(CancellationException.class, future::join);
            awaitTrue(() -> dispatcher.runningCallsCount() == 0 && dispatcher.queuedCallsCount() == 0,
                    "OkHttp gave the call up");

            assertEquals(1, server.getRequestCount(), "no retry");
            assertEquals(List.of(), sleeper.delays(), "no retry was scheduled");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void cancellingTheFutureCancelsAPendingRetry() throws Exception {
        RecordingSleeper scheduler = RecordingSleeper.holding();
        BrekClient c = track(builder().sleeper(scheduler).build());
        server.enqueue(error(503, "{\"success\":false,\"error\":\"unavailable\"}"));
        server.enqueue(ok(SNAPSHOT));
        CompletableFuture<SessionSnapshot> future = c.async().sessions().get(SESSION_ID);
        awaitTrue(() -> scheduler.pending().size() == 1, "the retry is scheduled after the 503");

        assertTrue(future.cancel(true));
        assertTrue(scheduler.pending().get(0).isCancelled(), "the pending retry was cancelled");
        assertEquals(0, scheduler.runPending(), "nothing left to run");
        assertEquals(1, server.getRequestCount(), "the retry never went out");
        assertEquals(1, scheduler.delays().size());
    }

    @Test
    void aRetryScheduledByTheHoldingSchedulerGoesOutWhenItRuns() throws Exception {
        RecordingSleeper scheduler = RecordingSleeper.holding();
        BrekClient c = track(builder().sleeper(scheduler).build());
        server.enqueue(error(503, "{\"success\":false,\"error\":\"unavailable\"}"));
        server.enqueue(ok(SNAPSHOT));
        CompletableFuture<SessionSnapshot> future = c.async().sessions().get(SESSION_ID);
        awaitTrue(() -> scheduler.pending().size() == 1, "the retry is scheduled after the 503");
        assertTrue(!future.isDone(), "no thread waits: the call is parked in the scheduler");
        assertEquals(1, scheduler.runPending());
        assertEquals(2, await(future).meta().attempts());
    }

    // ---- close --------------------------------------------------------------------------------

    @Test
    void closingTheClientFailsTheCallsInFlightAndRefusesLaterOnes() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        BrekClient c = builder().build();
        CompletableFuture<EventResult> future = c.async().events().send(
                SendEvent.text(SESSION_ID, ACTOR, "hi").idempotencyKey("key-close"));
        takeRequest();
        c.close();

        ConnectionException e = assertThrows(ConnectionException.class, () -> await(future));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertTrue(e.outcomeUnknown(), "the request had reached the server");
        assertEquals(java.util.Optional.of("key-close"), e.idempotencyKey());
        assertEquals(1, e.attempts());

        assertThrows(IllegalStateException.class, () -> await(c.async().sessions().get(SESSION_ID)));
        assertThrows(IllegalStateException.class, () -> c.sessions().get(SESSION_ID));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRetryOnTheSystemSleeperRunsWithoutBlockingTheCaller() throws Exception {
        BrekClient c = track(builder().sleeper(io.github.chatsdk.core.Sleeper.system()).build());
        server.enqueue(error(503, "{\"success\":false,\"error\":\"unavailable\"}").setHeader("Retry-After", "1"));
        server.enqueue(ok(SNAPSHOT));
        long start = System.nanoTime();
        CompletableFuture<SessionSnapshot> future = c.async().sessions().get(SESSION_ID);
        assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(900),
                "the caller is not blocked by the wait");
        assertEquals(2, await(future).meta().attempts());
    }

    @Test
    void aChatSdkExceptionIsNeverWrappedTwice() {
        BrekClient c = asyncClient();
        server.enqueue(error(500, "{\"success\":false,\"error\":\"boom\"}"));
        server.enqueue(error(500, "{\"success\":false,\"error\":\"boom\"}"));
        server.enqueue(error(500, "{\"success\":false,\"error\":\"boom\"}"));
        CompletionException e = assertThrows(CompletionException.class,
                () -> c.async().sessions().get(SESSION_ID).join());
        assertInstanceOf(InternalServerException.class, e.getCause());
        assertNull(e.getCause().getCause());
        assertInstanceOf(ChatSdkException.class, e.getCause());
        assertNotNull(e.getCause().getMessage());
    }

    /** Polls {@code condition} for up to 5 s: for what another thread finishes, never a fixed sleep. */
    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
