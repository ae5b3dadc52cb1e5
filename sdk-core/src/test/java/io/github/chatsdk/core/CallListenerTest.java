package io.github.chatsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.CallListener.AttemptEnd;
import io.github.chatsdk.core.CallListener.AttemptStart;
import io.github.chatsdk.core.CallListener.Call;
import io.github.chatsdk.core.CallListener.CallEnd;
import io.github.chatsdk.core.CallListener.Retry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link CallListener} events of the core's one request path, seen by a recording listener
 * while a {@link MockWebServer} answers: the exact sequence for each kind of outcome, the same for
 * a synchronous and an asynchronous call (each scenario runs both ways), listeners that throw,
 * listeners added per call and on derived clients, and the absence of every credential from
 * every event. The sleeper records the waits and never sleeps.
 */
class CallListenerTest {
    private static final String PATH = "/v1/messages";
    private static final String OK = "{\"ok\":true}";

    private MockWebServer server;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<ListenerTestClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        clients.forEach(ListenerTestClient::close);
        server.shutdown();
    }

    private ListenerTestClient.Builder builder() {
        return ListenerTestClient.builder().baseUrl(server.url("/").toString()).sleeper(Sleeper.of(sleeps::add));
    }

    private ListenerTestClient track(ListenerTestClient c) {
        clients.add(c);
        return c;
    }

    /** Sends one message synchronously or asynchronously (joined), unwrapping the async exception. */
    private static String send(ListenerTestClient c, boolean async, String key) {
        return send(c, async, key, RequestOptions.defaults());
    }

    private static String send(ListenerTestClient c, boolean async, String key, RequestOptions options) {
        if (!async) {
            return c.send("hello", key, options);
        }
        try {
            return c.sendAsync("hello", key, options).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static MockResponse ok() {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setHeader("x-request-id", "req_ok").setHeader("x-ratelimit-limit", "10")
                .setHeader("x-ratelimit-remaining", "7").setBody(OK);
    }

    private String started(boolean async) {
        return "callStarted test.messages.send POST " + server.url(PATH) + " key=k-1 async=" + async;
    }

    // ---- the sequences --------------------------------------------------------------------------

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aSuccessfulCallIsOneAttemptBetweenTheCallsStartAndEnd(boolean async) {
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(r).build());
        server.enqueue(ok());

        assertEquals(OK, send(c, async, "k-1"));

        assertEquals(List.of(
                started(async),
                "attemptStarted #1 permitWait=PT0S",
                "attemptEnded #1 status=200 delivered=true requestId=req_ok remaining=7 failure=-",
                "callEnded succeeded=true attempts=1 status=200 failure=-"), r.events());
        r.assertSameCallInEveryEvent();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRetried503IsTwoAttemptsWithTheRetryDecisionAndItsBackoffBetween(boolean async) {
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(r).build());
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("x-request-id", "req_503")
                .setBody("{\"error\":\"unavailable\"}"));
        server.enqueue(ok());

        assertEquals(OK, send(c, async, "k-1"));

        assertEquals(1, sleeps.size());
        Duration backoff = sleeps.get(0);
        assertTrue(backoff.compareTo(Duration.ofMillis(250)) >= 0 && backoff.compareTo(Duration.ofMillis(500)) <= 0,
                backoff::toString);
        assertEquals(List.of(
                started(async),
                "attemptStarted #1 permitWait=PT0S",
                "attemptEnded #1 status=503 delivered=true requestId=req_503 remaining=- failure=-",
                "retryScheduled #2 delay=" + backoff + " reason=SERVER_ERROR",
                "attemptStarted #2 permitWait=PT0S",
                "attemptEnded #2 status=200 delivered=true requestId=req_ok remaining=7 failure=-",
                "callEnded succeeded=true attempts=2 status=200 failure=-"), r.events());
        r.assertSameCallInEveryEvent();
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void a429IsWaitedOutForItsRetryAfterAndReportedAsRateLimited(boolean async) {
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(r).build());
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
                .setHeader("x-ratelimit-limit", "10").setHeader("x-ratelimit-remaining", "0")
                .setHeader("x-request-id", "req_429").setBody("{\"error\":\"slow down\"}"));
        server.enqueue(ok());

        assertEquals(OK, send(c, async, "k-1"));

        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
        assertEquals(List.of(
                started(async),
                "attemptStarted #1 permitWait=PT0S",
                "attemptEnded #1 status=429 delivered=true requestId=req_429 remaining=0 failure=-",
                "retryScheduled #2 delay=PT2S reason=RATE_LIMITED",
                "attemptStarted #2 permitWait=PT0S",
                "attemptEnded #2 status=200 delivered=true requestId=req_ok remaining=7 failure=-",
                "callEnded succeeded=true attempts=2 status=200 failure=-"), r.events());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aRefusedConnectionIsReportedAsNotDeliveredRetriedAndFinallyThrown(boolean async) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().baseUrl("http://127.0.0.1:" + closedPort).maxRetries(1)
                .addListener(r).build());

        ConnectionException e = assertThrows(ConnectionException.class, () -> send(c, async, "k-1"));

        assertEquals(1, sleeps.size());
        assertEquals(List.of(
                "callStarted test.messages.send POST http://127.0.0.1:" + closedPort + PATH + " key=k-1 async=" + async,
                "attemptStarted #1 permitWait=PT0S",
                "attemptEnded #1 status=- delivered=false requestId=- remaining=- failure=ConnectException",
                "retryScheduled #2 delay=" + sleeps.get(0) + " reason=NOT_DELIVERED",
                "attemptStarted #2 permitWait=PT0S",
                "attemptEnded #2 status=- delivered=false requestId=- remaining=- failure=ConnectException",
                "callEnded succeeded=false attempts=2 status=- failure=ConnectionException"), r.events());
        assertTrue(r.ends.get(0).failure().orElseThrow() instanceof ConnectException);
        assertEquals(e, r.callEnd.failure().orElseThrow(), "the listener sees the exception the caller gets");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aConnectionBrokenAfterTheRequestWasSentIsReportedAsMaybeDelivered(boolean async) {
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(r).build());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(ok());

        assertEquals(OK, send(c, async, "k-1"));

        assertEquals(List.of(
                started(async),
                "attemptStarted #1 permitWait=PT0S",
                "attemptEnded #1 status=- delivered=true requestId=- remaining=- failure=IOException",
                "retryScheduled #2 delay=" + sleeps.get(0) + " reason=CONNECTION_FAILED",
                "attemptStarted #2 permitWait=PT0S",
                "attemptEnded #2 status=200 delivered=true requestId=req_ok remaining=7 failure=-",
                "callEnded succeeded=true attempts=2 status=200 failure=-"), r.events());
    }

    @Test
    void aCancelledAsyncCallEndsItsOpenAttemptAndTheCallWithACancellation() throws Exception {
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(r).build());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        CompletableFuture<String> future = c.sendAsync("hello", "k-1", RequestOptions.defaults());
        assertNotNull(server.takeRequest(10, TimeUnit.SECONDS), "the attempt reached the server");
        assertTrue(future.cancel(true));

        assertEquals(List.of(
                started(true),
                "attemptStarted #1 permitWait=PT0S",
                "attemptEnded #1 status=- delivered=true requestId=- remaining=- failure=CancellationException",
                "callEnded succeeded=false attempts=1 status=- failure=CancellationException"), r.events());
        assertInstanceOf(CancellationException.class, r.callEnd.failure().orElseThrow());
        assertTrue(sleeps.isEmpty(), "a cancelled call is never retried");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void theCallAndAttemptDurationsAreMeasuredAndTheStartIsTheClientsClock(boolean async) {
        Recorder r = new Recorder();
        io.github.chatsdk.testsupport.MutableClock clock = new io.github.chatsdk.testsupport.MutableClock();
        ListenerTestClient c = track(builder().clock(clock).addListener(r).build());
        server.enqueue(ok());

        send(c, async, "k-1");

        assertEquals(clock.instant(), r.call.startedAt());
        assertFalse(r.ends.get(0).duration().isNegative());
        assertTrue(r.callEnd.duration().compareTo(r.ends.get(0).duration()) >= 0,
                "the call lasts at least as long as its attempt");
    }

    // ---- headers listeners add ------------------------------------------------------------------

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aHeaderAListenerAddsGoesOnItsAttemptOnly(boolean async) throws InterruptedException {
        CallListener tracer = new CallListener() {
            @Override
            public void attemptStarted(Call call, AttemptStart attempt) {
                attempt.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b" + attempt.number()
                        + "-01");
            }
        };
        ListenerTestClient c = track(builder().addListener(tracer).build());
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(ok());

        send(c, async, "k-1");

        assertEquals("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b1-01",
                server.takeRequest().getHeader("traceparent"));
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b2-01",
                server.takeRequest().getHeader("traceparent"));
    }

    @Test
    void aListenerCannotSetACredentialOrAManagedHeader() throws InterruptedException {
        List<String> refused = new CopyOnWriteArrayList<>();
        CallListener sneaky = new CallListener() {
            @Override
            public void attemptStarted(Call call, AttemptStart attempt) {
                for (String name : List.of("Authorization", "X-Api-Key", "User-Agent", "x-chatsdk-retry-count")) {
                    try {
                        attempt.header(name, "forged");
                    } catch (InvalidInputException e) {
                        refused.add(name);
                    }
                }
            }
        };
        ListenerTestClient c = track(builder().addListener(sneaky).build());
        server.enqueue(ok());

        c.send("hello", "k-1", RequestOptions.defaults());

        assertEquals(List.of("Authorization", "X-Api-Key", "User-Agent", "x-chatsdk-retry-count"), refused);
        RecordedRequest sent = server.takeRequest();
        assertEquals(ListenerTestClient.API_KEY, sent.getHeader("X-Api-Key"));
        assertEquals(null, sent.getHeader("Authorization"));
        assertFalse(sent.getHeader("User-Agent").contains("forged"));
    }

    // ---- listeners that fail --------------------------------------------------------------------

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aThrowingListenerNeitherBreaksTheCallNorSilencesTheOthersAndIsLoggedOnce(boolean async) {
        CallListener broken = new ThrowingListener();
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(broken).addListener(r).build());
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(ok());
        server.enqueue(ok());
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LogLevel.LOGGER_NAME);
        logger.addHandler(handler);
        try {
            assertEquals(OK, send(c, async, "k-1"));
            assertEquals(OK, send(c, async, "k-2"));
        } finally {
            logger.removeHandler(handler);
        }

        assertEquals(7 + 4, r.events().size(), "the recorder after the broken listener saw every event of both calls");
        List<LogRecord> aboutListener = new ArrayList<>();
        for (LogRecord l : logged) {
            if (l.getMessage().contains(ThrowingListener.class.getName())) {
                aboutListener.add(l);
            }
        }
        assertEquals(1, aboutListener.size(), "logged once, though it threw in all 11 events");
        assertEquals(Level.WARNING, aboutListener.get(0).getLevel());
        assertInstanceOf(IllegalStateException.class, aboutListener.get(0).getThrown());
        assertEquals(3, server.getRequestCount(), "no attempt was added or lost");
    }

    /** Throws in every event. */
    static final class ThrowingListener implements CallListener {
        @Override
        public void callStarted(Call call) {
            throw new IllegalStateException("boom in callStarted");
        }

        @Override
        public void attemptStarted(Call call, AttemptStart attempt) {
            throw new IllegalStateException("boom in attemptStarted");
        }

        @Override
        public void attemptEnded(Call call, AttemptEnd attempt) {
            throw new IllegalStateException("boom in attemptEnded");
        }

        @Override
        public void retryScheduled(Call call, Retry retry) {
            throw new IllegalStateException("boom in retryScheduled");
        }

        @Override
        public void callEnded(Call call, CallEnd end) {
            throw new IllegalStateException("boom in callEnded");
        }
    }

    // ---- credentials ----------------------------------------------------------------------------

    @ParameterizedTest(name = "bearer={0}")
    @ValueSource(booleans = {false, true})
    void noCredentialReachesAListenerInAnyEventField(boolean bearer) throws InterruptedException {
        Recorder r = new Recorder();
        ListenerTestClient.Builder b = builder().addListener(r);
        ListenerTestClient c = track((bearer ? b.bearer() : b).build());
        String secret = bearer ? ListenerTestClient.TOKEN : ListenerTestClient.API_KEY;
        // a server that echoes the credential back in its error body and in a header
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("x-request-id", "req_" + secret)
                .setBody("{\"error\":\"bad key " + secret + "\"}"));
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("x-request-id", "req_401")
                .setBody("{\"error\":\"Invalid key: " + secret + " (Authorization: Bearer " + secret + ")\"}"));

        ServiceException e = assertThrows(ServiceException.class, () -> c.send("hello", "k-1", RequestOptions.defaults()));
        assertEquals(401, e.statusCode());
        RecordedRequest first = server.takeRequest();
        assertEquals(secret, bearer ? first.getHeader("Authorization").substring("Bearer ".length())
                : first.getHeader("X-Api-Key"), "the credential was sent");

        assertEquals("req_[redacted]", r.ends.get(0).requestId().orElseThrow(), "an echoed credential is scrubbed");
        String everything = r.everything();
        assertTrue(everything.contains("Invalid key"), "the error reached the listener: " + everything);
        assertFalse(everything.contains(secret), everything);
        assertFalse(everything.contains(ListenerTestClient.API_KEY) || everything.contains(ListenerTestClient.TOKEN));
        assertFalse(everything.toLowerCase(java.util.Locale.ROOT).contains("x-api-key:"));
    }

    // ---- where listeners are registered ---------------------------------------------------------

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void listenersOfADerivedClientAndOfACallComeAfterTheClientsOwnAndOnlyForTheirCalls(boolean async) {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ListenerTestClient base = track(builder().addListener(named("client", order)).build());
        ListenerTestClient derived = base.withOptions(RequestOptions.builder().addListener(named("derived", order)).build());
        RequestOptions perCall = RequestOptions.builder().addListener(named("call", order)).build();
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok());
        }

        send(base, async, "k-1");
        assertEquals(List.of("client"), order);
        order.clear();

        send(derived, async, "k-2");
        assertEquals(List.of("client", "derived"), order);
        order.clear();

        send(derived, async, "k-3", perCall);
        assertEquals(List.of("client", "derived", "call"), order);
        order.clear();

        send(base, async, "k-4");
        assertEquals(List.of("client"), order, "deriving a client does not change the base's listeners");
    }

    /** Notes its name when a call ends. */
    private static CallListener named(String name, List<String> order) {
        return new CallListener() {
            @Override
            public void callEnded(Call call, CallEnd end) {
                assertTrue(end.succeeded());
                order.add(name);
            }
        };
    }

    @Test
    void aGetHasNoIdempotencyKeyAndItsUrlCarriesTheEncodedPath() {
        Recorder r = new Recorder();
        ListenerTestClient c = track(builder().addListener(r).build());
        server.enqueue(ok());

        c.get("a/b c");

        assertEquals("callStarted test.items.get GET " + server.url("/v1/items/a%2Fb%20c") + " key=- async=false",
                r.events().get(0));
    }

    @Test
    void eachCallHasItsOwnIdAndItsAttributesAreClearedWhenItEnds() {
        List<Call> calls = new CopyOnWriteArrayList<>();
        List<Object> seenInAttemptEnded = new CopyOnWriteArrayList<>();
        CallListener stateful = new CallListener() {
            @Override
            public void callStarted(Call call) {
                calls.add(call);
                call.attributes().put(this, "span-of-" + call.id());
            }

            @Override
            public void attemptEnded(Call call, AttemptEnd attempt) {
                seenInAttemptEnded.add(call.attributes().get(this));
            }
        };
        ListenerTestClient c = track(builder().addListener(stateful).build());
        server.enqueue(ok());
        server.enqueue(ok());

        c.send("a", "k-1", RequestOptions.defaults());
        c.send("b", "k-2", RequestOptions.defaults());

        assertNotEquals(calls.get(0).id(), calls.get(1).id());
        assertEquals(List.of("span-of-" + calls.get(0).id(), "span-of-" + calls.get(1).id()), seenInAttemptEnded);
        assertTrue(calls.get(0).attributes().isEmpty(), "cleared at the end of the call");
    }

    // ---- the recording listener -----------------------------------------------------------------

    /** Records every event as one line, and every value of every field for the credential check. */
    static final class Recorder implements CallListener {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final StringBuilder all = new StringBuilder();
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        final List<AttemptEnd> ends = new CopyOnWriteArrayList<>();
        volatile Call call;
        volatile CallEnd callEnd;

        List<String> events() {
            return List.copyOf(events);
        }

        synchronized String everything() {
            return all.toString();
        }

        void assertSameCallInEveryEvent() {
            for (Call c : calls) {
                assertTrue(c == call, "the same Call object in every event");
            }
        }

        private synchronized void dump(Object... values) {
            for (Object v : values) {
                all.append(v).append('\n');
                if (v instanceof java.util.Optional && ((java.util.Optional<?>) v).isPresent()
                        && ((java.util.Optional<?>) v).get() instanceof Throwable) {
                    for (Throwable t = (Throwable) ((java.util.Optional<?>) v).get(); t != null; t = t.getCause()) {
                        all.append(t).append('\n');
                        if (t instanceof ServiceException) {
                            ServiceException s = (ServiceException) t;
                            all.append(s.headers()).append('\n').append(s.rawBody()).append('\n')
                                    .append(s.errorMessage()).append('\n').append(s.requestId()).append('\n');
                        }
                    }
                }
            }
        }

        private void seen(Call c) {
            calls.add(c);
            dump(c, c.id(), c.operation(), c.method(), c.url(), c.idempotencyKey(), c.async(), c.startedAt(),
                    c.attributes());
        }

        @Override
        public void callStarted(Call c) {
            call = c;
            seen(c);
            events.add("callStarted " + c.operation() + ' ' + c.method() + ' ' + c.url() + " key="
                    + c.idempotencyKey().orElse("-") + " async=" + c.async());
        }

        @Override
        public void attemptStarted(Call c, AttemptStart a) {
            seen(c);
            dump(a, a.number(), a.permitWait());
            events.add("attemptStarted #" + a.number() + " permitWait=" + a.permitWait());
        }

        @Override
        public void attemptEnded(Call c, AttemptEnd a) {
            seen(c);
            ends.add(a);
            dump(a, a.number(), a.statusCode(), a.failure(), a.mayHaveBeenDelivered(), a.duration(), a.requestId(),
                    a.rateLimit());
            events.add("attemptEnded #" + a.number()
                    + " status=" + (a.statusCode().isPresent() ? String.valueOf(a.statusCode().getAsInt()) : "-")
                    + " delivered=" + a.mayHaveBeenDelivered()
                    + " requestId=" + a.requestId().orElse("-")
                    + " remaining=" + a.rateLimit().map(l -> l.remaining().isPresent()
                            ? String.valueOf(l.remaining().getAsLong()) : "-").orElse("-")
                    + " failure=" + a.failure().map(t -> t.getClass().getSimpleName()).orElse("-"));
        }

        @Override
        public void retryScheduled(Call c, Retry retry) {
            seen(c);
            dump(retry, retry.nextAttempt(), retry.delay(), retry.reason());
            events.add("retryScheduled #" + retry.nextAttempt() + " delay=" + retry.delay() + " reason=" + retry.reason());
        }

        @Override
        public void callEnded(Call c, CallEnd end) {
            seen(c);
            callEnd = end;
            dump(end, end.succeeded(), end.failure(), end.attempts(), end.statusCode(), end.duration());
            events.add("callEnded succeeded=" + end.succeeded() + " attempts=" + end.attempts()
                    + " status=" + (end.statusCode().isPresent() ? String.valueOf(end.statusCode().getAsInt()) : "-")
                    + " failure=" + end.failure().map(t -> t.getClass().getSimpleName()).orElse("-"));
        }
    }
}
