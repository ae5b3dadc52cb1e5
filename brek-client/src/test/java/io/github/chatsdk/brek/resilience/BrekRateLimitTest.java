package io.github.chatsdk.brek.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.MutableClock;
import io.github.chatsdk.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrekRateLimitTest {
    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock();
    /** Moves the clock as a real sleep would move time. */
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private ClientSettings settings() {
        return ClientSettings.of(server.url("/").toString(), sleeper, clock).logLevel(LogLevel.OFF);
    }

    private static MockResponse lastOne() {
        return Faults.json(200, BrekOperations.EVENT_BODY).setHeader("x-ratelimit-remaining", "0");
    }

    private EventResult send(BrekClient c) {
        return c.events().sendText("sess_1", "partner_user_001", "hi");
    }

    @Test
    void everyResultCarriesTheRateLimitTheServerReported() {
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY).setHeader("x-ratelimit-remaining", "42"));
        try (BrekClient c = BrekOperations.client(settings())) {
            RateLimit rl = send(c).meta().rateLimit().orElseThrow();
            assertEquals(100, rl.limit().getAsLong());
            assertEquals(42, rl.remaining().getAsLong());
            assertEquals(false, rl.exhausted());
        }
    }

    @Test
    void theLimiterIsOffByDefault() {
        server.enqueue(lastOne());
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = BrekOperations.client(settings())) {
            assertTrue(send(c).meta().rateLimit().orElseThrow().exhausted());
            send(c);
        }
        assertEquals(List.of(), sleeper.delays());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void whenOnItWaitsOneWindowInsteadOfSendingAfterRemainingZero() {
        server.enqueue(lastOne());
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = BrekOperations.client(settings().waitWhenRateLimited(true))) {
            send(c);
            assertEquals(List.of(), sleeper.delays(), "nothing to wait for yet");
            EventResult second = send(c);
            assertEquals(List.of(Duration.ofSeconds(60)), sleeper.delays(), "the window is one minute");
            assertEquals(1, second.meta().attempts(), "waiting is not an attempt");
            send(c);
            assertEquals(1, sleeper.delays().size(), "requests are left again: no wait");
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void whenOnItWaitsForTheRetryAfterOfTheExhaustedResponse() {
        server.enqueue(lastOne().setHeader("Retry-After", "7"));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = BrekOperations.client(settings().waitWhenRateLimited(true))) {
            send(c);
            send(c);
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.delays());
    }

    @Test
    void theWaitIsCappedByMaxRetryAfter() {
        server.enqueue(lastOne());
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = settings().waitWhenRateLimited(true).applyTo(BrekClient.builder())
                .apiKey(BrekOperations.API_KEY).maxRetryAfter(Duration.ofSeconds(10)).build()) {
            send(c);
            send(c);
        }
        assertEquals(List.of(Duration.ofSeconds(10)), sleeper.delays());
    }

    @Test
    void aRetryAfterA429IsNotFollowedByASecondWait() {
        server.enqueue(Faults.rateLimited(Duration.ofSeconds(5)));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = BrekOperations.client(settings().waitWhenRateLimited(true))) {
            assertEquals(2, send(c).meta().attempts());
            send(c);
        }
        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.delays());
    }

    @Test
    void asynchronousCallsWaitForTheLimiterOnTheSchedulerAndShareItWithSynchronousOnes() {
        server.enqueue(lastOne());
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY).setHeader("x-ratelimit-remaining", "0")
                .setHeader("Retry-After", "3"));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = BrekOperations.client(settings().waitWhenRateLimited(true))) {
            send(c);
            EventResult second = AsyncOperations.await(c.async().events().sendText("sess_1", "partner_user_001", "hi"));
            assertEquals(List.of(Duration.ofSeconds(60)), sleeper.delays(), "the asynchronous call waited the window");
            assertEquals(1, second.meta().attempts(), "waiting is not an attempt");
            AsyncOperations.await(c.async().events().sendText("sess_1", "partner_user_001", "hi"));
            send(c);
            assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(3)), sleeper.delays(),
                    "the synchronous call waited for what the asynchronous one saw");
        }
        assertEquals(4, server.getRequestCount());
    }
}
