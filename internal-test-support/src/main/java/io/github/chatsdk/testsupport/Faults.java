package io.github.chatsdk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * MockWebServer responses for the faults production clients meet: rate limits, failing gateways,
 * proxies that answer HTML, connections that break, bodies that are slow, empty, truncated or huge.
 * Every response is new: enqueue one per expected attempt.
 */
public final class Faults {
    /** The size of the "huge body" rows: 20 MiB. */
    public static final int HUGE = 20 * 1024 * 1024;

    private Faults() {
    }

    /** A JSON response with a request id and rate-limit headers (100 per window, 99 left). */
    public static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-request-id", "req_" + code).setHeader("x-ratelimit-limit", "100")
                .setHeader("x-ratelimit-remaining", "99").setBody(body);
    }

    /** A gateway-style JSON error body of the given status. */
    public static MockResponse jsonError(int code, String error) {
        return json(code, "{\"success\":false,\"error\":\"" + error + "\",\"code\":\"e" + code
                + "\",\"details\":null,\"requestId\":\"rid_" + code + "\"}");
    }

    /** 429 with {@code Retry-After} in seconds and an exhausted window. */
    public static MockResponse rateLimited(Duration retryAfter) {
        return rateLimitedWithoutRetryAfter().setHeader("Retry-After", Long.toString(retryAfter.getSeconds()));
    }

    /** 429 with {@code Retry-After} as an HTTP date. */
    public static MockResponse rateLimitedUntil(ZonedDateTime when) {
        return rateLimitedWithoutRetryAfter().setHeader("Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(when));
    }

    /** 429 without {@code Retry-After}, with {@code x-ratelimit-remaining: 0}. */
    public static MockResponse rateLimitedWithoutRetryAfter() {
        return jsonError(429, "Rate limit exceeded").setHeader("x-ratelimit-remaining", "0")
                .setBody("{\"success\":false,\"error\":\"Rate limit exceeded\",\"code\":\"rate_limited\","
                        + "\"details\":{\"partnerId\":\"p1\"},\"requestId\":\"rid_429\"}");
    }

    /** An HTML page as a proxy or load balancer sends it. */
    public static MockResponse html(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>" + code + " Bad Gateway</title></head><body><h1>" + code
                        + " Bad Gateway</h1><p>nginx</p></body></html>");
    }

    /** An HTML page of {@link #HUGE} bytes with the given status. */
    public static MockResponse hugeHtml(int code) {
        return huge(code, "text/html", "<html><body>", '<');
    }

    /** A JSON-typed body of {@link #HUGE} bytes with the given status, with a Content-Length. */
    public static MockResponse hugeJson(int code) {
        return huge(code, "application/json", "{\"data\":\"", 'x');
    }

    private static MockResponse huge(int code, String type, String prefix, char filler) {
        Buffer b = new Buffer().writeUtf8(prefix);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) filler);
        while (b.size() + chunk.length <= HUGE) {
            b.write(chunk);
        }
        while (b.size() < HUGE) {
            b.writeByte(filler);
        }
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", type).setBody(b);
    }

    /** A status with an empty body. */
    public static MockResponse empty(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json");
    }

    /** JSON cut in the middle; the Content-Length matches, so only the parser notices. */
    public static MockResponse truncatedJson(int code, String json) {
        return json(code, json.substring(0, json.length() / 2));
    }

    /** A valid JSON body sent as {@code text/plain}. */
    public static MockResponse wrongContentType(String json) {
        return json(200, json).setHeader("Content-Type", "text/plain");
    }

    /** The server reads the request, then closes the connection without answering. */
    public static MockResponse disconnectAfterRequest() {
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }

    /** A 200 whose connection closes halfway through the body. */
    public static MockResponse disconnectMidBody(String json) {
        return json(200, json).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
    }

    /** A 200 whose headers arrive at once and whose body arrives only after {@code delay}. */
    public static MockResponse slowBody(String json, Duration delay) {
        return json(200, json).setBodyDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server reads the request and never answers (a hung gateway); the socket stays open. */
    public static MockResponse noResponse() {
        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    }

    /** A redirect with the given status to {@code location}. */
    public static MockResponse redirect(int code, String location) {
        return new MockResponse().setResponseCode(code).setHeader("Location", location).setBody("");
    }

    /**
     * A loopback port whose connections time out: a listening socket that never accepts, with its
     * accept queue filled, so the kernel drops further connection attempts (Linux behaviour).
     * Close it when done.
     *
     * @return the port holder
     */
    public static BlackHole blackHole() {
        return new BlackHole();
    }

    /** See {@link #blackHole()}. */
    public static final class BlackHole implements AutoCloseable {
        private final ServerSocket server;
        private final java.util.List<java.net.Socket> queued = new java.util.ArrayList<>();

        private BlackHole() {
            try {
                server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                for (int i = 0; i < 16; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(),
                                server.getLocalPort()), 200);
                        queued.add(s);
                    } catch (java.net.SocketTimeoutException full) {
                        s.close();
                        return;
                    }
                }
                throw new IllegalStateException("the accept queue never filled up");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The port whose connection attempts time out. */
        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (java.net.Socket s : queued) {
                s.close();
            }
            server.close();
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    public static int unusedLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
