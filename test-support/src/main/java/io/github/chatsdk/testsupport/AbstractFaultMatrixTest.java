package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix every operation of every client runs: each row puts one production fault in
 * front of the operation and asserts how many attempts reached the server, which delays were asked
 * of the sleeper, which exception (or result) came out, that every retry carried the
 * {@code x-chatsdk-retry-count} header, and, for operations with an idempotency key, that every
 * attempt carried the same key and the outcome reports it. After every row the DEBUG log is
 * checked for the credential.
 *
 * <p>Expectations follow the operation's {@linkplain OperationUnderTest#retrySafe() retry safety}:
 * a retry-safe operation is retried (default 2 retries: 3 attempts) after any transient fault; any
 * other operation only after a refused connection (the request never reached the server).
 *
 * <p>To run it for an operation, subclass it with one method:
 * <pre>{@code
 * class BrekSendEventFaultMatrixTest extends AbstractFaultMatrixTest<BrekClient, EventResult> {
 *     @Override protected OperationUnderTest<BrekClient, EventResult> operation() { return BrekOperations.SEND_EVENT; }
 * }
 * }</pre>
 *
 * @param <C> the client type
 * @param <R> the result type
 */
public abstract class AbstractFaultMatrixTest<C extends AutoCloseable, R> {
    /** A read timeout short enough for the slow rows, long enough for a busy 2-core machine otherwise. */
    protected static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
    /** How late the slow rows' data arrives. */
    protected static final Duration SLOW = Duration.ofMillis(1200);
    /** The retry delays start here (the SDK's backoff base). */
    protected static final Duration BACKOFF_BASE = Duration.ofMillis(500);

    /** The server of the current row. */
    protected MockWebServer server;
    /** Records the delays of the current row. */
    protected RecordingSleeper sleeper;
    /** The clock the client reads {@code Retry-After} dates with. */
    protected MutableClock clock;
    /** The client's log during the current row. */
    protected LogCapture log;
    private C client;

