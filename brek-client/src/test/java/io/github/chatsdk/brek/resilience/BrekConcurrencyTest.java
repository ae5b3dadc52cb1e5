package io.github.chatsdk.brek.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.MutableClock;
import io.github.chatsdk.testsupport.RecordingSleeper;
import io.github.chatsdk.testsupport.ThreadLeaks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 16 threads send 400 events through one client to a server that fails 20% of requests (10% with
 * 503 before processing, 10% by processing the event and then dropping the connection) and that,
 * like the real API, applies each idempotency key once. Every logical event must be recorded
 * exactly once: the client resends with the same key, and a caller whose retries ran out resubmits
 * with the key the exception carries.
 */
class BrekConcurrencyTest {
    private static final int THREADS = 16;
    private static final int EVENTS = 400;

    /** The fake API: records each idempotency key once, whatever happens to the connection afterwards. */
    static final class DedupingFlakyServer extends Dispatcher {
        final Map<String, String> recordedByKey = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger refused503 = new AtomicInteger();
        final AtomicInteger droppedAfterProcessing = new AtomicInteger();
        final AtomicInteger duplicatesSuppressed = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.incrementAndGet();
            JsonObject body = JsonParser.parseString(request.getBody().readUtf8()).getAsJsonObject();
            String key = body.get("idempotencyKey").getAsString();
            String text = body.get("text").getAsString();
            int roll = ThreadLocalRandom.current().nextInt(100);
            if (roll < 10) {
                refused503.incrementAndGet();
                return Faults.jsonError(503, "overloaded");
            }
            String previous = recordedByKey.putIfAbsent(key, text);
            if (previous != null) {
                duplicatesSuppressed.incrementAndGet();
                if (!previous.equals(text)) {
                    throw new AssertionError("one key used for two events: " + key);
                }
            }
            if (roll < 20) {
                droppedAfterProcessing.incrementAndGet();
                return Faults.disconnectAfterRequest();
            }
            return Faults.json(200, BrekOperations.EVENT_BODY);
        }
    }

    @Test
    @Timeout(60)
    void sixteenThreadsSendFourHundredEventsAndEveryEventIsRecordedExactlyOnce() throws Exception {
        DedupingFlakyServer api = new DedupingFlakyServer();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(api);
        server.start();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RecordingSleeper sleeper = new RecordingSleeper();
        BrekClient client = BrekOperations.client(
                ClientSettings.of(server.url("/").toString(), sleeper, new MutableClock()).logLevel(LogLevel.OFF));
        AtomicInteger resubmissions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<String> sent = new ArrayList<>();
                for (int i = thread; i < EVENTS; i += THREADS) {
                    String text = "event-" + i;
                    SendEvent event = SendEvent.text("sess_1", "partner_user_001", text);
                    for (int attempt = 1; ; attempt++) {
                        try {
                            EventResult r = client.events().send(event);
                            assertEquals(text, api.recordedByKey.get(r.idempotencyKey()));
                            break;
                        } catch (ChatSdkException e) {
                            // retries spent: resubmit the same logical event with the key the exception carries
                            if (attempt == 10) {
                                throw e;
                            }
                            resubmissions.incrementAndGet();
                            event = event.idempotencyKey(e.idempotencyKey().orElseThrow());
                        }
                    }
                    sent.add(text);
                }
                return sent;
            }));
        }
        List<String> sent = new ArrayList<>();
        for (Future<List<String>> f : futures) {
            sent.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        client.close();
        server.shutdown();

        assertEquals(EVENTS, sent.size());
        assertEquals(EVENTS, api.recordedByKey.size(), "one key per logical event");
        Map<String, Long> timesRecorded = api.recordedByKey.values().stream()
                .collect(Collectors.groupingBy(t -> t, HashMap::new, Collectors.counting()));
        assertEquals(EVENTS, timesRecorded.size(), "no event lost");
        assertTrue(timesRecorded.values().stream().allMatch(n -> n == 1), "no event recorded twice");
        for (int i = 0; i < EVENTS; i++) {
            assertEquals(1L, timesRecorded.get("event-" + i), "event-" + i);
        }
        // the faults really happened, were retried with the same key, and the server suppressed the duplicates
        assertTrue(api.refused503.get() > 0 && api.droppedAfterProcessing.get() > 0);
        assertTrue(api.duplicatesSuppressed.get() > 0);
        assertEquals(api.refused503.get() + api.droppedAfterProcessing.get(), sleeper.delays().size()
                + resubmissions.get(), "every failed attempt was followed by one retry or one resubmission");
        assertEquals(EVENTS + sleeper.delays().size() + resubmissions.get(), api.requests.get());

        ThreadLeaks.assertNoClientThreadRemains(before);
    }
}
