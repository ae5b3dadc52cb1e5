package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    BrekSandbox brek;
    Http http;
    ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeEach
    void start() {
        brek = BrekSandbox.builder().rateLimitPerMinute(10_000).start();
        http = new Http(brek.baseUrl(), SpecChecks.BREK, true);
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        try {
            SpecChecks.assertLogConforms(SpecChecks.BREK, true, brek.requests());
        } finally {
            brek.close();
        }
    }

    String newSession() {
        return http.post(BrekSandboxTest.SESSIONS, "{\"actor\":{\"actorId\":\"a\"}}", "x-partner-api-key", brek.apiKey())
                .data().get("sessionId").getAsString();
    }

    <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void parallelSessionsAndEventsAreAllServedAndCounted() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(() -> {
                String s = newSession();
                for (int j = 0; j < 3; j++) {
                    Http.Res r = http.post(BrekSandboxTest.EVENTS, "{\"sessionId\":\"" + s + "\",\"text\":\"Lisbon\"}",
                            "x-partner-api-key", brek.apiKey());
                    assertEquals(200, r.status, r.body);
                }
                return s;
            });
        }
        Set<String> sessions = new HashSet<>(runAll(tasks));
        assertEquals(40, sessions.size(), "session ids are unique");
        assertEquals(120, brek.recordedEventCount());
        assertEquals(160, brek.requests().size());
        Set<Integer> sequences = new HashSet<>();
        brek.requests().forEach(r -> sequences.add(r.sequence()));
        assertEquals(160, sequences.size());
        Set<String> eventIds = new HashSet<>();
        brek.requests().stream().filter(r -> r.path().endsWith("/events"))
                .forEach(r -> eventIds.add(r.responseBody().replaceAll(".*\"id\":\"(evt_\\d+)\".*", "$1")));
        assertEquals(120, eventIds.size(), "event ids are unique");
    }

    @Test
    void concurrentRequestsWithOneKeyRecordOneEvent() throws Exception {
        String s = newSession();
        String inn = BrekSandboxTest.optionNamed(http.post(BrekSandboxTest.EVENTS,
                "{\"sessionId\":\"" + s + "\",\"text\":\"Seattle\"}", "x-partner-api-key", brek.apiKey()),
                "Inn at the Market");
        String body = "{\"sessionId\":\"" + s + "\",\"kind\":\"action_book_option\",\"payload\":{\"optionId\":\"" + inn
                + "\"},\"idempotencyKey\":\"same-key\"}";
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> {
                go.await();
                return http.post(BrekSandboxTest.EVENTS, body, "x-partner-api-key", brek.apiKey()).body;
            });
        }
        List<Future<String>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        go.countDown();
        Set<String> bodies = new HashSet<>();
        for (Future<String> f : futures) {
            bodies.add(f.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, bodies.size(), "every caller sees the first result");
        assertEquals(2, brek.recordedEventCount(s));
        assertEquals(15, brek.requests().stream().filter(SandboxRequest::replayed).count());
    }

    @Test
    void aDelayedRequestDoesNotHoldUpOthers() throws Exception {
        brek.faults().nextDelay(Duration.ofSeconds(2), 1);
        Future<Long> slow = pool.submit(() -> {
            long t = System.nanoTime();
            newSession();
            return System.nanoTime() - t;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!brek.faults().pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        newSession();
        assertFalse(slow.isDone(), "the second request was answered while the first one waits");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(slow.get(10, TimeUnit.SECONDS)) >= 2000);
    }
}
