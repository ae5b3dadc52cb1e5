package io.github.chatsdk.ratelimit.bucket4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.BucketConfiguration;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.RateLimiter;
import io.github.chatsdk.testsupport.LogCapture;
import io.github.chatsdk.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Bucket4jRateLimiter} over Bucket4j's own compare-and-swap proxy manager on an in-memory
 * store and the test's clock: the budget, what the server's answers change, and what an
 * unreachable store does. The real store (Redis) is {@link ManyInstancesOnRedisIT}'s.
 */
class Bucket4jRateLimiterTest {
    /** At the start of a one-second window. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-05T10:00:00Z"));
    private final LogCapture log = LogCapture.start();

    @AfterEach
    void stopCapture() {
        log.close();
    }

    /** How the limiter is asked: blocking, or through its future; and by which kind of store. */
    enum Mode {
        SYNC_ON_ASYNC_STORE(true) {
            @Override
            Duration ask(RateLimiter limiter) {
                return limiter.tryAcquire(ATTEMPT);
            }
        },
        ASYNC_ON_ASYNC_STORE(true) {
            @Override
            Duration ask(RateLimiter limiter) {
                return join(limiter.tryAcquireAsync(ATTEMPT).toCompletableFuture());
            }
        },
        SYNC_ON_BLOCKING_STORE(false) {
            @Override
            Duration ask(RateLimiter limiter) {
                return limiter.tryAcquire(ATTEMPT);
            }
        },
        ASYNC_ON_BLOCKING_STORE(false) {
            @Override
            Duration ask(RateLimiter limiter) {
                CompletableFuture<Duration> f = limiter.tryAcquireAsync(ATTEMPT).toCompletableFuture();
                assertTrue(f.isDone(), "a store without an asynchronous API answers on the calling thread");
                return join(f);
            }
        };

        final boolean asyncStore;

        Mode(boolean asyncStore) {
            this.asyncStore = asyncStore;
        }

        abstract Duration ask(RateLimiter limiter);

        InMemoryStore store(MutableClock clock) {
            return asyncStore ? InMemoryStore.async(clock) : InMemoryStore.blocking(clock);
        }

