package io.github.chatsdk.brek.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.UnexpectedStatusException;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.MutableClock;
import io.github.chatsdk.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connect, read, write and whole-call timeouts: documented defaults, per client, per request. */
class BrekTimeoutsTest {
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    /** connect/read/write/call timeouts in ms, as the network layer saw them, one entry per request. */
    private final List<List<Long>> seen = new CopyOnWriteArrayList<>();
    private final OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
        seen.add(List.of((long) chain.connectTimeoutMillis(), (long) chain.readTimeoutMillis(),
                (long) chain.writeTimeoutMillis(), TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos())));
        return chain.proceed(chain.request());
    }).build();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        recording.connectionPool().evictAll();
    }

    private BrekClient.Builder builder() {
        return ClientSettings.of(server.url("/").toString(), sleeper, new MutableClock()).logLevel(LogLevel.OFF)
                .applyTo(BrekClient.builder()).apiKey(BrekOperations.API_KEY);
    }

    @Test
    void defaultsAreTenSecondsToConnectSixtyToReadThirtyToWriteAndNinetyPerAttempt() {
        server.enqueue(Faults.json(200, BrekOperations.SNAPSHOT_BODY));
        try (BrekClient c = builder().okHttpClient(recording).build()) {
            c.sessions().get("sess_1");
        }
        assertEquals(List.of(List.of(10_000L, 60_000L, 30_000L, 90_000L)), seen);
    }

    @Test
    void clientTimeoutsApplyToEveryCallAndRequestOptionsOverrideThemForOneCall() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Faults.json(200, BrekOperations.SNAPSHOT_BODY));
        }
        try (BrekClient c = builder().okHttpClient(recording).connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2)).writeTimeout(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(4))
                .build()) {
            c.sessions().get("sess_1");
            c.sessions().get("sess_1", RequestOptions.builder().connectTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(6)).writeTimeout(Duration.ofSeconds(7))
                    .timeout(Duration.ofSeconds(8)).build());
            c.sessions().get("sess_1");
        }
        assertEquals(List.of(List.of(1000L, 2000L, 3000L, 4000L), List.of(5000L, 6000L, 7000L, 8000L),
                List.of(1000L, 2000L, 3000L, 4000L)), seen);
    }

    @Test
    void aClientReadTimeoutEndsAHungCall() {
        server.enqueue(Faults.noResponse());
        try (BrekClient c = builder().readTimeout(Duration.ofMillis(300)).maxRetries(0).build()) {
            ApiTimeoutException e = assertThrows(ApiTimeoutException.class, () -> c.sessions().get("sess_1"));
            assertTrue(e.outcomeUnknown());
            assertEquals(1, e.attempts());
        }
    }

    @Test
    void aPerRequestWholeCallTimeoutEndsABodyThatTricklesFasterThanTheReadTimeout() {
        // one byte every 100 ms never trips a 60 s read timeout; only the whole-call timeout stops it
        server.enqueue(Faults.json(200, BrekOperations.SNAPSHOT_BODY).throttleBody(1, 100, TimeUnit.MILLISECONDS));
        try (BrekClient c = builder().build()) {
            long start = System.nanoTime();
            ApiTimeoutException e = assertThrows(ApiTimeoutException.class, () -> c.sessions().get("sess_1",
                    RequestOptions.builder().timeout(Duration.ofMillis(400)).maxRetries(0).build()));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 5000, "took " + ms + " ms");
            assertTrue(e.getMessage().startsWith("Timed out"), e.getMessage());
        }
    }

    @Test
    void yourOwnOkHttpClientDoesNotBringBackRedirectsAcrossOrigins() throws Exception {
        MockWebServer other = new MockWebServer();
        other.start();
        try {
            server.enqueue(Faults.redirect(307, other.url("/x").toString()));
            other.enqueue(Faults.json(200, BrekOperations.SNAPSHOT_BODY));
            OkHttpClient permissive = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true)
                    .retryOnConnectionFailure(true).build();
            try (BrekClient c = builder().okHttpClient(permissive).build()) {
                assertThrows(UnexpectedStatusException.class, () -> c.sessions().get("sess_1"));
            }
            assertEquals(0, other.getRequestCount());
        } finally {
            other.shutdown();
        }
    }
}
