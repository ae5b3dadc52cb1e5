package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keep-alive connections that the server closes on its own schedule, as production servers do:
 * Node's {@code http} server after its {@code keepAliveTimeout} (1 s and 2 s here; and over TLS,
 * where the probe reads through the TLS layer), a socket server
 * that closes idle connections with a FIN or resets them (RST), and one that closes every
 * connection right after its answer without saying so. Against each, every operation of both
 * clients, synchronous and asynchronous, is sent after pauses shorter and longer than the server's
 * idle timeout (and back to back): no call may fail, and the server's own log must show every
 * request exactly once.
 *
 * <p>The pauses are real: the servers' idle timers are real. The eight callers (four operations,
 * sync and async) run side by side, each on its own client (so each has its own pooled
 * connection), to keep the whole class well under a minute.
 */
class IdleConnectionsIT {
    /** How far from the server's idle timeout the pauses are. */
    static final long MARGIN_MILLIS = 500;

    /** One server. */
    static final class Case {
        final String name;
        final String script;
        final boolean tls;
        final String[] args;

        Case(String name, String script, String... args) {
            this(name, script, false, args);
        }

        Case(String name, String script, boolean tls, String... args) {
            this.name = name;
            this.script = script;
            this.tls = tls;
            this.args = args;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> servers() {
        return Stream.of(
                new Case("node-http-keepalive-1s", "http1.js", "--keep-alive-ms", "1000"),
                new Case("node-http-keepalive-2s", "http1.js", "--keep-alive-ms", "2000"),
                new Case("node-https-keepalive-1s", "http1.js", true, "--keep-alive-ms", "1000"),
                new Case("socket-fin-idle-1s", "raw.js", "--close", "fin", "--idle-ms", "1000"),
                new Case("socket-rst-idle-1s", "raw.js", "--close", "rst", "--idle-ms", "1000"),
                new Case("socket-close-after-response", "raw.js", "--close", "after-response"))
                .map(Arguments::of);
    }

    /**
     * The pauses between a caller's calls: {@link #MARGIN_MILLIS} less than the server's idle
     * timeout, as much more, and none at all (back to back). For a server that closes right after
     * each answer: 0.5 s, 1.5 s and none.
     */
    static long[] pauses(long idleCloseMillis) {
        long idle = idleCloseMillis > 0 ? idleCloseMillis : 1000;
        return new long[] {idle - MARGIN_MILLIS, idle + MARGIN_MILLIS, 0};
    }

    /** What one caller sent: the call ids in order, and the failures. */
    static final class Caller {
        final Op op;
        final boolean async;
        final List<String> ids = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<Integer> attempts = new ArrayList<>();

        Caller(Op op, boolean async) {
            this.op = op;
            this.async = async;
        }

        String name() {
            return op + (async ? "-async" : "-sync");
        }

        void run(long[] pauses, String baseUrl, Clients.Settings settings, CallLog log) throws InterruptedException {
            try (Clients clients = Clients.on(baseUrl, settings)) {
                call(clients, log, 0);
                for (int i = 0; i < pauses.length; i++) {
                    Thread.sleep(pauses[i]); // a real pause against the server's real idle timer
                    call(clients, log, i + 1);
                }
            }
        }

        private void call(Clients clients, CallLog log, int n) {
            String id = name() + "-" + n;
            ids.add(id);
            try {
                ResponseMeta meta = op.call(clients, Op.tagged(id, RequestOptions.builder().addListener(log.forCall(id))
                        .build()), id, async);
                attempts.add(meta.attempts());
            } catch (RuntimeException e) {
                failures.add(id + ": " + e);
                attempts.add(-1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyRequestArrivesExactlyOnceAndNoCallFailsOnEitherSideOfTheServersIdleTimeout(Case c) throws Exception {
        List<Caller> callers = new ArrayList<>();
        for (Op op : Op.NAMED) {
            callers.add(new Caller(op, false));
            callers.add(new Caller(op, true));
        }
        CallLog log = CallLog.shared();
        List<String> args = new ArrayList<>(java.util.Arrays.asList(c.args));
        Clients.Settings settings = new Clients.Settings() {
        };
        if (c.tls) {
            TlsServer.Certificates certs = TlsServer.certificates(c.name);
            args.addAll(List.of("--cert", certs.certFile.toString(), "--key", certs.keyFile.toString()));
            settings = certs.trust();
        }
        Clients.Settings clientSettings = settings;
        try (NodeServer server = NodeServer.start(c.name, c.tls ? "https" : "http", c.script,
                args.toArray(new String[0]))) {
            long idleClose = server.listening().get("idleCloseMs").getAsLong();
            long[] pauses = pauses(idleClose);
            ExecutorService pool = Executors.newFixedThreadPool(callers.size());
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Caller caller : callers) {
                    done.add(pool.submit(() -> {
                        caller.run(pauses, server.baseUrl(), clientSettings, log);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            server.sync();

            List<String> failures = callers.stream().flatMap(k -> k.failures.stream()).collect(Collectors.toList());
            assertEquals(List.of(), failures, "calls that failed; the server's log:\n" + server.logText());

            List<String> wrongCounts = new ArrayList<>();
            for (Caller caller : callers) {
                for (String id : caller.ids) {
                    int received = server.requests(id).size();
                    long processed = server.processed(id);
                    if (received != 1 || processed != 1) {
                        wrongCounts.add(id + " received " + received + "×, processed " + processed + "×");
                    }
                }
            }
            assertEquals(List.of(), wrongCounts, "every request must reach the server exactly once");
            ServerSpecs.assertEveryRequestMatchesTheSpecs(server);

            // the retries the clients made were only the free resends of requests that never left
            assertEquals(List.of(), log.otherThanNotDelivered(), "retries other than not-delivered resends");

            // the scenario really happened: the server closed the idle connections, and each call
            // after a long pause arrived on a new connection, each call after a short one on the old
            List<String> wrongConnections = new ArrayList<>();
            for (Caller caller : callers) {
                for (int i = 0; i < pauses.length; i++) {
                    String id = caller.ids.get(i + 1);
                    JsonObject request = server.requests(id).get(0);
                    boolean reused = request.get("connSeq").getAsInt() > 1;
                    boolean expected = idleClose > 0 && pauses[i] < idleClose;
                    if (reused != expected) {
                        wrongConnections.add(id + " after " + pauses[i] + " ms: " + (reused ? "reused" : "new")
                                + " connection");
                    }
                }
            }
            assertEquals(List.of(), wrongConnections, "connection reuse as the server's idle policy implies");
            long closedByServer = server.events("close").stream()
                    .filter(e -> NodeServer.string(e, "by").startsWith("server")).count();
            assertTrue(closedByServer >= callers.size(), "the server closed " + closedByServer + " connections");

            long resends = log.retries().size();
            System.out.println("[" + c.name + ", closes idle connections after " + idleClose + " ms, pauses "
                    + java.util.Arrays.toString(pauses) + " ms] " + callers.stream().mapToInt(k -> k.ids.size()).sum() + " calls, "
                    + server.events("request").size() + " requests received, " + server.events("connection").size()
                    + " connections, " + closedByServer + " closed by the server, " + resends
                    + " not-delivered resends by the clients");
        }
    }
}
