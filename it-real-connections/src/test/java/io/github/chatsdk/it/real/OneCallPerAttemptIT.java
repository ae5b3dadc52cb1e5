package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.core.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user who brings an {@code OkHttpClient} with an {@link EventListener.Factory} sees exactly one
 * OkHttp call per attempt: the first attempt and the resend after a 429 (a refusal, resent for
 * every operation, with and without {@code Retry-After}) are two calls, each created once,
 * started once and ended once; the server received two requests and the call succeeded.
 */
class OneCallPerAttemptIT {
    private static NodeServer server;
    private static OkHttpClient shared;
    /** Per test call id (its x-test-call header): calls created, started, ended. */
    private static final Map<String, int[]> EVENTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        server = NodeServer.start("one-call-per-attempt", "http", "http1.js", "--keep-alive-ms", "5000");
        shared = new OkHttpClient.Builder().eventListenerFactory(call -> {
            int[] counts = EVENTS.computeIfAbsent(String.valueOf(call.request().header("x-test-call")),
                    k -> new int[3]);
            synchronized (counts) {
                counts[0]++;
            }
            return new EventListener() {
                @Override
                public void callStart(Call c) {
                    synchronized (counts) {
                        counts[1]++;
                    }
                }

                @Override
                public void callEnd(Call c) {
                    ended();
                }

                @Override
                public void callFailed(Call c, IOException e) {
                    ended();
                }

                private void ended() {
                    synchronized (counts) {
                        counts[2]++;
                    }
                }
            };
        }).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    static Stream<Arguments> cases() {
        return Op.NAMED.stream().flatMap(op -> Stream.of(false, true).flatMap(async ->
                Stream.of(Arguments.of(op, async, "0"), Arguments.of(op, async, null))));
    }

    @ParameterizedTest(name = "{0}, async: {1}, Retry-After: {2}")
    @MethodSource("cases")
    void aCallResentAfterA429IsTwoOkHttpCallsEachStartedAndEndedOnce(Op op, boolean async, String retryAfter) {
        String id = "calls-" + op + "-" + async + "-" + retryAfter;
        server.plan(id, NodeServer.rateLimited(retryAfter));
        List<Duration> delays = new CopyOnWriteArrayList<>();
        ResponseMeta meta;
        try (Clients c = Clients.on(server.baseUrl(), Clients.with(b -> b.okHttpClient(shared)
                .sleeper(Sleeper.of(delays::add))))) {
            meta = op.call(c, Op.tagged(id, RequestOptions.defaults()), id, async);
        }
        server.sync();
        assertEquals(2, meta.attempts(), "attempts reported on the result");
        assertEquals(2, server.requests(id).size(), "requests the server received");
        assertEquals(1, server.processed(id), "the 429 was a refusal; the resend was applied");
        int[] counts = EVENTS.get(id);
        assertEquals(2, counts[0], "OkHttp calls created");
        assertEquals(2, counts[1], "callStart");
        assertEquals(2, counts[2], "callEnd or callFailed");
        assertEquals(1, delays.size(), "one wait before the resend");
        if (retryAfter != null) {
            assertEquals(Duration.ZERO, delays.get(0), "Retry-After: 0");
        } else {
            long ms = delays.get(0).toMillis();
            assertTrue(ms >= 250 && ms <= 500, "the first backoff, 0.5 s with jitter: " + ms + " ms");
        }
        ServerSpecs.assertEveryRequestMatchesTheSpecs(server);
    }
}
