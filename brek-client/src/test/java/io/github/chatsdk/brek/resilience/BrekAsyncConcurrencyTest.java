package io.github.chatsdk.brek.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.core.internal.transport.Transport;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.ThreadLeaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asynchronous calls need no thread each: 100 calls started at once complete on a dispatcher of
 * two threads, with retries waited out on the system sleeper (no thread of the client); and after {@code close()} no
 * thread of the client remains.
 */
class BrekAsyncConcurrencyTest {
    private static final int CALLS = 100;

    @Test
    @Timeout(60)
    void aHundredConcurrentAsyncCallsCompleteOnADispatcherOfTwoThreads() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(1);
        Map<String, String> recordedByKey = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // the server holds every request until the caller has started all 100 calls:
                // if starting a call blocked its thread, the test would never get there
                allStarted.await(30, TimeUnit.SECONDS);
                JsonObject body = JsonParser.parseString(request.getBody().readUtf8()).getAsJsonObject();
                String key = body.get("idempotencyKey").getAsString();
                boolean retry = request.getHeader(Transport.RETRY_COUNT_HEADER) != null;
                if (!retry && Math.floorMod(key.hashCode(), 5) == 0) {
                    refused.incrementAndGet(); // one in five first attempts: 503, retry at once
                    return Faults.jsonError(503, "busy").setHeader("Retry-After", "0");
                }
                recordedByKey.putIfAbsent(key, body.get("text").getAsString());
                return Faults.json(200, BrekOperations.EVENT_BODY);
            }
        });
        server.start();
        Set<Thread> before = ThreadLeaks.snapshot();
        ExecutorService twoThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "small-dispatcher");
            t.setDaemon(true);
            return t;
        });
        OkHttpClient small = new OkHttpClient.Builder().dispatcher(new Dispatcher(twoThreads)).build();
        // the system sleeper (the JDK's shared delay thread): the 503s ask to retry after 0 s
        BrekClient client = BrekClient.builder().apiKey(BrekOperations.API_KEY).baseUrl(server.url("/").toString())
                .okHttpClient(small).logLevel(LogLevel.OFF).build();
        try {
            List<CompletableFuture<EventResult>> futures = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                futures.add(client.async().events().sendText("sess_1", "partner_user_001", "event-" + i));
            }
            allStarted.countDown();
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

            int retried = 0;
            for (int i = 0; i < CALLS; i++) {
                EventResult r = futures.get(i).join();
                assertEquals("event-" + i, recordedByKey.get(r.idempotencyKey()), "the key of call " + i);
                retried += r.meta().attempts() - 1;
            }
            assertEquals(CALLS, recordedByKey.size());
            assertTrue(refused.get() > 0, "some calls were retried");
            assertEquals(refused.get(), retried, "each 503 was retried once");
            assertEquals(CALLS + refused.get(), server.getRequestCount());
            List<String> threads = ThreadLeaks.startedSince(before);
            assertTrue(threads.size() <= 3, "two dispatcher threads and the JDK's delay thread, no thread per call: "
                    + threads);
        } finally {
            client.close();
            twoThreads.shutdown();
            server.shutdown();
        }
        ThreadLeaks.assertNoClientThreadRemains(before);
    }

    @Test
    @Timeout(30)
    void noThreadOfTheClientRemainsAfterCloseOnceAsyncCallsAndScheduledRetriesRan() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start();
        Set<Thread> before = ThreadLeaks.snapshot();
        BrekClient client = BrekClient.builder().apiKey(BrekOperations.API_KEY).baseUrl(server.url("/").toString())
                .logLevel(LogLevel.OFF).build();
        try {
            server.enqueue(Faults.jsonError(503, "busy").setHeader("Retry-After", "0"));
            server.enqueue(Faults.json(200, BrekOperations.SNAPSHOT_BODY));
            server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
            server.enqueue(Faults.json(200, BrekOperations.SNAPSHOT_BODY));
            SessionSnapshot s = client.async().sessions().get("sess_1").get(10, TimeUnit.SECONDS);
            assertEquals(2, s.meta().attempts(), "a retry waited on the system sleeper");
            client.async().events().send(SendEvent.text("sess_1", "partner_user_001", "hi")).get(10, TimeUnit.SECONDS);
            client.sessions().get("sess_1");
            assertTrue(ThreadLeaks.startedSince(before).stream().noneMatch(t -> t.startsWith("chatsdk")),
                    "the client starts no thread of its own to wait: " + ThreadLeaks.startedSince(before));
        } finally {
            client.close();
            server.shutdown();
        }
        ThreadLeaks.assertNoClientThreadRemains(before);
    }
}