    /**
     * The operation under test.
     *
     * @return the operation
     */
    protected abstract OperationUnderTest<C, R> operation();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        clock = new MutableClock();
        sleeper = new RecordingSleeper();
        log = LogCapture.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            server.shutdown();
        } finally {
            log.close();
        }
        String secret = operation().credential();
        if (secret != null) {
            assertFalse(log.text().contains(secret), "the log contains the credential");
        }
    }

    /**
     * The settings rows use; override to add something a client needs.
     *
     * @return the settings
     */
    protected ClientSettings settings() {
        return ClientSettings.of(server.url("/").toString(), sleeper, clock);
    }

    /** The client of this row, built on first use. */
    protected C client() {
        if (client == null) {
            client = operation().newClient(settings());
        }
        return client;
    }

    /** Runs the operation with default options. */
    protected R call() {
        return call(RequestOptions.defaults());
    }

    /** Runs the operation with {@code options}. */
    protected R call(RequestOptions options) {
        return operation().call(client(), options);
    }

    private int attemptsWhenRetried(int retries) {
        return operation().retrySafe() ? retries + 1 : 1;
    }

    // ---- rate limits -------------------------------------------------------------------------

    @Test
    void resendsEveryOperationOnceAfterA429WithRetryAfterSeconds() {
        // a 429 is a refusal: the request was not processed, so even a non-idempotent call is resent
        server.enqueue(Faults.rateLimited(Duration.ofSeconds(3)));
        server.enqueue(Faults.json(200, operation().successBody()));
        assertSucceededAfter(call(), 2);
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.delays());
    }

    @Test
    void resendsEveryOperationOnceAfterA429WithARetryAfterHttpDate() {
        server.enqueue(Faults.rateLimitedUntil(clock.instant().plusSeconds(5).atZone(ZoneOffset.UTC)));
        server.enqueue(Faults.json(200, operation().successBody()));
        assertSucceededAfter(call(), 2);
        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.delays());
    }

    @Test
    void resendsEveryOperationOnceAfterA429WithoutRetryAfterAfterTheBackoff() {
        server.enqueue(Faults.rateLimitedWithoutRetryAfter());
        server.enqueue(Faults.json(200, operation().successBody()));
        assertSucceededAfter(call(), 2);
        assertBackoff(sleeper.delays(), 1);
    }

    @Test
    void backsOffOnA429WithoutRetryAfterAndThrowsRateLimitExceptionWhenRetriesAreSpent() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.rateLimitedWithoutRetryAfter());
        }
        RateLimitException e = assertFails(RateLimitException.class, this::call, 3);
        assertBackoff(sleeper.delays(), 2);
        RateLimit rl = e.rateLimit().orElseThrow();
        assertEquals(0L, rl.remaining().getAsLong());
        assertTrue(rl.exhausted());
        assertEquals(Optional.of("rate_limited"), e.errorCode());
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanTheCap() {
        server.enqueue(Faults.rateLimited(Duration.ofSeconds(120)));
        RateLimitException e = assertFails(RateLimitException.class, this::call, 1);
        assertEquals(List.of(), sleeper.delays());
        assertEquals(Optional.of(Duration.ofSeconds(120)), e.retryAfter());
        assertTrue(e.getMessage().contains("120 s"), e.getMessage());
    }

    // ---- server errors -----------------------------------------------------------------------

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void retriesAServerErrorOnceWhenSafeAndOtherwiseReportsIt(int status) {
        server.enqueue(Faults.jsonError(status, "upstream failed"));
        server.enqueue(Faults.json(200, operation().successBody()));
        if (operation().retrySafe()) {
            assertSucceededAfter(call(), 2);
            assertBackoff(sleeper.delays(), 1);
        } else {
            InternalServerException e = assertFails(InternalServerException.class, this::call, 1);
            assertEquals(status, e.statusCode());
            assertEquals(Optional.of("upstream failed"), e.errorMessage());
            assertEquals(List.of(), sleeper.delays());
        }
    }

    @Test
    void a503WithRetryAfterZeroIsRetriedOnlyWhenSafeAndNeverSilentlyByOkHttp() {
        // OkHttp's own follow-up step resends a request after 503 + "Retry-After: 0", any method
        server.enqueue(Faults.jsonError(503, "restarting").setHeader("Retry-After", "0"));
        server.enqueue(Faults.json(200, operation().successBody()));
        if (operation().retrySafe()) {
            assertSucceededAfter(call(), 2);
            assertEquals(List.of(Duration.ZERO), sleeper.delays());
        } else {
            InternalServerException e = assertFails(InternalServerException.class, this::call, 1);
            assertEquals(Optional.of("0"), e.meta().header("Retry-After"), "the header is reported as sent");
            assertEquals(List.of(), sleeper.delays());
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void spendsEveryRetryOnAPersistentServerError(int status) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.jsonError(status, "still failing"));
        }
        int attempts = attemptsWhenRetried(2);
        InternalServerException e = assertFails(InternalServerException.class, this::call, attempts);
        assertEquals(status, e.statusCode());
        assertBackoff(sleeper.delays(), attempts - 1);
        assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
    }

    @Test
    void htmlErrorPageFromAProxyIsAServerErrorWithTheHtmlKeptOutOfTheMessage() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.html(502));
        }
        int attempts = attemptsWhenRetried(2);
        InternalServerException e = assertFails(InternalServerException.class, this::call, attempts);
        assertEquals(502, e.statusCode());
        assertTrue(e.rawBody().contains("<h1>502 Bad Gateway</h1>"));
        assertFalse(e.getMessage().contains("<"), e.getMessage());
        assertEquals(Optional.empty(), e.errorMessage());
        assertBackoff(sleeper.delays(), attempts - 1);
    }

    @Test
    void emptyErrorBodyIsAServerError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.empty(503));
        }
        int attempts = attemptsWhenRetried(2);
        InternalServerException e = assertFails(InternalServerException.class, this::call, attempts);
        assertEquals("", e.rawBody());
        assertBackoff(sleeper.delays(), attempts - 1);
    }

    @Test
    void truncatedErrorJsonStillGivesTheStatusException() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.truncatedJson(500,
                    "{\"success\":false,\"error\":\"boom\",\"code\":\"internal\",\"requestId\":\"r1\"}"));
        }
        int attempts = attemptsWhenRetried(2);
        InternalServerException e = assertFails(InternalServerException.class, this::call, attempts);
        assertTrue(e.rawBody().startsWith("{\"success\":false"));
        assertBackoff(sleeper.delays(), attempts - 1);
    }

    @Test
    void twentyMegabyteErrorPageIsReadOnlyUpToTheBound() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.hugeHtml(502));
        }
        int attempts = attemptsWhenRetried(2);
        InternalServerException e = assertFails(InternalServerException.class, this::call, attempts);
        assertTrue(e.rawBody().length() <= 8 * 1024 + 20, "raw body kept: " + e.rawBody().length());
        assertTrue(e.getMessage().length() < 1000, "message length " + e.getMessage().length());
        assertBackoff(sleeper.delays(), attempts - 1);
        assertTrue(log.text().length() < 200_000, "log length " + log.text().length());
    }

    // ---- broken connections ------------------------------------------------------------------

    @Test
    void refusedConnectionIsRetriedForEveryOperationAndSaysTheRequestWasNotDelivered() {
        int port = Faults.unusedLoopbackPort();
        client = operation().newClient(settings().baseUrl("http://127.0.0.1:" + port));
        ConnectionException e = assertThrows(ConnectionException.class, this::call);
        assertEquals(3, e.attempts());
        assertFalse(e.outcomeUnknown());
        assertTrue(e.getMessage().contains("not delivered"), e.getMessage());
        assertBackoff(sleeper.delays(), 2);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void connectTimeoutIsRetriedForEveryOperationAndSaysTheRequestWasNotDelivered() throws IOException {
        try (Faults.BlackHole hole = Faults.blackHole()) {
            client = operation().newClient(settings().baseUrl("http://127.0.0.1:" + hole.port()));
            RequestOptions shortConnect = RequestOptions.builder().connectTimeout(Duration.ofMillis(200)).build();
            ApiTimeoutException e = assertThrows(ApiTimeoutException.class, () -> call(shortConnect));
            assertEquals(3, e.attempts());
            assertFalse(e.outcomeUnknown(), e.getMessage());
            assertTrue(e.getMessage().contains("not delivered"), e.getMessage());
            assertBackoff(sleeper.delays(), 2);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void disconnectAfterTheRequestIsRetriedOnlyWhenSafeAndOtherwiseLeavesTheOutcomeUnknown() {
        server.enqueue(Faults.disconnectAfterRequest());
        server.enqueue(Faults.json(200, operation().successBody()));
        if (operation().retrySafe()) {
            assertSucceededAfter(call(), 2);
            assertBackoff(sleeper.delays(), 1);
        } else {
            ConnectionException e = assertFails(ConnectionException.class, this::call, 1);
            assertTrue(e.outcomeUnknown());
            assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
            assertEquals(List.of(), sleeper.delays());
        }
    }

    @Test
    void disconnectMidBodyIsRetriedOnlyWhenSafe() {
        server.enqueue(Faults.disconnectMidBody(operation().successBody()));
        server.enqueue(Faults.json(200, operation().successBody()));
        if (operation().retrySafe()) {
            assertSucceededAfter(call(), 2);
            assertBackoff(sleeper.delays(), 1);
        } else {
            ConnectionException e = assertFails(ConnectionException.class, this::call, 1);
            assertTrue(e.outcomeUnknown());
            assertTrue(e.getMessage().contains("body of HTTP 200"), e.getMessage());
            assertTrue(e.getMessage().contains("probably applied"), e.getMessage());
            assertEquals(List.of(), sleeper.delays());
        }
    }

    @Test
    void bodySlowerThanTheReadTimeoutIsATimeoutRetriedOnlyWhenSafe() {
        RequestOptions shortRead = RequestOptions.builder().readTimeout(SHORT_READ_TIMEOUT).build();
        server.enqueue(Faults.slowBody(operation().successBody(), SLOW));
        server.enqueue(Faults.json(200, operation().successBody()));
        if (operation().retrySafe()) {
            assertSucceededAfter(call(shortRead), 2);
            assertBackoff(sleeper.delays(), 1);
        } else {
            ApiTimeoutException e = assertFails(ApiTimeoutException.class, () -> call(shortRead), 1);
            assertTrue(e.outcomeUnknown());
            assertTrue(e.getMessage().startsWith("Timed out reading the body of HTTP 200"), e.getMessage());
            assertEquals(List.of(), sleeper.delays());
        }
    }

    @Test
    void gatewayThatNeverAnswersIsATimeoutWithTheOutcomeUnknown() {
        RequestOptions shortRead = RequestOptions.builder().readTimeout(SHORT_READ_TIMEOUT).build();
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.noResponse());
        }
        int attempts = attemptsWhenRetried(2);
        ApiTimeoutException e = assertFails(ApiTimeoutException.class, () -> call(shortRead), attempts);
        assertTrue(e.outcomeUnknown());
        assertBackoff(sleeper.delays(), attempts - 1);
    }

    // ---- unusable success bodies: never retried (the server did answer) ---------------------

    @Test
    void htmlSuccessPageIsMalformedAndNotRetried() {
        server.enqueue(Faults.html(200));
        MalformedResponseException e = assertFails(MalformedResponseException.class, this::call, 1);
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
        assertTrue(e.rawBody().contains("<html>"));
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void emptySuccessBodyIsMalformedAndNotRetried() {
        server.enqueue(Faults.empty(200));
        assertFails(MalformedResponseException.class, this::call, 1);
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void truncatedSuccessJsonIsMalformedAndNotRetried() {
        server.enqueue(Faults.truncatedJson(200, operation().successBody()));
        MalformedResponseException e = assertFails(MalformedResponseException.class, this::call, 1);
        assertEquals(200, e.statusCode());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void twentyMegabyteSuccessBodyIsRefusedWithoutReadingIt() {
        server.enqueue(Faults.hugeJson(200));
        MalformedResponseException e = assertFails(MalformedResponseException.class, this::call, 1);
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
        assertTrue(e.rawBody().length() <= 8 * 1024 + 20, "raw body kept: " + e.rawBody().length());
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void wrongContentTypeOnSuccessIsMalformedAndNotRetried() {
        server.enqueue(Faults.wrongContentType(operation().successBody()));
        MalformedResponseException e = assertFails(MalformedResponseException.class, this::call, 1);
        assertTrue(e.getMessage().contains("text/plain"), e.getMessage());
        assertEquals(List.of(), sleeper.delays());
    }

    // ---- retry count overrides ---------------------------------------------------------------

    @Test
    void perRequestMaxRetriesZeroDisablesRetries() {
        server.enqueue(Faults.rateLimited(Duration.ofSeconds(1)));
        server.enqueue(Faults.json(200, operation().successBody()));
        assertFails(RateLimitException.class, () -> call(RequestOptions.builder().maxRetries(0).build()), 1);
        assertEquals(List.of(), sleeper.delays());
    }

    @Test
    void perClientMaxRetriesSetsTheAttemptCount() {
        client = operation().newClient(settings().maxRetries(4));
        for (int i = 0; i < 5; i++) {
            server.enqueue(Faults.jsonError(503, "unavailable"));
        }
        int attempts = attemptsWhenRetried(4);
        assertFails(InternalServerException.class, this::call, attempts);
        assertBackoff(sleeper.delays(), attempts - 1);
    }

    // ---- assertions --------------------------------------------------------------------------

    /**
     * Asserts the call succeeded after {@code attempts} attempts, with the retry-count headers,
     * the same idempotency key on every attempt (reported on the result) and rate-limit data.
     */
    protected void assertSucceededAfter(R result, int attempts) {
        ResponseMeta meta = operation().metaOf(result);
        assertEquals(attempts, meta.attempts(), "attempts reported on the result");
        List<RecordedRequest> requests = recorded(attempts);
        assertKeys(requests, operation().keyReported(result));
        assertTrue(meta.rateLimit().isPresent(), "every result carries the rate limit");
    }

    /**
     * Asserts {@code call} throws {@code type} after exactly {@code attempts} attempts reached the
     * server, with the retry-count headers, and the same idempotency key on every attempt,
     * reported on the exception.
     */
    protected <T extends ChatSdkException> T assertFails(Class<T> type, Executable call, int attempts) {
        T e = assertThrows(type, call);
        assertEquals(attempts, e.attempts(), "attempts reported on the exception");
        List<RecordedRequest> requests = recorded(attempts);
        assertKeys(requests, e.idempotencyKey());
        String secret = operation().credential();
        if (secret != null) {
            assertFalse(String.valueOf(e.getMessage()).contains(secret), "the message contains the credential");
        }
        return e;
    }

    /** Takes exactly {@code n} requests from the server and checks their retry-count headers. */
    protected List<RecordedRequest> recorded(int n) {
        assertEquals(n, server.getRequestCount(), "attempts that reached the server");
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
                assertNotNull(r, "request " + (i + 1));
                requests.add(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        FaultAssertions.assertRetryCountHeaders(requests);
        String header = operation().credentialHeader();
        if (header != null) {
            for (RecordedRequest r : requests) {
                assertEquals(operation().credential(), credentialValue(r.getHeader(header)), "credential on attempt");
            }
        }
        return requests;
    }

    private static String credentialValue(String headerValue) {
        return headerValue != null && headerValue.startsWith("Bearer ") ? headerValue.substring(7) : headerValue;
    }

    private void assertKeys(List<RecordedRequest> requests, Optional<String> reported) {
        String first = requests.isEmpty() ? null : operation().keySent(requests.get(0));
        if (first == null) {
            for (RecordedRequest r : requests) {
                assertNull(operation().keySent(r));
            }
            return;
        }
        for (RecordedRequest r : requests) {
            assertEquals(first, operation().keySent(r), "every attempt carries the same idempotency key");
        }
        assertEquals(Optional.of(first), reported, "the outcome reports the key that was sent");
    }

    /** Asserts {@code n} backoff delays, the i-th within [50%, 100%] of 0.5 s × 2^(i-1). */
    protected static void assertBackoff(List<Duration> delays, int n) {
        FaultAssertions.assertBackoff(delays, n, BACKOFF_BASE);
    }
}
