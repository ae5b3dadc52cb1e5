package io.github.chatsdk.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of a sandbox: the JDK's {@code com.sun.net.httpserver.HttpServer} on
 * 127.0.0.1, one daemon thread per request in flight (so that delays and slow clients never block
 * other requests), the fault queue and the request log.
 *
 * <p>Why the JDK server rather than OkHttp's MockWebServer: it costs no dependency (MockWebServer
 * 4.x brings JUnit 4 in at compile scope and ties the user's OkHttp version to ours), and it gives
 * exactly the two faults that matter. Closing an {@code HttpExchange} before
 * {@code sendResponseHeaders} closes the TCP connection, so "read the request, then disconnect"
 * is one call; a delay is a sleep on the request's own thread.
 */
final class SandboxServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxApi api;
    private final Clock clock;
    private final Faults faults = new Faults();
    private final List<SandboxRequest> log = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String baseUrl;

    SandboxServer(String name, int port, SandboxApi api, Clock clock) {
        GsonFloor.check();
        this.api = api;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            this.server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("could not start the " + name + " on 127.0.0.1:" + port, e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String baseUrl() {
        return baseUrl;
    }

    int port() {
        return server.getAddress().getPort();
    }

    Faults faults() {
        return faults;
    }

    List<SandboxRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void reset() {
        faults.clear();
        synchronized (log) {
            log.clear();
        }
        api.reset();
    }

    private void handle(HttpExchange exchange) {
        try {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Incoming in = new Incoming(sequence.incrementAndGet(), clock.instant(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    headers(exchange.getRequestHeaders()), new String(bytes, StandardCharsets.UTF_8));
            Fault fault = faults.poll();
            if (fault != null && !fault.delay().isZero()) {
                TimeUnit.NANOSECONDS.sleep(fault.delay().toNanos());
            }
            Reply reply;
            if (fault == null || fault.processesRequest()) {
                reply = process(in);
            } else if (fault.kind() == Fault.Kind.STATUS) {
                reply = api.faultReply(fault, in);
            } else {
                reply = null;
            }
            boolean deliver = fault == null || fault.sendsResponse();
            // logged before the response leaves, so a client that has its answer always finds it here
            synchronized (log) {
                log.add(new SandboxRequest(in, fault, reply, deliver));
            }
            if (deliver) {
                send(exchange, reply);
            }
            // otherwise close() below, before any response header: the JDK server closes the connection
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sandbox is closing
        } finally {
            exchange.close();
        }
    }

    private Reply process(Incoming in) {
        try {
            return api.handle(in);
        } catch (RuntimeException e) {
            return api.internalError(in, e);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        reply.headers.forEach(headers::set);
        exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, List<String>> headers(Headers raw) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(e.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
