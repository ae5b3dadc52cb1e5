package io.github.chatsdk.core;

import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.FaultAssertions;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.LogCapture;
import io.github.chatsdk.testsupport.RecordingSleeper;
import io.github.chatsdk.testsupport.MutableClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport's fault matrix, once, as a table. Each {@linkplain #ROWS row} puts one production
 * fault in front of a call and says how the call ends for a retry-safe and for a non-retry-safe
 * operation: success or the exception type, how many attempts were reported and reached the server,
 * which delays were asked of the sleeper, and what else the outcome must say. Every row runs four
 * times, synchronously and asynchronously, over the two synthetic operations of
 * {@link ListenerTestClient} (a {@code POST} with an idempotency key, retry-safe; a {@code POST}
 * without one, not retry-safe), on the core's own request path ({@code ClientCore}, as the clients
 * use it).
 *
 * <p>Every run also checks: every retry carried {@code x-chatsdk-retry-count}; every attempt carried
 * the credential and the same idempotency key, which the outcome reports; a result carries the rate
 * limit; neither the exception message nor the DEBUG log contains the credential.
 *
 * <p>The clients run a few of these rows each through their own operations (their
 * {@code *FaultSmokeTest}), which proves their wiring; the rows themselves are proven here.
 */
class FaultMatrixTest {
    /** A read timeout short enough for the slow rows, long enough for a busy 2-core machine otherwise. */
    static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
    /** How late the slow rows' data arrives. */
    static final Duration SLOW = Duration.ofMillis(1200);
    /** The retry delays start here (the SDK's backoff base). */
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    /** The body both synthetic operations accept as their 2xx response. */
    static final String SUCCESS = "{\"id\":\"item_1\",\"status\":\"ok\"}";

    /** The two kinds of operation a row is run for. */
    enum Kind {
        /** May be resent after it reached the server (a GET, or a write with an idempotency key). */
        RETRY_SAFE,
        /** Resent only when it cannot have reached the server (refused connection, 429). */
        NOT_RETRY_SAFE
    }

    /** How the call is made. */
    enum Driver {
        SYNC, ASYNC
    }

