package io.github.chatsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.ApiRequest;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.ClientCore;
import io.github.chatsdk.core.internal.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import io.github.chatsdk.testsupport.MutableClock;
import io.github.chatsdk.testsupport.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link RateLimiter} SPI as the transport uses it, for synchronous and asynchronous calls alike:
 * when a permit is asked, what the limiter is told, how its waits are taken and bounded, and what a
 * failing limiter does. The server's own request count says what was sent.
 *
 */
class RateLimiterSpiTest {
    private static final String OK = "{\"ok\":true}";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /** How a call is made: on the calling thread, or as a future that is joined. */
    enum Mode {
        SYNC {
            @Override
            String call(ClientCore core, RequestOptions options) {
                return core.run(operation(), options);
            }
        },
        ASYNC {
            @Override
            String call(ClientCore core, RequestOptions options) {
                try {
                    return core.runAsync(RateLimiterSpiTest::operation, options).get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    throw new AssertionError(e);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        };

        abstract String call(ClientCore core, RequestOptions options);

        String call(ClientCore core) {
            return call(core, RequestOptions.defaults());
        }
    }

    static Operation<String> operation() {
        ApiRequest request = ApiRequest.builder("sendEvent", "POST", "/events").authenticated(true)
                .body("{\"text\":\"hi\"}").build();
        return Operation.of("test.events.send", request, true, ApiError::unparsed, r -> r.body());
    }

    private ClientCore client(RateLimiter limiter, Sleeper sleeper, Function<TestBuilder, TestBuilder> more) {
        TestBuilder b = new TestBuilder().baseUrl(server.url("/").toString()).rateLimiter(limiter).sleeper(sleeper)
                .clock(clock).logLevel(LogLevel.OFF);
        return more.apply(b).build();
    }

    private ClientCore client(RateLimiter limiter, Sleeper sleeper) {
        return client(limiter, sleeper, b -> b);
    }

    private static MockResponse ok() {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(OK);
    }

    private static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"e\"}");
    }

