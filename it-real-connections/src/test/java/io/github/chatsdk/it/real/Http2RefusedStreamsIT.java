package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.CallListener.RetryReason;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP/2 over TLS (Node's {@code http2} server, ALPN h2): a stream the server refuses with
 * {@code REFUSED_STREAM} (RFC 9113 §8.7: it was not processed), and a stream a {@code GOAWAY}
 * leaves out (its last-stream-id is below it: the server will not process it; OkHttp reports it
 * as refused), each on the two operations that are not idempotent: the request is sent once more,
 * the server applies it exactly once, and the call succeeds.
 */
class Http2RefusedStreamsIT {
    private static TlsServer.Certificates certs;
    private static NodeServer server;

    @BeforeAll
    static void start() {
        certs = TlsServer.certificates("h2-refused");
        server = TlsServer.start("h2-refused", certs);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> operations() {
        return Stream.of(Op.HELVIA_MESSAGE, Op.BREK_CREATE_SESSION)
                .flatMap(op -> Stream.of(Arguments.of(op, false), Arguments.of(op, true)));
    }

    private static ResponseMeta call(Clients c, Op op, String id, boolean async, CallLog log) {
        return op.call(c, Op.tagged(id, RequestOptions.builder().addListener(log.forCall(id)).build()), id, async);
    }

    @ParameterizedTest(name = "{0}, async: {1}")
    @MethodSource("operations")
    void aRefusedStreamIsResentOnceAndAppliedOnce(Op op, boolean async) {
        String id = "refused-" + op + "-" + async;
        server.plan(id, "refuse");
        CallLog log = CallLog.shared();
        ResponseMeta meta;
        try (Clients c = Clients.on(server.baseUrl(), certs.trust())) {
            meta = call(c, op, id, async, log);
        }
        server.sync();
        assertEquals(2, meta.attempts(), "attempts reported on the result");
        List<JsonObject> requests = server.requests(id);
        assertEquals(2, requests.size(), "streams the server received");
        assertEquals("refuse", NodeServer.string(requests.get(0), "action"));
        assertEquals(1, server.processed(id), "times the server applied the request");
        assertEquals(List.of(RetryReason.NOT_DELIVERED), log.retries().stream().map(r -> r.reason)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals(Duration.ZERO, log.retries().get(0).delay, "resent at once");
        ServerSpecs.assertEveryRequestMatchesTheSpecs(server);
    }

    @ParameterizedTest(name = "{0}, async: {1}")
    @MethodSource("operations")
    void aGoawayThatLeavesOutAnInFlightRequestResendsItOnceOnANewConnection(Op op, boolean async) throws Exception {
        String id = "goaway-" + op + "-" + async;
        String held = id + "-held";
        server.plan(held, "hold");
        server.plan(id, "goaway");
        CallLog log = CallLog.shared();
        ResponseMeta meta;
        ResponseMeta heldMeta;
        try (Clients c = Clients.on(server.baseUrl(), certs.trust())) {
            // a first stream stays open on the connection...
            CompletableFuture<ResponseMeta> first = CompletableFuture.supplyAsync(
                    () -> op.sameApiGet().call(c, Op.tagged(held, RequestOptions.defaults()), held, true));
            server.await(e -> "held".equals(NodeServer.type(e)) && held.equals(NodeServer.string(e, "call")), 20,
                    "the first stream to be held");
            // ...when the call goes out on the same connection, and the server answers it with GOAWAY
            meta = call(c, op, id, async, log);
            heldMeta = first.get(20, TimeUnit.SECONDS);
        }
        server.sync();
        assertEquals(2, meta.attempts(), "attempts reported on the result");
        List<JsonObject> requests = server.requests(id);
        assertEquals(2, requests.size(), "streams the server received");
        JsonObject goaway = server.events("goaway").stream()
                .filter(e -> id.equals(NodeServer.string(e, "call"))).findFirst().orElseThrow();
        JsonObject heldRequest = server.requests(held).get(0);
        assertEquals(heldRequest.get("conn"), requests.get(0).get("conn"), "both streams on one connection");
        assertEquals(requests.get(0).get("stream"), goaway.get("excluded"), "the GOAWAY left out the call's stream");
        assertEquals(heldRequest.get("stream"), goaway.get("lastStreamId"));
        assertNotEquals(requests.get(0).get("conn"), requests.get(1).get("conn"), "resent on a new connection");
        assertEquals(1, server.processed(id), "times the server applied the request");
        assertEquals(1, heldMeta.attempts(), "the held stream was answered on the old connection");
        assertEquals(1, server.processed(held));
        assertEquals(List.of(RetryReason.NOT_DELIVERED), log.retries().stream().map(r -> r.reason)
                .collect(java.util.stream.Collectors.toList()));
        ServerSpecs.assertEveryRequestMatchesTheSpecs(server);
    }
}
