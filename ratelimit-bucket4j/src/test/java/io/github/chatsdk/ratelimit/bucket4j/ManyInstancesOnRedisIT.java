package io.github.chatsdk.ratelimit.bucket4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.SandboxRequest;
import io.github.chatsdk.testsupport.LogCapture;
import io.github.chatsdk.testsupport.SpecValidator;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four instances of an application, each with its own {@link BrekClient}, Lettuce connection and
 * {@link Bucket4jRateLimiter}, on one partner key that the sandbox limits to {@value #LIMIT}
 * requests per one-second window, share one bucket in a real {@code redis-server}. Asserted from
 * the sandbox's side: no 429, every event recorded once, each full window used to within 10 % of
 * the limit; and with Redis stopped mid-run, the calls go on and the log says why.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ManyInstancesOnRedisIT {
    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofSeconds(1);
    static final int INSTANCES = 4;
    static final String KEY = "brek:acme";

    private RedisServer redis;
    private BrekSandbox sandbox;
    private final List<Instance> instances = new ArrayList<>();
    private final LogCapture log = LogCapture.start();

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        sandbox = BrekSandbox.builder().partner("acme-live-key", "acme").rateLimit(LIMIT, WINDOW).start();
    }

    @AfterEach
    void stop() {
        try {
            instances.forEach(Instance::close);
            sandbox.close();
        } finally {
            redis.close();
            log.close();
        }
    }

    /** One instance of the application: its own Redis connection, bucket proxy, limiter and client. */
    final class Instance implements AutoCloseable {
        final int number;
        final boolean async;
        final ClientResources resources;
        final RedisClient redisClient;
        final StatefulRedisConnection<byte[], byte[]> connection;
        final Bucket4jRateLimiter limiter;
        final BrekClient brek;

        Instance(int number, boolean async, boolean failClosed) {
            this(number, async, failClosed, true);
        }

        /** With {@code shared} false, the client has no limiter: the default settings. */
        Instance(int number, boolean async, boolean failClosed, boolean shared) {
            this.number = number;
            this.async = async;
            // what docs/many-instances.md recommends: fail fast while Redis is away, reconnect soon
            resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(100))).build();
            redisClient = RedisClient.create(resources, RedisURI.builder().withHost("127.0.0.1").withPort(redis.port())
                    .withTimeout(Duration.ofSeconds(1)).build());
            redisClient.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            connection = redisClient.connect(ByteArrayCodec.INSTANCE);
            ProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
            limiter = Bucket4jRateLimiter.builder(buckets, KEY.getBytes(StandardCharsets.UTF_8))
                    .limit(LIMIT, WINDOW)
                    .failClosed(failClosed)
                    .retryStoreAfter(Duration.ofMillis(300))
                    .build();
            BrekClient.Builder b = BrekClient.builder().apiKey("acme-live-key").baseUrl(sandbox.baseUrl());
            // the baseline: the default client (no limiter; 429s are retried after their Retry-After),
            // with retries enough that every event gets through
            brek = (shared ? b.rateLimiter(limiter) : b.maxRetries(5)).build();
            instances.add(this);
        }

        /** Creates a session and sends {@code events} text events one after the other. */
        List<String> run(int events, IntConsumer afterEach) {
            String actor = "partner_user_" + number;
            String sessionId = async ? brek.async().sessions().create(CreateSession.forActor(actor)).join().sessionId()
                    : brek.sessions().create(CreateSession.forActor(actor)).sessionId();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String text = "Lisbon 2 nights (instance " + number + ", event " + i + ")";
                if (async) {
                    brek.async().events().sendText(sessionId, actor, text).join();
                } else {
                    brek.events().sendText(sessionId, actor, text);
                }
                sent.add(text);
                afterEach.accept(i);
            }
            return sent;
        }

        @Override
        public void close() {
            brek.close();
            connection.close();
            redisClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Runs every instance on its own thread, all starting together; returns every event text sent. */
    private List<String> runAll(int eventsPerInstance, IntConsumer afterEachEvent) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (Instance instance : List.copyOf(instances)) {
                results.add(threads.submit(() -> {
                    go.await();
                    return instance.run(eventsPerInstance, afterEachEvent);
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> r : results) {
                all.addAll(r.get(100, TimeUnit.SECONDS)); // a failed call fails the test here
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void fourInstancesOnOneKeySendMoreThanTheLimitWithoutOne429AndKeepToTheLimitsRate() throws Exception {
        for (int i = 0; i < INSTANCES; i++) {
            new Instance(i, i % 2 == 1, false); // two block while they wait, two wait asynchronously
        }
        int events = 30;
        long started = System.nanoTime();
        List<String> sent = runAll(events, i -> { });
        double seconds = (System.nanoTime() - started) / 1e9;

        List<SandboxRequest> log = sandbox.requests();
        assertSpecConformant(log);
        assertEquals(0, count(log, 429), "the sandbox refused nothing");
        assertEveryEventRecordedOnce(sent, log);
        assertEquals(INSTANCES * (events + 1), log.size(), "one request per call: no retries were needed");

        TreeMap<Long, Integer> perWindow = perWindow(log);
        List<Integer> full = fullWindows(perWindow);
        System.out.printf("[many-instances] %d instances, %d requests (limit %d per %s) in %.1f s; per window: %s%n",
                INSTANCES, log.size(), LIMIT, WINDOW, seconds, perWindow.values());
        assertTrue(full.size() >= 3, "the run spans several full windows: " + perWindow.values());
        for (int n : full) {
            assertTrue(n >= LIMIT * 0.9 && n <= LIMIT, "every full window carried within 10 % of the limit: "
                    + perWindow.values());
        }
        assertStoredInRedis();
    }

    @Test
    void withoutTheSharedBucketTheSameRunIsRefusedOverAndOverTheBaseline() throws Exception {
        for (int i = 0; i < INSTANCES; i++) {
            new Instance(i, i % 2 == 1, false, false); // each client only retries what it is refused
        }
        List<String> sent = runAll(30, i -> { });
        List<SandboxRequest> log = sandbox.requests();
        assertSpecConformant(log);
        assertEveryEventRecordedOnce(sent, log); // the retries saved every event...
        long refused = count(log, 429);
        System.out.printf("[many-instances] baseline without the shared bucket (default client, maxRetries 5): %d HTTP 429"
                + " in %d requests; per window: %s%n", refused, log.size(), perWindow(log).values());
        assertTrue(refused > 0, "...at the price of 429s: " + refused); // what the shared bucket avoids
    }

    @Test
    void withRedisStoppedMidRunTheCallsGoOnFailingOpenAndTheLogSaysWhyAndWhenItIsBack() throws Exception {
        for (int i = 0; i < INSTANCES; i++) {
            new Instance(i, i % 2 == 1, false);
        }
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Instant> stoppedAt = new AtomicReference<>();
        AtomicReference<Instant> restartedAt = new AtomicReference<>();
        int events = 40;
        List<String> sent = runAll(events, i -> {
            int n = done.incrementAndGet();
            if (n == 40) {
                redis.stop();
                stoppedAt.set(Instant.now());
            } else if (n == 100) {
                redis.restart();
                restartedAt.set(Instant.now());
            }
        });

        List<SandboxRequest> log = sandbox.requests();
        assertSpecConformant(log);
        assertEveryEventRecordedOnce(sent, log);
        long duringOutage = log.stream().filter(r -> r.receivedAt().isAfter(stoppedAt.get())
                && r.receivedAt().isBefore(restartedAt.get())).count();
        assertTrue(duringOutage >= 50, "the calls went on while Redis was down: " + duringOutage + " requests");

        List<String> lines = this.log.lines();
        List<String> outage = lines.stream().filter(l -> l.startsWith("WARNING ") && l.contains("is unreachable ("))
                .collect(Collectors.toList());
        List<String> back = lines.stream().filter(l -> l.startsWith("INFO ") && l.contains("answers again after"))
                .collect(Collectors.toList());
        System.out.printf("[many-instances] outage: %d requests while Redis was down, %d HTTP 429 in the run, per"
                + " window: %s%n  %s%n  %s%n", duringOutage, count(log, 429), perWindow(log).values(),
                outage.isEmpty() ? "-" : outage.get(0), back.isEmpty() ? "-" : back.get(0));
        assertEquals(INSTANCES, outage.size(), "one line per instance for the outage: " + lines);
        for (String line : outage) {
            // the error depends on the moment: a reset connection, a rejected command, a timeout
            assertTrue(line.matches(".*the rate-limit store of bucket '" + KEY + "' is unreachable \\("
                    + "(\\w+(Exception|Error)(: [^)]+)?|no answer within [^)]+)\\); .*"),
                    "names the store's error: " + line);
            assertTrue(line.contains("failing open: attempts are sent without a shared permit"), line);
        }
        assertEquals(INSTANCES, back.size(), "one line per instance when Redis is back: " + lines);
        assertTrue(back.stream().allMatch(l -> l.contains("went without a shared permit meanwhile")), back.toString());
        assertStoredInRedis();
    }

    @Test
    void failingClosedWithRedisStoppedFailsTheCallBeforeItIsSent() {
        Instance instance = new Instance(0, false, true);
        String sessionId = instance.brek.sessions().create(CreateSession.forActor("partner_user_0")).sessionId();
        instance.brek.events().sendText(sessionId, "partner_user_0", "Lisbon 2 nights");
        int before = sandbox.requests().size();

        redis.stop();
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> instance.brek.events().sendText(sessionId, "partner_user_0", "Lisbon 3 nights"));
        StoreUnavailableException cause = assertInstanceOf(StoreUnavailableException.class, e.getCause());
        assertTrue(e.getMessage().contains("the request was not sent"), e.getMessage());
        assertNotNull(cause.getCause(), "the store's own error");
        CompletionException async = assertThrows(CompletionException.class, () -> instance.brek.async().events()
                .sendText(sessionId, "partner_user_0", "Lisbon 4 nights").join());
        assertInstanceOf(StoreUnavailableException.class, assertInstanceOf(ConnectionException.class,
                async.getCause()).getCause(), "the asynchronous call fails the same way");
        assertEquals(before, sandbox.requests().size(), "nothing reached the sandbox");
        assertTrue(log.text().contains("failing closed: calls fail before they are sent"), log.text());
    }

    // ---- assertions from the other side -----------------------------------------------------------

    private static long count(List<SandboxRequest> log, int status) {
        return log.stream().filter(r -> r.responseStatus() == status).count();
    }

    private void assertEveryEventRecordedOnce(List<String> sent, List<SandboxRequest> log) {
        Map<String, Long> accepted = log.stream()
                .filter(r -> r.path().endsWith("/events") && r.responseStatus() == 200 && !r.replayed())
                .collect(Collectors.groupingBy(r -> r.jsonString("text").orElse("?"), Collectors.counting()));
        assertEquals(sent.size(), accepted.size(), "every event accepted");
        for (String text : sent) {
            assertEquals(1L, accepted.getOrDefault(text, 0L), "recorded once: " + text);
        }
        assertEquals(sent.size(), sandbox.recordedEventCount());
    }

    /** Requests per sandbox window (whole multiples of the window since the epoch, as the sandbox counts). */
    private static TreeMap<Long, Integer> perWindow(List<SandboxRequest> log) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        long w = WINDOW.toMillis();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (SandboxRequest r : log) {
            long window = Math.floorDiv(r.receivedAt().toEpochMilli(), w);
            counts.merge(window, 1, Integer::sum);
            first = Math.min(first, window);
            last = Math.max(last, window);
        }
        for (long i = first; i <= last; i++) {
            counts.putIfAbsent(i, 0); // a window without requests is a stall: it must show
        }
        return counts;
    }

    /** The windows between the first (the bucket is created inside it) and the last (the remainder). */
    private static List<Integer> fullWindows(TreeMap<Long, Integer> perWindow) {
        List<Integer> all = new ArrayList<>(perWindow.values());
        return all.size() <= 2 ? List.of() : all.subList(1, all.size() - 1);
    }

    /** The bucket is really in Redis: a key of its own, that Redis reports. */
    private void assertStoredInRedis() {
        RedisClient c = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<byte[], byte[]> conn = c.connect(ByteArrayCodec.INSTANCE)) {
            assertEquals(1L, conn.sync().exists(KEY.getBytes(StandardCharsets.UTF_8)), "the bucket's key in Redis");
            Long ttl = conn.sync().pttl(KEY.getBytes(StandardCharsets.UTF_8));
            // expirationAfterWrite: the time to refill to full (at most a window) plus 10 s
            assertTrue(ttl > 0 && ttl <= 11_000, "it expires once full and unused: " + ttl + " ms");
        } finally {
            c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void assertSpecConformant(List<SandboxRequest> log) {
        SpecValidator brek = SpecValidator.brek();
        for (SandboxRequest r : log) {
            String line = r.method() + " " + r.path() + r.query().map(q -> "?" + q).orElse("") + " HTTP/1.1";
            Headers.Builder headers = new Headers.Builder();
            r.headers().forEach((name, values) -> values.forEach(v -> headers.addUnsafeNonAscii(name, v)));
            Buffer body = new Buffer().writeUtf8(r.body());
            brek.assertValidRequest(new RecordedRequest(line, headers.build(), List.of(), body.size(), body,
                    r.sequence(), new Socket()));
        }
    }
}