    private MockWebServer server;
    private RecordingSleeper sleeper;
    private MutableClock clock;
    private LogCapture log;
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        clock = new MutableClock();
        sleeper = new RecordingSleeper();
        log = LogCapture.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (AutoCloseable c : closeLater) {
                c.close();
            }
            server.shutdown();
        } finally {
            log.close();
        }
        assertFalse(log.text().contains(ListenerTestClient.API_KEY), "the log contains the credential");
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Row row : ROWS) {
            for (Driver driver : Driver.values()) {
                for (Kind kind : Kind.values()) {
                    runs.add(Arguments.of(row, driver, kind));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} [{1}, {2}]")
    @MethodSource("runs")
    void everyFaultEndsAsItsRowSaysForBothDriversAndBothKindsOfOperation(Row row, Driver driver, Kind kind)
            throws Exception {
        Run run = new Run(driver, kind);
        row.setup.accept(run);
        Outcome expected = kind == Kind.RETRY_SAFE ? row.retrySafe : row.notRetrySafe;
        if (expected.failure == null) {
            ListenerTestClient.Reply reply = run.call();
            assertEquals(expected.attempts, reply.meta.attempts(), "attempts reported on the result");
            assertKeys(recorded(expected.reached), reply.idempotencyKey);
            assertTrue(reply.meta.rateLimit().isPresent(), "every result carries the rate limit");
            assertEquals("ok", reply.body.get("status").getAsString());
        } else {
            ChatSdkException e = assertThrows(expected.failure, run::call);
            assertEquals(expected.attempts, e.attempts(), "attempts reported on the exception");
            assertKeys(recorded(expected.reached), e.idempotencyKey());
            assertFalse(String.valueOf(e.getMessage()).contains(ListenerTestClient.API_KEY),
                    "the message contains the credential");
            expected.check.accept(e, run);
        }
        expected.delays.accept(sleeper.delays());
    }

    // ---- the table -------------------------------------------------------------------------------

    static final List<Row> ROWS = List.of(
            // rate limits: a 429 is a refusal (the request was not processed), so every operation is resent
            row("a 429 with Retry-After in seconds is resent once after that wait",
                    r -> r.enqueue(Faults.rateLimited(ofSeconds(3))).enqueueSuccess(),
                    both(succeeds(2, exactly(ofSeconds(3))))),
            row("a 429 with Retry-After as an HTTP date is resent once after the time to that date",
                    r -> r.enqueue(Faults.rateLimitedUntil(r.clock().instant().plusSeconds(5).atZone(ZoneOffset.UTC)))
                            .enqueueSuccess(),
                    both(succeeds(2, exactly(ofSeconds(5))))),
            row("a 429 without Retry-After is resent once after the backoff",
                    r -> r.enqueue(Faults.rateLimitedWithoutRetryAfter()).enqueueSuccess(),
                    both(succeeds(2, backoff(1)))),
            row("persistent 429s without Retry-After back off and end in a RateLimitException",
                    r -> r.enqueue(() -> Faults.rateLimitedWithoutRetryAfter(), 3),
                    both(fails(RateLimitException.class, 3, backoff(2), (e, r) -> {
                        RateLimit rl = e.rateLimit().orElseThrow();
                        assertEquals(0L, rl.remaining().getAsLong());
                        assertTrue(rl.exhausted());
                        assertEquals(Optional.of("rate_limited"), e.errorCode());
                    }))),
            row("a Retry-After longer than the cap fails at once",
                    r -> r.enqueue(Faults.rateLimited(ofSeconds(120))),
                    both(fails(RateLimitException.class, 1, none(), (e, r) -> {
                        assertEquals(Optional.of(ofSeconds(120)), e.retryAfter());
                        assertTrue(e.getMessage().contains("120 s"), e.getMessage());
                    }))),
            // server errors
            serverErrorOnce(500), serverErrorOnce(502), serverErrorOnce(503), serverErrorOnce(504),
            row("a 503 with Retry-After 0 is retried only when safe, and never silently by OkHttp",
                    // OkHttp's own follow-up step resends a request after 503 + "Retry-After: 0", any method
                    r -> r.enqueue(Faults.jsonError(503, "restarting").setHeader("Retry-After", "0")).enqueueSuccess(),
                    succeeds(2, exactly(Duration.ZERO)),
                    fails(InternalServerException.class, 1, none(), (e, r) ->
                            assertEquals(Optional.of("0"), e.meta().header("Retry-After"), "the header is reported"))),
            persistentServerError(500), persistentServerError(502), persistentServerError(503),
            persistentServerError(504),
            row("an HTML error page from a proxy is a server error with the HTML kept out of the message",
                    r -> r.enqueue(() -> Faults.html(502), 3),
                    whenSafeElseOnce(InternalServerException.class, 3, (e, r) -> {
                        assertEquals(502, e.statusCode());
                        assertTrue(e.rawBody().contains("<h1>502 Bad Gateway</h1>"));
                        assertFalse(e.getMessage().contains("<"), e.getMessage());
                        assertEquals(Optional.empty(), e.errorMessage());
                    })),
            row("an empty error body is a server error",
                    r -> r.enqueue(() -> Faults.empty(503), 3),
                    whenSafeElseOnce(InternalServerException.class, 3, (e, r) -> assertEquals("", e.rawBody()))),
            row("truncated error JSON still gives the status exception",
                    r -> r.enqueue(() -> Faults.truncatedJson(500,
                            "{\"success\":false,\"error\":\"boom\",\"code\":\"internal\",\"requestId\":\"r1\"}"), 3),
                    whenSafeElseOnce(InternalServerException.class, 3, (e, r) ->
                            assertTrue(e.rawBody().startsWith("{\"success\":false"), e.rawBody()))),
            row("a 20 MiB error page is read only up to the bound",
                    r -> r.enqueue(() -> Faults.hugeHtml(502), 3),
                    whenSafeElseOnce(InternalServerException.class, 3, (e, r) -> {
                        assertTrue(e.rawBody().length() <= 8 * 1024 + 20, "raw body kept: " + e.rawBody().length());
                        assertTrue(e.getMessage().length() < 1000, "message length " + e.getMessage().length());
                        assertTrue(r.log().text().length() < 200_000, "log length " + r.log().text().length());
                    })),
            row("an error body that breaks off is kept as far as it arrived and logged as partial",
                    r -> r.enqueue(() -> Faults.jsonError(503, "half of an error").setSocketPolicy(
                            okhttp3.mockwebserver.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY), 3),
                    whenSafeElseOnce(InternalServerException.class, 3, (e, r) -> {
                        assertEquals(503, e.statusCode());
                        assertTrue(Faults.jsonError(503, "half of an error").getBody().readUtf8().startsWith(e.rawBody()),
                                "what arrived, not something else: " + e.rawBody());
                        assertTrue(r.log().text().contains("(only the first part was read)"), "logged as partial");
                    })),
            row("an error body nested 30 000 levels deep is kept raw, unparsed, without a StackOverflowError",
                    r -> r.enqueue(() -> Faults.json(500, "[".repeat(30_000) + "]".repeat(30_000)), 3),
                    whenSafeElseOnce(InternalServerException.class, 3, (e, r) -> {
                        assertEquals(Optional.empty(), e.errorMessage());
                        assertTrue(e.rawBody().startsWith("[[["), e.rawBody().substring(0, 10));
                    })),
            // broken connections
            row("a refused connection is retried for every operation and says the request was not delivered",
                    r -> r.baseUrl("http://127.0.0.1:" + Faults.unusedLoopbackPort()),
                    both(failsUnreached(ConnectionException.class, 3, backoff(2), (e, r) -> {
                        assertFalse(e.outcomeUnknown());
                        assertTrue(e.getMessage().contains("not delivered"), e.getMessage());
                    }))),
            row("a connect timeout is retried for every operation and says the request was not delivered",
                    r -> r.baseUrl("http://127.0.0.1:" + r.blackHole().port())
                            .options(RequestOptions.builder().connectTimeout(Duration.ofMillis(200)).build()),
                    both(failsUnreached(ApiTimeoutException.class, 3, backoff(2), (e, r) -> {
                        assertFalse(e.outcomeUnknown(), e.getMessage());
                        assertTrue(e.getMessage().contains("not delivered"), e.getMessage());
                    }))),
            row("a disconnect after the request is retried only when safe, else the outcome is unknown",
                    r -> r.enqueue(Faults.disconnectAfterRequest()).enqueueSuccess(),
                    succeeds(2, backoff(1)),
                    fails(ConnectionException.class, 1, none(), (e, r) -> {
                        assertTrue(e.outcomeUnknown());
                        assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
                    })),
            row("a disconnect in the middle of a 2xx body is retried only when safe",
                    r -> r.enqueue(Faults.disconnectMidBody(SUCCESS)).enqueueSuccess(),
                    succeeds(2, backoff(1)),
                    fails(ConnectionException.class, 1, none(), (e, r) -> {
                        assertTrue(e.outcomeUnknown());
                        assertTrue(e.getMessage().contains("body of HTTP 200"), e.getMessage());
                        assertTrue(e.getMessage().contains("probably applied"), e.getMessage());
                    })),
            row("a body slower than the read timeout is a timeout retried only when safe",
                    r -> r.options(RequestOptions.builder().readTimeout(SHORT_READ_TIMEOUT).build())
                            .enqueue(Faults.slowBody(SUCCESS, SLOW)).enqueueSuccess(),
                    succeeds(2, backoff(1)),
                    fails(ApiTimeoutException.class, 1, none(), (e, r) -> {
                        assertTrue(e.outcomeUnknown());
                        assertTrue(e.getMessage().startsWith("Timed out reading the body of HTTP 200"), e.getMessage());
                    })),
            row("a gateway that never answers is a timeout with the outcome unknown",
                    r -> r.options(RequestOptions.builder().readTimeout(SHORT_READ_TIMEOUT).build())
                            .enqueue(() -> Faults.noResponse(), 3),
                    whenSafeElseOnce(ApiTimeoutException.class, 3, (e, r) -> assertTrue(e.outcomeUnknown()))),
            // unusable 2xx bodies: never retried (the server did answer)
            row("an HTML success page is malformed and not retried",
                    r -> r.enqueue(Faults.html(200)),
                    both(fails(MalformedResponseException.class, 1, none(), (e, r) -> {
                        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
                        assertTrue(e.rawBody().contains("<html>"));
                    }))),
            row("an empty success body is malformed and not retried",
                    r -> r.enqueue(Faults.empty(200)),
                    both(fails(MalformedResponseException.class, 1, none(), (e, r) -> assertEquals(200, e.statusCode())))),
            row("truncated success JSON is malformed and not retried",
                    r -> r.enqueue(Faults.truncatedJson(200, SUCCESS)),
                    both(fails(MalformedResponseException.class, 1, none(), (e, r) -> assertEquals(200, e.statusCode())))),
            row("a 20 MiB success body is refused without reading it",
                    r -> r.enqueue(Faults.hugeJson(200)),
                    both(fails(MalformedResponseException.class, 1, none(), (e, r) -> {
                        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
                        assertTrue(e.rawBody().length() <= 8 * 1024 + 20, "raw body kept: " + e.rawBody().length());
                    }))),
            row("a wrong content type on a success is malformed and not retried",
                    r -> r.enqueue(Faults.wrongContentType(SUCCESS)),
                    both(fails(MalformedResponseException.class, 1, none(), (e, r) ->
                            assertTrue(e.getMessage().contains("text/plain"), e.getMessage())))),
            // retry count overrides
            row("a per-request maxRetries of 0 disables retries",
                    r -> r.options(RequestOptions.builder().maxRetries(0).build())
                            .enqueue(Faults.rateLimited(ofSeconds(1))).enqueueSuccess(),
                    both(fails(RateLimitException.class, 1, none(), (e, r) -> { }))),
            row("a per-client maxRetries sets the attempt count",
                    r -> r.settings(s -> s.maxRetries(4)).enqueue(() -> Faults.jsonError(503, "unavailable"), 5),
                    fails(InternalServerException.class, 5, backoff(4), (e, r) -> { }),
                    fails(InternalServerException.class, 1, none(), (e, r) -> { })));

    private static Row serverErrorOnce(int status) {
        return row("a single HTTP " + status + " is retried once when safe and otherwise reported",
                r -> r.enqueue(Faults.jsonError(status, "upstream failed")).enqueueSuccess(),
                succeeds(2, backoff(1)),
                fails(InternalServerException.class, 1, none(), (e, r) -> {
                    assertEquals(status, e.statusCode());
                    assertEquals(Optional.of("upstream failed"), e.errorMessage());
                }));
    }

    private static Row persistentServerError(int status) {
        return row("a persistent HTTP " + status + " spends every retry when safe",
                r -> r.enqueue(() -> Faults.jsonError(status, "still failing"), 3),
                whenSafeElseOnce(InternalServerException.class, 3, (e, r) -> {
                    assertEquals(status, e.statusCode());
                    assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
                }));
    }

    // ---- the table's vocabulary ------------------------------------------------------------------

    /** One fault and how the call ends, for each kind of operation. */
    static final class Row {
        final String name;
        final Setup setup;
        final Outcome retrySafe;
        final Outcome notRetrySafe;

        Row(String name, Setup setup, Outcome retrySafe, Outcome notRetrySafe) {
            this.name = name;
            this.setup = setup;
            this.retrySafe = retrySafe;
            this.notRetrySafe = notRetrySafe;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Puts the fault in place: what the server answers, the client's settings, the call's options. */
    @FunctionalInterface
    interface Setup {
        void accept(Run run) throws Exception;
    }

    /** How a call ends: a result or an exception, after how many attempts, with which delays. */
    static final class Outcome {
        final Class<? extends ChatSdkException> failure;
        final int attempts;
        final int reached;
        final Consumer<List<Duration>> delays;
        final BiConsumer<ChatSdkException, Run> check;

        Outcome(Class<? extends ChatSdkException> failure, int attempts, int reached, Consumer<List<Duration>> delays,
                BiConsumer<ChatSdkException, Run> check) {
            this.failure = failure;
            this.attempts = attempts;
            this.reached = reached;
            this.delays = delays;
            this.check = check;
        }
    }

    /** The same outcome for both kinds of operation. */
    private static Outcome[] both(Outcome o) {
        return new Outcome[] {o, o};
    }

    private static Row row(String name, Setup setup, Outcome[] both) {
        return new Row(name, setup, both[0], both[1]);
    }

    private static Row row(String name, Setup setup, Outcome retrySafe, Outcome notRetrySafe) {
        return new Row(name, setup, retrySafe, notRetrySafe);
    }

    /** Succeeds after {@code attempts} attempts. */
    private static Outcome succeeds(int attempts, Consumer<List<Duration>> delays) {
        return new Outcome(null, attempts, attempts, delays, (e, r) -> { });
    }

    /** Fails with {@code type} after {@code attempts} attempts, all of which reached the server. */
    private static <T extends ChatSdkException> Outcome fails(Class<T> type, int attempts,
            Consumer<List<Duration>> delays, BiConsumer<T, Run> check) {
        return new Outcome(type, attempts, attempts, delays, (e, r) -> check.accept(type.cast(e), r));
    }

    /** Fails with {@code type} after {@code attempts} attempts none of which reached the server. */
    private static <T extends ChatSdkException> Outcome failsUnreached(Class<T> type, int attempts,
            Consumer<List<Duration>> delays, BiConsumer<T, Run> check) {
        return new Outcome(type, attempts, 0, delays, (e, r) -> check.accept(type.cast(e), r));
    }

    /** A fault that persists: every attempt when safe (with backoff), one attempt otherwise. */
    private static <T extends ChatSdkException> Outcome[] whenSafeElseOnce(Class<T> type, int attemptsWhenSafe,
            BiConsumer<T, Run> check) {
        return new Outcome[] {fails(type, attemptsWhenSafe, backoff(attemptsWhenSafe - 1), check),
            fails(type, 1, none(), check)};
    }

    private static Consumer<List<Duration>> none() {
        return delays -> assertEquals(List.of(), delays, "no delay asked of the sleeper");
    }

    private static Consumer<List<Duration>> exactly(Duration... expected) {
        return delays -> assertEquals(List.of(expected), delays, "delays asked of the sleeper");
    }

    /** {@code n} backoff delays, the i-th within [50%, 100%] of 0.5 s × 2^(i-1). */
    private static Consumer<List<Duration>> backoff(int n) {
        return delays -> FaultAssertions.assertBackoff(delays, n, BACKOFF_BASE);
    }

    /** One run of a row: its server answers, settings and options, and the call through one driver. */
    final class Run {
        private final Driver driver;
        private final Kind kind;
        private ClientSettings settings;
        private RequestOptions options = RequestOptions.defaults();
        private ListenerTestClient client;

        Run(Driver driver, Kind kind) {
            this.driver = driver;
            this.kind = kind;
            this.settings = ClientSettings.of(server.url("/").toString(), sleeper, clock);
        }

        Run enqueue(MockResponse response) {
            server.enqueue(response);
            return this;
        }

        Run enqueue(java.util.function.Supplier<MockResponse> response, int times) {
            for (int i = 0; i < times; i++) {
                server.enqueue(response.get());
            }
            return this;
        }

        Run enqueueSuccess() {
            return enqueue(Faults.json(200, SUCCESS));
        }

        Run baseUrl(String url) {
            settings = settings.baseUrl(url);
            return this;
        }

        Run settings(java.util.function.UnaryOperator<ClientSettings> change) {
            settings = change.apply(settings);
            return this;
        }

        Run options(RequestOptions o) {
            options = o;
            return this;
        }

        Faults.BlackHole blackHole() {
            Faults.BlackHole hole = Faults.blackHole();
            closeLater.add(hole);
            return hole;
        }

        MutableClock clock() {
            return clock;
        }

        LogCapture log() {
            return log;
        }

        ListenerTestClient.Reply call() {
            if (client == null) {
                client = settings.applyTo(ListenerTestClient.builder()).build();
                closeLater.add(0, client);
            }
            if (kind == Kind.RETRY_SAFE) {
                return driver == Driver.SYNC ? client.post("key-1", options)
                        : AsyncOperations.await(client.postAsync("key-1", options));
            }
            return driver == Driver.SYNC ? client.create(options) : AsyncOperations.await(client.createAsync(options));
        }
    }

    // ---- the checks every run makes ----------------------------------------------------------------

    /** Takes exactly {@code n} requests from the server; checks retry counts and the credential. */
    private List<RecordedRequest> recorded(int n) throws InterruptedException {
        assertEquals(n, server.getRequestCount(), "attempts that reached the server");
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(r, "request " + (i + 1));
            assertEquals(ListenerTestClient.API_KEY, r.getHeader("X-Api-Key"), "credential on attempt " + (i + 1));
            requests.add(r);
        }
        FaultAssertions.assertRetryCountHeaders(requests);
        return requests;
    }

    /** Every attempt carried the same idempotency key (or none), and the outcome reports it. */
    private static void assertKeys(List<RecordedRequest> requests, Optional<String> reported) {
        String first = requests.isEmpty() ? null : requests.get(0).getHeader("Idempotency-Key");
        for (RecordedRequest r : requests) {
            if (first == null) {
                assertNull(r.getHeader("Idempotency-Key"));
            } else {
                assertEquals(first, r.getHeader("Idempotency-Key"), "every attempt carries the same key");
            }
        }
        if (first != null) {
            assertEquals(Optional.of(first), reported, "the outcome reports the key that was sent");
        }
    }
}