        private static Duration join(CompletableFuture<Duration> f) {
            try {
                return f.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    static final RateLimiter.Attempt ATTEMPT = new RateLimiter.Attempt() {
        @Override
        public String operation() {
            return "brek.events.send";
        }

        @Override
        public int number() {
            return 1;
        }

        @Override
        public int refusals() {
            return 0;
        }
    };

    static RateLimiter.Response response(int status, RateLimit rateLimit, Instant sentAt) {
        return new RateLimiter.Response() {
            @Override
            public String operation() {
                return "brek.events.send";
            }

            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public Optional<RateLimit> rateLimit() {
                return Optional.ofNullable(rateLimit);
            }

            @Override
            public Optional<Instant> sentAt() {
                return Optional.ofNullable(sentAt);
            }
        };
    }

    private Bucket4jRateLimiter.Builder<String> limiter(InMemoryStore store, String key) {
        return Bucket4jRateLimiter.builder(store, key).limit(3, Duration.ofSeconds(1)).clock(clock);
    }

    private List<String> logLines() {
        return log.lines().stream().filter(l -> l.contains("rate-limit store") || l.contains("x-ratelimit-limit"))
                .collect(Collectors.toList());
    }

    // ---- the budget -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void grantsTheLimitInEachClockAlignedWindowThenAsksToWaitUntilTheNextWindowStarts(Mode mode) {
        RateLimiter limiter = limiter(mode.store(clock), "brek:acme").build();
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, mode.ask(limiter), "permit " + (i + 1));
        }
        assertEquals(Duration.ofSeconds(1), mode.ask(limiter), "until 10:00:01");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, mode.ask(limiter), "the whole budget again at the boundary");
        }
        assertEquals(Duration.ofSeconds(1), mode.ask(limiter));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBucketCreatedInsideAWindowStartsWithThatWindowsShareOfTheBudget(Mode mode) {
        clock.advance(Duration.ofMillis(250)); // the server may have counted requests in 10:00:00.000-.250
        RateLimiter limiter = limiter(mode.store(clock), "brek:acme").build();
        assertEquals(Duration.ZERO, mode.ask(limiter));
        assertEquals(Duration.ZERO, mode.ask(limiter));
        assertEquals(Duration.ofMillis(750), mode.ask(limiter), "3 x 750/1000 = 2 permits, then the next window");
        clock.advance(Duration.ofMillis(750));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, mode.ask(limiter), "the whole budget from the first boundary on");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void instancesOnOneStoreAndKeyShareOneBudgetAndAnotherKeyHasItsOwn(Mode mode) {
        InMemoryStore store = mode.store(clock);
        RateLimiter first = limiter(store, "brek:acme").build();
        RateLimiter second = limiter(store, "brek:acme").build();
        RateLimiter other = limiter(store, "brek:globex").build();
        assertEquals(Duration.ZERO, mode.ask(first));
        assertEquals(Duration.ZERO, mode.ask(second));
        assertEquals(Duration.ZERO, mode.ask(first));
        assertEquals(Duration.ofSeconds(1), mode.ask(second), "three taken between the two");
        assertEquals(Duration.ofSeconds(1), mode.ask(first));
        assertEquals(Duration.ZERO, mode.ask(other));
    }

    @Test
    void anAsynchronousQuestionIsAFutureTheStoreCompletesAndNoThreadWaitsForIt() {
        InMemoryStore store = InMemoryStore.async(clock);
        RateLimiter limiter = limiter(store, "brek:acme").build();
        store.holdAnswers(true);
        CompletableFuture<Duration> answer = limiter.tryAcquireAsync(ATTEMPT).toCompletableFuture();
        assertFalse(answer.isDone(), "the store has not answered");
        assertEquals(1, store.heldAnswers(), "the question is with the store");
        store.release();
        assertTrue(answer.isDone());
        assertEquals(Duration.ZERO, answer.join());
    }

    // ---- what the server says ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a429WithRetryAfterEmptiesTheSharedBucketAndHoldsThisInstanceUntilThen(Mode mode) {
        InMemoryStore store = mode.store(clock);
        RateLimiter refused = limiter(store, "brek:acme").build();
        RateLimiter other = limiter(store, "brek:acme").build();
        assertEquals(Duration.ZERO, mode.ask(refused));
        refused.onResponse(response(429, new RateLimit(3L, 0L, Duration.ofSeconds(2)), clock.instant()));

        int before = store.operations();
        assertEquals(Duration.ofSeconds(2), mode.ask(refused), "held for the Retry-After");
        assertEquals(before, store.operations(), "a held instance does not ask the store");
        assertEquals(Duration.ofSeconds(1), mode.ask(other), "the bucket was emptied for every instance");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void remainingZeroEmptiesTheSharedBucketUntilTheNextWindow(Mode mode) {
        InMemoryStore store = mode.store(clock);
        RateLimiter told = limiter(store, "brek:acme").build();
        RateLimiter other = limiter(store, "brek:acme").build();
        assertEquals(Duration.ZERO, mode.ask(told));
        // another client of the same key (not using the bucket) used the rest of the window
        told.onResponse(response(200, new RateLimit(3L, 0L, null), clock.instant()));
        assertEquals(Duration.ofSeconds(1), mode.ask(other));
        assertEquals(Duration.ofSeconds(1), mode.ask(told), "no hold without Retry-After: the bucket decides");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, mode.ask(other));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aReportAboutAWindowThatHasEndedLeavesTheNewWindowsBudgetAlone(Mode mode) {
        InMemoryStore store = mode.store(clock);
        RateLimiter limiter = limiter(store, "brek:acme").build();
        Instant sent = clock.instant();
        assertEquals(Duration.ZERO, mode.ask(limiter));
        clock.advance(Duration.ofMillis(1100)); // the answer comes in the next window
        limiter.onResponse(response(200, new RateLimit(3L, 0L, null), sent));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, mode.ask(limiter), "the new window's budget is untouched");
        }
    }

    @Test
    void withAConfigurationOfItsOwnEveryExhaustedReportEmptiesTheBucket() {
        InMemoryStore store = InMemoryStore.async(clock);
        BucketConfiguration greedy = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(3).refillGreedy(3, Duration.ofSeconds(1))).build();
        RateLimiter limiter = Bucket4jRateLimiter.builder(store, "brek:acme").configuration(greedy).clock(clock)
                .build();
        Instant sent = clock.instant();
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));
        clock.advance(Duration.ofMillis(800));
        limiter.onResponse(response(200, new RateLimit(3L, 0L, null), sent));
        Duration wait = limiter.tryAcquire(ATTEMPT);
        assertTrue(wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofMillis(334)) <= 0,
                "one greedy token's refill time: " + wait);
    }

    @Test
    void aServerLimitBelowTheBucketsCapacityIsLoggedOnce() {
        RateLimiter limiter = limiter(InMemoryStore.async(clock), "brek:acme").build();
        limiter.onResponse(response(200, new RateLimit(2L, 1L, null), clock.instant()));
        limiter.onResponse(response(200, new RateLimit(2L, 0L, null), clock.instant()));
        limiter.onResponse(response(200, new RateLimit(3L, 2L, null), clock.instant()));
        assertEquals(List.of("WARNING chatsdk: the server allows 2 requests (x-ratelimit-limit) but the bucket"
                + " 'brek:acme' holds up to 3: size the bucket with the server's limit (logged once)"), logLines());
    }

    @Test
    void responsesWithoutRateLimitHeadersChangeNothing() {
        InMemoryStore store = InMemoryStore.async(clock);
        RateLimiter limiter = limiter(store, "brek:acme").build();
        int before = store.operations();
        limiter.onResponse(response(200, null, clock.instant()));
        limiter.onResponse(response(503, null, clock.instant()));
        limiter.onResponse(response(200, new RateLimit(3L, 2L, null), clock.instant()));
        assertEquals(before, store.operations(), "no store operation");
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));
    }

    // ---- an unreachable store -----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void failingOpenSendsWithoutAPermitLogsTheOutageOnceAndItsEndOnce(Mode mode) {
        InMemoryStore store = mode.store(clock);
        RateLimiter limiter = limiter(store, "brek:acme").build();
        assertEquals(Duration.ZERO, mode.ask(limiter));
        store.failWith(new IllegalStateException("Connection refused: localhost/127.0.0.1:6379"));

        assertEquals(Duration.ZERO, mode.ask(limiter), "fail open");
        assertEquals(List.of("WARNING chatsdk: the rate-limit store of bucket 'brek:acme' is unreachable"
                + " (IllegalStateException: Connection refused: localhost/127.0.0.1:6379); failing open: attempts"
                + " are sent without a shared permit until it answers again (tried again every 5 s)"), logLines());

        int asked = store.operations();
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, mode.ask(limiter));
        }
        assertEquals(asked, store.operations(), "not asked again before the retry interval");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, mode.ask(limiter), "tried, still down");
        assertEquals(asked + 1, store.operations());
        store.failWith(null);
        assertEquals(Duration.ZERO, mode.ask(limiter), "healed, but not tried before the interval");
        assertEquals(asked + 1, store.operations());
        assertEquals(1, logLines().size(), "no line per attempt");

        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, mode.ask(limiter), "a permit from the store again");
        assertEquals(List.of("INFO chatsdk: the rate-limit store of bucket 'brek:acme' answers again after 10 s"
                + " unreachable; 8 attempts went without a shared permit meanwhile"), logLines().subList(1, 2));
        assertEquals(Duration.ZERO, mode.ask(limiter));
        assertEquals(Duration.ZERO, mode.ask(limiter));
        assertEquals(Duration.ofSeconds(1), mode.ask(limiter), "the store's budget counts again: 3 a window");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void failingClosedFailsTheAttemptWithTheStoresErrorAndDuringTheOutageWithoutAskingIt(Mode mode) {
        InMemoryStore store = mode.store(clock);
        RateLimiter limiter = limiter(store, "brek:acme").failClosed(true).build();
        IllegalStateException down = new IllegalStateException("Connection refused");
        store.failWith(down);

        StoreUnavailableException first = assertThrows(StoreUnavailableException.class, () -> mode.ask(limiter));
        assertSame(down, first.getCause());
        assertEquals("The rate-limit store of bucket 'brek:acme' did not answer (IllegalStateException: Connection"
                + " refused); failing closed: the call was not sent", first.getMessage());
        int asked = store.operations();
        StoreUnavailableException during = assertThrows(StoreUnavailableException.class, () -> mode.ask(limiter));
        assertNull(during.getCause(), "the store was not asked");
        assertTrue(during.getMessage().contains("has been unreachable since 2026-11-05T10:00:00Z"),
                during.getMessage());
        assertEquals(asked, store.operations());
        assertTrue(logLines().get(0).contains("failing closed: calls fail before they are sent"), logLines().get(0));

        store.failWith(null);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, mode.ask(limiter));
        assertTrue(logLines().get(1).endsWith("2 attempts failed meanwhile"), logLines().get(1));
    }

    @Test
    void aStoreThatDoesNotAnswerWithinTheStoreTimeoutIsUnreachable() {
        InMemoryStore store = InMemoryStore.async(clock);
        RateLimiter limiter = limiter(store, "brek:acme").storeTimeout(Duration.ofMillis(50)).build();
        store.silent(true);
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT), "failed open after the timeout");
        assertEquals(List.of("WARNING chatsdk: the rate-limit store of bucket 'brek:acme' is unreachable"
                + " (no answer within 50 ms); failing open: attempts are sent without a shared permit until it"
                + " answers again (tried again every 5 s)"), logLines());
        CompletableFuture<Duration> async = limiter.tryAcquireAsync(ATTEMPT).toCompletableFuture();
        assertTrue(async.isDone(), "during the outage, answered without the store");
    }

    @Test
    void aFailClosedAsynchronousQuestionFailsItsFuture() {
        InMemoryStore store = InMemoryStore.async(clock);
        RateLimiter limiter = limiter(store, "brek:acme").failClosed(true).build();
        store.failWith(new IllegalStateException("Connection refused"));
        CompletionException e = assertThrows(CompletionException.class,
                () -> limiter.tryAcquireAsync(ATTEMPT).toCompletableFuture().join());
        assertInstanceOf(StoreUnavailableException.class, e.getCause());
    }

    @Test
    void aDrainThatFailsStartsTheOutageWithoutFailingTheResponse() {
        InMemoryStore store = InMemoryStore.async(clock);
        RateLimiter limiter = limiter(store, "brek:acme").build();
        assertEquals(Duration.ZERO, limiter.tryAcquire(ATTEMPT));
        store.failWith(new IllegalStateException("Connection reset"));
        limiter.onResponse(response(429, new RateLimit(3L, 0L, null), clock.instant()));
        assertEquals(1, logLines().size());
        assertTrue(logLines().get(0).contains("(IllegalStateException: Connection reset)"), logLines().get(0));
    }

    // ---- configuration ----------------------------------------------------------------------------

    @Test
    void theBuilderWantsASizeAndSaneDurations() {
        InMemoryStore store = InMemoryStore.async(clock);
        assertThrows(IllegalStateException.class, () -> Bucket4jRateLimiter.builder(store, "k").build());
        assertThrows(IllegalArgumentException.class,
                () -> Bucket4jRateLimiter.builder(store, "k").limit(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Bucket4jRateLimiter.builder(store, "k").limit(1, Duration.ofNanos(1500)));
        assertThrows(IllegalArgumentException.class,
                () -> Bucket4jRateLimiter.builder(store, "k").storeTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> Bucket4jRateLimiter.builder(store, "k").retryStoreAfter(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> Bucket4jRateLimiter.builder(store, null));
    }

    @Test
    void itDescribesItselfWithoutTheStoresInternals() {
        io.github.bucket4j.distributed.proxy.ProxyManager<byte[]> bytes = InMemoryStore.async(clock)
                .withMapper((byte[] key) -> new String(key, java.nio.charset.StandardCharsets.UTF_8));
        RateLimiter limiter = Bucket4jRateLimiter.builder(bytes,
                "brek:acme".getBytes(java.nio.charset.StandardCharsets.UTF_8)).limit(120, Duration.ofMinutes(1))
                .build();
        // a byte[] key (Lettuce's) is shown as text
        assertEquals("Bucket4jRateLimiter{bucket='brek:acme', 120 per PT1M, fail-open, storeTimeout=PT1S}",
                limiter.toString());
    }
}
