package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How many asynchronous calls one client keeps in flight against a server that takes its time
 * (300 ms per answer), counted by the server itself (its {@code inFlight} at each arrival), not
 * timed: by default at least 64 per host (OkHttp's own default is 5); a shared
 * {@code okHttpClient(...)} keeps its own dispatcher; the builder's option sets the limit.
 */
class ConcurrencyIT {
    private static NodeServer server;

    @BeforeAll
    static void start() {
        server = NodeServer.start("concurrency", "http", "http1.js", "--keep-alive-ms", "5000", "--latency-ms", "300");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code n} asynchronous calls of {@code op} at once and returns the most the server had in flight. */
    private static int maxInFlight(Clients c, Op op, String prefix, int n) throws Exception {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            calls.add(op.async(c, Op.tagged(id, RequestOptions.defaults()), id));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        server.sync();
        int max = 0;
        for (int i = 0; i < n; i++) {
            List<com.google.gson.JsonObject> r = server.requests(prefix + "-" + i);
            assertEquals(1, r.size(), prefix + "-" + i);
            max = Math.max(max, r.get(0).get("inFlight").getAsInt());
        }
        return max;
    }

    @Test
    void byDefaultAtLeastSixtyFourCallsPerHostAreInFlightAtOnce() throws Exception {
        try (Clients c = Clients.on(server.baseUrl())) {
            int brek = maxInFlight(c, Op.BREK_SEND_EVENT, "default-brek", 200);
            int helvia = maxInFlight(c, Op.HELVIA_MESSAGE, "default-helvia", 200);
            System.out.println("[concurrency] 200 async calls at once, default settings: the server had up to " + brek
                    + " (Brek) and " + helvia + " (Helvia) in flight");
            assertTrue(brek >= 64, "Brek calls in flight at once: " + brek);
            assertTrue(helvia >= 64, "Helvia calls in flight at once: " + helvia);
        }
    }

    @Test
    void aBurstsConnectionsAreReusedByTheNextAndDroppedTogetherOnceTheServerHasClosedThem() throws Exception {
        // 500 ms per answer: all 50 calls of a burst are in flight at once even when a loaded machine is
        // slow to dispatch them (with 100 ms, one call of a fresh clone's first burst was answered before
        // the last was sent and went out on its connection: 49 connections, and the second burst of 50
        // had to open one)
        try (NodeServer idle = NodeServer.start("concurrency-idle", "http", "http1.js", "--keep-alive-ms", "1000",
                "--latency-ms", "500");
                Clients c = Clients.on(idle.baseUrl())) {
            long idleClose = idle.listening().get("idleCloseMs").getAsLong();
            List<ResponseMeta> first = burst(c, idle, "burst-1", 50);
            idle.sync();
            int opened = idle.events("connection").size();
            List<ResponseMeta> second = burst(c, idle, "burst-2", 50);
            idle.sync();
            assertEquals(opened, idle.events("connection").size(), "the second burst reused the first one's"
                    + " connections (the pool keeps up to 256 idle)");
            Thread.sleep(idleClose + 500); // a real pause: the server closes every idle connection
            List<ResponseMeta> third = burst(c, idle, "burst-3", 50);
            idle.sync();
            for (int i = 0; i < 50; i++) {
                assertEquals(1, idle.requests("burst-3-" + i).size(), "burst-3-" + i + " arrived once");
                assertTrue(third.get(i).attempts() <= 2, "burst-3-" + i + " met at most one dead connection: "
                        + third.get(i).attempts() + " attempts");
            }
            long closedByServer = idle.events("close").stream()
                    .filter(e -> "server-idle".equals(NodeServer.string(e, "by"))).count();
            assertTrue(closedByServer >= opened, "the server closed the idle connections: " + closedByServer);
            assertTrue(first.stream().allMatch(m -> m.attempts() == 1), "first burst: one attempt each");
            assertTrue(second.stream().allMatch(m -> m.attempts() == 1), "second burst: live connections, one attempt"
                    + " each");
        }
    }

    private static List<ResponseMeta> burst(Clients c, NodeServer s, String prefix, int n) throws Exception {
        List<CompletableFuture<ResponseMeta>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            calls.add(Op.HELVIA_MESSAGE.async(c, Op.tagged(id, RequestOptions.defaults()), id));
        }
        List<ResponseMeta> metas = new ArrayList<>();
        for (CompletableFuture<ResponseMeta> f : calls) {
            metas.add(f.get(60, TimeUnit.SECONDS));
        }
        return metas;
    }

    @Test
    void aSharedOkHttpClientKeepsItsOwnDispatcherUnlessTheBuilderSetsTheLimit() throws Exception {
        OkHttpClient shared = new OkHttpClient(); // OkHttp's dispatcher: 5 per host
        try {
            try (Clients c = Clients.on(server.baseUrl(), Clients.with(b -> b.okHttpClient(shared)))) {
                assertEquals(5, maxInFlight(c, Op.HELVIA_MESSAGE, "shared", 20), "the user's dispatcher");
            }
            try (Clients c = Clients.on(server.baseUrl(), Clients.with(b -> b.okHttpClient(shared)
                    .maxConcurrentRequestsPerHost(10)))) {
                assertEquals(10, maxInFlight(c, Op.HELVIA_MESSAGE, "shared-10", 30), "the builder's limit");
            }
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }
}