    // ---- when permits are asked ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aPermitIsAskedBeforeEveryAttemptRetriesIncluded(Mode mode) {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(ok());
        List<String> asked = new CopyOnWriteArrayList<>();
        RateLimiter limiter = attempt -> {
            // what the server has seen when the permit for this attempt is asked
            asked.add(attempt.operation() + " #" + attempt.number() + " after " + server.getRequestCount());
            return Duration.ZERO;
        };
        RecordingSleeper sleeper = new RecordingSleeper();
        try (ClientCore core = client(limiter, sleeper)) {
            assertEquals(OK, mode.call(core));
        }
        assertEquals(List.of("test.events.send #1 after 0", "test.events.send #2 after 1",
                "test.events.send #3 after 2"), asked);
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeper.delays().size(), "the two retry waits, no permit wait");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRefusedPermitIsWaitedForWithTheSleeperAndAskedAgainBeforeTheAttemptGoes(Mode mode) {
        server.enqueue(ok());
        List<Integer> refusals = new CopyOnWriteArrayList<>();
        RateLimiter limiter = attempt -> {
            refusals.add(attempt.refusals());
            return attempt.refusals() < 2 ? Duration.ofSeconds(3 - attempt.refusals()) : Duration.ZERO;
        };
        RecordingSleeper sleeper = new RecordingSleeper();
        try (ClientCore core = client(limiter, sleeper)) {
            assertEquals(OK, mode.call(core));
        }
        assertEquals(List.of(0, 1, 2), refusals);
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(2)), sleeper.delays());
        assertEquals(mode == Mode.ASYNC ? 2 : 0, sleeper.asyncWaits(), "asynchronous calls wait asynchronously");
        assertEquals(1, server.getRequestCount(), "waiting is not an attempt");
    }

    // ---- what the limiter is told -------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyResponseIsReportedWithItsRateLimitHeadersAndWhenItsAttemptWasSent(Mode mode) {
        server.enqueue(status(429).setHeader("x-ratelimit-limit", "10").setHeader("x-ratelimit-remaining", "0")
                .setHeader("Retry-After", "2"));
        server.enqueue(status(503));
        server.enqueue(ok().setHeader("x-ratelimit-limit", "10").setHeader("x-ratelimit-remaining", "9"));
        List<String> told = new CopyOnWriteArrayList<>();
        RateLimiter limiter = new RateLimiter() {
            @Override
            public Duration tryAcquire(Attempt attempt) {
                return Duration.ZERO;
            }

            @Override
            public void onResponse(Response response) {
                told.add(response.operation() + " " + response.statusCode() + " "
                        + response.rateLimit().map(RateLimit::toString).orElse("-") + " sent at "
                        + response.sentAt().map(Instant::toString).orElse("?"));
            }
        };
        // the sleeper moves the clock: each attempt is sent at a later instant
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (ClientCore core = client(limiter, sleeper)) {
            assertEquals(OK, mode.call(core));
        }
        Duration secondWait = sleeper.delays().get(1);
        assertEquals(Duration.ofSeconds(2), sleeper.delays().get(0), "the 429's Retry-After was honoured");
        assertEquals(List.of(
                "test.events.send 429 RateLimit{limit=10, remaining=0, retryAfter=PT2S} sent at " + MutableClock.START,
                "test.events.send 503 - sent at " + MutableClock.START.plusSeconds(2),
                "test.events.send 200 RateLimit{limit=10, remaining=9, retryAfter=null} sent at "
                        + MutableClock.START.plusSeconds(2).plus(secondWait)), told);
    }

    @Test
    void theBuiltInReactiveLimiterIsWhatWaitWhenRateLimitedInstallsAndAGivenLimiterReplacesIt() {
        server.enqueue(ok().setHeader("x-ratelimit-remaining", "0").setHeader("Retry-After", "7"));
        server.enqueue(ok());
        RecordingSleeper sleeper = new RecordingSleeper(clock); // the wait moves the clock, as time would pass
        try (ClientCore core = new TestBuilder().baseUrl(server.url("/").toString()).waitWhenRateLimited(true)
                .sleeper(sleeper).clock(clock).logLevel(LogLevel.OFF).build()) {
            Mode.SYNC.call(core);
            Mode.SYNC.call(core);
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.delays());

        server.enqueue(ok().setHeader("x-ratelimit-remaining", "0").setHeader("Retry-After", "7"));
        server.enqueue(ok());
        List<Integer> asked = new CopyOnWriteArrayList<>();
        RecordingSleeper second = new RecordingSleeper();
        try (ClientCore core = new TestBuilder().baseUrl(server.url("/").toString()).waitWhenRateLimited(true)
                .rateLimiter(attempt -> {
                    asked.add(attempt.number());
                    return Duration.ZERO;
                }).sleeper(second).clock(clock).logLevel(LogLevel.OFF).build()) {
            Mode.SYNC.call(core);
            Mode.SYNC.call(core);
        }
        assertEquals(List.of(1, 1), asked);
        assertEquals(List.of(), second.delays(), "the given limiter replaced the reactive one");
    }

    // ---- asynchronous waits block no thread ---------------------------------------------------

    @Test
    void anAsynchronousCallWaitsForItsPermitOnTheSleepersAsynchronousPathWithNoThreadParked() throws Exception {
        server.enqueue(ok());
        RateLimiter limiter = attempt -> attempt.refusals() == 0 ? Duration.ofSeconds(5) : Duration.ZERO;
        RecordingSleeper sleeper = RecordingSleeper.holding();
        try (ClientCore core = client(limiter, sleeper)) {
            CompletableFuture<String> call = core.runAsync(RateLimiterSpiTest::operation, RequestOptions.defaults());
            assertFalse(call.isDone());
            assertEquals(List.of(Duration.ofSeconds(5)), sleeper.delays());
            assertEquals(1, sleeper.asyncWaits(), "the wait is a pending future, not a sleeping thread");
            assertEquals(0, server.getRequestCount());
            assertEquals(List.of(), threadsParkedInTheTransport(), "no thread is parked for the waiting call");

            assertEquals(1, sleeper.runPending());
            assertEquals(OK, call.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anAsynchronousCallAsksALimiterWithRemoteStateThroughItsFutureAndNeverThroughTheBlockingMethod()
            throws Exception {
        server.enqueue(ok());
        CompletableFuture<Duration> answer = new CompletableFuture<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        RateLimiter remote = new RateLimiter() {
            @Override
            public Duration tryAcquire(Attempt attempt) {
                throw new AssertionError("an asynchronous call must not ask the blocking way");
            }

            @Override
            public CompletionStage<Duration> tryAcquireAsync(Attempt attempt) {
                threads.add(Thread.currentThread().getName());
                return answer;
            }
        };
        try (ClientCore core = client(remote, RecordingSleeper.holding())) {
            CompletableFuture<String> call = core.runAsync(RateLimiterSpiTest::operation, RequestOptions.defaults());
            assertFalse(call.isDone());
            assertEquals(List.of(Thread.currentThread().getName()), threads, "asked once, from the caller");
            assertEquals(0, server.getRequestCount(), "nothing is sent before the answer");
            assertEquals(List.of(), threadsParkedInTheTransport());

            answer.complete(Duration.ZERO); // the store answers, on "its" thread
            assertEquals(OK, call.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, server.getRequestCount());
    }

    // ---- cancellation while waiting -----------------------------------------------------------

    @Test
    void cancellingAnAsynchronousCallWhileItsPermitWaitIsPendingSendsNothing() throws Exception {
        server.enqueue(ok());
        RateLimiter limiter = attempt -> attempt.refusals() == 0 ? Duration.ofSeconds(5) : Duration.ZERO;
        RecordingSleeper sleeper = RecordingSleeper.holding();
        try (ClientCore core = client(limiter, sleeper)) {
            CompletableFuture<String> call = core.runAsync(RateLimiterSpiTest::operation, RequestOptions.defaults());
            assertEquals(1, sleeper.pending().size());
            assertTrue(call.cancel(true));
            assertTrue(sleeper.pending().get(0).isCancelled(), "the wait was cancelled with the call");
            assertEquals(0, sleeper.runPending(), "nothing left to resume");
            assertThrows(CancellationException.class, call::join);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void cancellingAnAsynchronousCallWhileTheLimiterHasNotAnsweredCancelsTheQuestionAndSendsNothing() {
        server.enqueue(ok());
        CompletableFuture<Duration> answer = new CompletableFuture<>();
        RateLimiter remote = new RateLimiter() {
            @Override
            public Duration tryAcquire(Attempt attempt) {
                throw new AssertionError("not asked the blocking way");
            }

            @Override
            public CompletionStage<Duration> tryAcquireAsync(Attempt attempt) {
                return answer;
            }
        };
        try (ClientCore core = client(remote, RecordingSleeper.holding())) {
            CompletableFuture<String> call = core.runAsync(RateLimiterSpiTest::operation, RequestOptions.defaults());
            assertTrue(call.cancel(true));
            assertTrue(answer.isCancelled(), "the pending question was cancelled");
            assertFalse(answer.complete(Duration.ZERO), "a late answer changes nothing");
        }
        assertEquals(0, server.getRequestCount());
    }

    // ---- waits are bounded ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void permitWaitsAddUpToAtMostMaxRetryAfterThenTheAttemptGoesAnyway(Mode mode) {
        server.enqueue(ok());
        List<Integer> asked = new CopyOnWriteArrayList<>();
        RateLimiter stingy = attempt -> {
            asked.add(attempt.refusals());
            return Duration.ofSeconds(40);
        };
        RecordingSleeper sleeper = new RecordingSleeper();
        try (ClientCore core = client(stingy, sleeper, b -> b.maxRetryAfter(Duration.ofSeconds(60)))) {
            assertEquals(OK, mode.call(core));
        }
        assertEquals(List.of(Duration.ofSeconds(40), Duration.ofSeconds(20)), sleeper.delays());
        assertEquals(List.of(0, 1, 2), asked);
        assertEquals(1, server.getRequestCount(), "sent without a permit: the server has the last word");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void permitWaitsAreBoundedByTheCallsTimeout(Mode mode) {
        server.enqueue(ok());
        server.enqueue(ok());
        RateLimiter stingy = attempt -> Duration.ofSeconds(40);
        RecordingSleeper sleeper = new RecordingSleeper();
        try (ClientCore core = client(stingy, sleeper, b -> b.timeout(Duration.ofSeconds(15)))) {
            assertEquals(OK, mode.call(core));
            assertEquals(List.of(Duration.ofSeconds(15)), sleeper.delays(), "the client's timeout");
            assertEquals(OK, mode.call(core, RequestOptions.builder().timeout(Duration.ofSeconds(4)).build()));
            assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(4)), sleeper.delays(),
                    "the call's own timeout");
        }
        assertEquals(2, server.getRequestCount());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachRetryGetsItsOwnPermitWaitBudget(Mode mode) {
        server.enqueue(status(503));
        server.enqueue(ok());
        RateLimiter slow = attempt -> attempt.refusals() == 0 ? Duration.ofSeconds(50) : Duration.ZERO;
        RecordingSleeper sleeper = new RecordingSleeper();
        try (ClientCore core = client(slow, sleeper, b -> b.maxRetryAfter(Duration.ofSeconds(60)))) {
            assertEquals(OK, mode.call(core));
        }
        List<Duration> d = sleeper.delays();
        assertEquals(3, d.size(), "permit wait, retry backoff, permit wait: " + d);
        assertEquals(Duration.ofSeconds(50), d.get(0));
        assertEquals(Duration.ofSeconds(50), d.get(2));
        assertEquals(2, server.getRequestCount());
    }

    // ---- a failing limiter --------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aLimiterThatThrowsFailsTheCallBeforeTheRequestIsSent(Mode mode) {
        server.enqueue(ok());
        IllegalStateException broken = new IllegalStateException("store unreachable");
        RateLimiter limiter = attempt -> {
            throw broken;
        };
        try (ClientCore core = client(limiter, new RecordingSleeper())) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> mode.call(core));
            assertSame(broken, e.getCause());
            assertTrue(e.getMessage().contains("The rate limiter failed before the first attempt"
                    + " (IllegalStateException: store unreachable); the request was not sent"), e.getMessage());
            assertFalse(e.outcomeUnknown());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aLimiterWhoseFutureFailsFailsTheAsynchronousCallBeforeTheRequestIsSent() {
        server.enqueue(ok());
        IllegalStateException broken = new IllegalStateException("store unreachable");
        RateLimiter remote = new RateLimiter() {
            @Override
            public Duration tryAcquire(Attempt attempt) {
                throw new AssertionError("not asked the blocking way");
            }

            @Override
            public CompletionStage<Duration> tryAcquireAsync(Attempt attempt) {
                return CompletableFuture.supplyAsync(() -> {
                    throw broken;
                });
            }
        };
        try (ClientCore core = client(remote, new RecordingSleeper())) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> core.runAsync(RateLimiterSpiTest::operation, RequestOptions.defaults()).join());
            ConnectionException c = assertInstanceOf(ConnectionException.class, e.getCause());
            assertSame(broken, c.getCause(), "unwrapped from the CompletionException");
        }
        assertEquals(0, server.getRequestCount());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aLimiterThatThrowsBeforeARetryEndsTheCallWithoutSendingTheRetry(Mode mode) {
        server.enqueue(status(503));
        server.enqueue(ok());
        RateLimiter limiter = attempt -> {
            if (attempt.number() > 1) {
                throw new IllegalStateException("store unreachable");
            }
            return Duration.ZERO;
        };
        try (ClientCore core = client(limiter, new RecordingSleeper())) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> mode.call(core));
            assertTrue(e.getMessage().contains("before attempt 2"), e.getMessage());
            assertTrue(e.outcomeUnknown(), "the first attempt reached the server");
        }
        assertEquals(1, server.getRequestCount());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aLimiterThatThrowsWhenToldAResponseChangesNothing(Mode mode) {
        server.enqueue(ok());
        server.enqueue(ok());
        RateLimiter limiter = new RateLimiter() {
            @Override
            public Duration tryAcquire(Attempt attempt) {
                return Duration.ZERO;
            }

            @Override
            public void onResponse(Response response) {
                throw new IllegalStateException("cannot record");
            }
        };
        try (ClientCore core = client(limiter, new RecordingSleeper())) {
            assertEquals(OK, mode.call(core));
            assertEquals(OK, mode.call(core));
        }
        assertEquals(2, server.getRequestCount());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Threads now waiting inside the transport's drivers: a blocking wait would show up here. */
    private static List<String> threadsParkedInTheTransport() {
        List<String> parked = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            Thread.State state = t.getKey().getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
                continue;
            }
            for (StackTraceElement frame : t.getValue()) {
                if (frame.getClassName().startsWith("io.github.chatsdk.core.internal.transport.")
                        || frame.getClassName().startsWith(RateLimiterSpiTest.class.getName())) {
                    parked.add(t.getKey().getName() + " in " + frame);
                    break;
                }
            }
        }
        return parked;
    }

    /** A minimal client builder over sdk-core, as each API's client builder is. */
    static final class TestBuilder extends BaseClientBuilder<TestBuilder> {
        TestBuilder() {
            super("https://api.example.invalid");
        }

        @Override
        protected void applyEnv(Function<String, String> env) {
        }

        ClientCore build() {
            return ClientCore.create(options(), new ApiProfile("test", List.of("x-api-key"),
                    AuthHeader.plain("x-api-key", () -> "test-key"), Duration.ofSeconds(60)));
        }
    }
}
