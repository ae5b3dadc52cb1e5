package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other side of the stale-connection rule: a server that really applies a request and then
 * loses the connection before answering (it crashed, a proxy died). The client cannot know whether
 * the request was applied, so a request that is not idempotent (a Helvia message, a Brek session)
 * is never resent and the exception says the outcome is unknown; the server's log shows it applied
 * the request exactly once. The same for a whole-call timeout against a server that never answers.
 * Over HTTP/1.1 on a fresh and on a reused connection (which passed the probe), and over HTTP/2.
 */
class ProcessedThenDroppedIT {
    private static NodeServer http1;
    private static NodeServer h2;
    private static TlsServer.Certificates certs;

    @BeforeAll
    static void start() {
        http1 = NodeServer.start("processed-then-dropped-http1", "http", "http1.js", "--keep-alive-ms", "5000");
        certs = TlsServer.certificates("processed-then-dropped-h2");
        h2 = TlsServer.start("processed-then-dropped-h2", certs);
    }

    @AfterAll
    static void stop() {
        http1.close();
        h2.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of("http1-fresh", "http1-reused", "h2-fresh", "h2-reused").flatMap(connection ->
                Stream.of(Op.HELVIA_MESSAGE, Op.BREK_CREATE_SESSION).flatMap(op ->
                        Stream.of(Arguments.of(connection, op, false), Arguments.of(connection, op, true))));
    }

    private static Clients clients(String connection) {
        return connection.startsWith("h2") ? Clients.on(h2.baseUrl(), certs.trust()) : Clients.on(http1.baseUrl());
    }

    private static NodeServer server(String connection) {
        return connection.startsWith("h2") ? h2 : http1;
    }

    @ParameterizedTest(name = "{0}, {1}, async: {2}")
    @MethodSource("cases")
    void aRequestTheServerAppliedBeforeDroppingTheConnectionIsNotResentAndItsOutcomeIsUnknown(String connection, Op op,
            boolean async) {
        NodeServer server = server(connection);
        String id = "drop-" + connection + "-" + op + "-" + async;
        CallLog log = CallLog.shared();
        ConnectionException e;
        try (Clients c = clients(connection)) {
            if (connection.endsWith("reused")) {
                op.call(c, Op.tagged(id + "-warm", RequestOptions.defaults()), id + "-warm", async);
            }
            server.plan(id, "drop");
            e = assertThrows(ConnectionException.class, () -> op.call(c, Op.tagged(id,
                    RequestOptions.builder().addListener(log.forCall(id)).build()), id, async));
        }
        assertTrue(e.outcomeUnknown(), e.getMessage());
        assertEquals(1, e.attempts(), e.getMessage());
        assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
        assertEquals(List.of(), log.retries(), "no resend");
        server.sync();
        List<JsonObject> requests = server.requests(id);
        assertEquals(1, requests.size(), "requests that reached the server");
        assertEquals(1, server.processed(id), "times the server applied it");
        if (connection.endsWith("reused")) {
            assertEquals(server.requests(id + "-warm").get(0).get("conn"), requests.get(0).get("conn"),
                    "sent on the reused connection, which the probe found alive");
        }
        ServerSpecs.assertEveryRequestMatchesTheSpecs(server);
    }

    @ParameterizedTest(name = "{0}, {1}, async: {2}")
    @MethodSource("cases")
    void aWholeCallTimeoutAgainstAServerThatAppliedTheRequestIsATimeoutWithTheOutcomeUnknown(String connection, Op op,
            boolean async) {
        NodeServer server = server(connection);
        String id = "hang-" + connection + "-" + op + "-" + async;
        ApiTimeoutException e;
        try (Clients c = clients(connection)) {
            if (connection.endsWith("reused")) {
                op.call(c, Op.tagged(id + "-warm", RequestOptions.defaults()), id + "-warm", async);
            }
            server.plan(id, "hang");
            e = assertThrows(ApiTimeoutException.class, () -> op.call(c, Op.tagged(id,
                    RequestOptions.builder().timeout(Duration.ofMillis(300)).build()), id, async));
        }
        assertTrue(e.getMessage().startsWith("Timed out after 1 attempt"), e.getMessage());
        assertTrue(e.outcomeUnknown(), e.getMessage());
        assertFalse(e.getMessage().contains("not delivered"), e.getMessage());
        server.sync();
        assertEquals(1, server.requests(id).size(), "requests that reached the server");
        assertEquals(1, server.processed(id));
    }
}
