package io.github.chatsdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 that answers instantly with fixed bytes, so that a benchmark
 * measures the client and nothing else: {@code POST /api/partner/v1/core-chat/events} gets the
 * Brek spec's {@code shortlist} example, {@code POST /api/events} the Helvia spec's
 * {@code textResponse} example, anything else a 404.
 *
 * <p>{@link #start(Duration)} makes every answer wait: a server that takes its time, for the
 * concurrency benchmark (the wait is the server's, on its connection's thread).
 *
 * <p>One thread per connection; connections are kept alive (HTTP/1.1 default) until the client
 * closes them or sends {@code Connection: close}. Request bodies (with {@code Content-Length} or
 * chunked) are read and discarded. In steady state the server allocates nothing per request: the
 * JMH allocation profiler counts every thread of the JVM, this one included, so whatever it
 * reports per operation is the client's.
 */
public final class LoopbackServer implements AutoCloseable {
    public static final String BREK_EVENTS_PATH = "/api/partner/v1/core-chat/events";
    public static final String HELVIA_EVENTS_PATH = "/api/events";

    private static final byte[] POST_BREK = ("POST " + BREK_EVENTS_PATH + " ").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POST_HELVIA = ("POST " + HELVIA_EVENTS_PATH + " ").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong brekRequests = new AtomicLong();
    private final AtomicLong helviaRequests = new AtomicLong();
    private final AtomicLong otherRequests = new AtomicLong();
    private final byte[] brekResponse;
    private final byte[] helviaResponse;
    private final byte[] notFoundResponse;
    private final long latencyMillis;
    private volatile boolean closed;

    private LoopbackServer(ServerSocket serverSocket, long latencyMillis) {
        this.serverSocket = serverSocket;
        this.latencyMillis = latencyMillis;
        this.brekResponse = response("200 OK", Bodies.brekSendEvent(),
                "x-request-id: 7c1a4f2e-5b0d-4c36-9a57-2d8e1f3b6a90\r\n"
                        + "x-ratelimit-limit: 120\r\n"
                        + "x-ratelimit-remaining: 119\r\n"
                        + "x-partner-id: partner_demo\r\n");
        this.helviaResponse = response("200 OK", Bodies.helviaSend(), "");
        this.notFoundResponse = response("404 Not Found",
                "{\"status\":\"error\",\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8), "");
        this.acceptor = new Thread(this::acceptLoop, "loopback-server-acceptor");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a server on a free port of 127.0.0.1.
     *
     * @return the running server
     */
    public static LoopbackServer start() {
        return start(Duration.ZERO);
    }

    /**
     * Starts a server on a free port of 127.0.0.1 that waits {@code latency} before each answer.
     *
     * @param latency how long each answer waits (zero: none)
     * @return the running server
     */
    public static LoopbackServer start(Duration latency) {
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            LoopbackServer server = new LoopbackServer(ss, latency.toMillis());
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + serverSocket.getLocalPort();
    }

    /** @return how many Brek send-event requests were answered */
    public long brekRequests() {
        return brekRequests.get();
    }

    /** @return how many Helvia send requests were answered */
    public long helviaRequests() {
        return helviaRequests.get();
    }

    /** @return how many other requests were answered (with 404) */
    public long otherRequests() {
        return otherRequests.get();
    }

    private static byte[] response(String status, byte[] body, String extraHeaders) {
        byte[] head = ("HTTP/1.1 " + status + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + extraHeaders
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            sockets.add(s);
            Thread t = new Thread(() -> serve(s), "loopback-server-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            Connection c = new Connection(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int headerEnd = c.readHead();
                if (headerEnd < 0) {
                    return; // the client closed the connection
                }
                int start = c.start;
                byte[] answer;
                if (startsWith(c.buf, start, headerEnd, POST_BREK)) {
                    brekRequests.incrementAndGet();
                    answer = brekResponse;
                } else if (startsWith(c.buf, start, headerEnd, POST_HELVIA)) {
                    helviaRequests.incrementAndGet();
                    answer = helviaResponse;
                } else {
                    otherRequests.incrementAndGet();
                    answer = notFoundResponse;
                }
                long contentLength = 0;
                boolean chunked = false;
                boolean close = false;
                int line = nextLine(c.buf, start, headerEnd); // skip the request line
                while (line < headerEnd - 2) {
                    int eol = nextLine(c.buf, line, headerEnd);
                    if (startsWithIgnoreCase(c.buf, line, eol, CONTENT_LENGTH)) {
                        contentLength = parseLong(c.buf, line + CONTENT_LENGTH.length, eol);
                    } else if (startsWithIgnoreCase(c.buf, line, eol, TRANSFER_ENCODING)) {
                        chunked = containsIgnoreCase(c.buf, line, eol, CHUNKED);
                    } else if (startsWithIgnoreCase(c.buf, line, eol, CONNECTION)) {
                        close = containsIgnoreCase(c.buf, line, eol, CLOSE);
                    }
                    line = eol;
                }
                c.start = headerEnd;
                if (chunked) {
                    c.skipChunkedBody();
                } else {
                    c.skip(contentLength);
                }
                if (latencyMillis > 0) {
                    try {
                        Thread.sleep(latencyMillis); // the server's think time
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                out.write(answer);
                if (close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // reset by the client, or closed by close()
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("loopback server: " + e);
            }
        } finally {
            sockets.remove(socket);
        }
    }

    /** Index just after the next CRLF at or after {@code from}, or {@code limit}. */
    private static int nextLine(byte[] b, int from, int limit) {
        for (int i = from; i < limit - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i + 2;
            }
        }
        return limit;
    }

    private static boolean startsWith(byte[] b, int from, int limit, byte[] prefix) {
        if (limit - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int from, int limit, byte[] lowerPrefix) {
        if (limit - from < lowerPrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length; i++) {
            if (lower(b[from + i]) != lowerPrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] b, int from, int limit, byte[] lowerNeedle) {
        for (int i = from; i <= limit - lowerNeedle.length; i++) {
            if (startsWithIgnoreCase(b, i, limit, lowerNeedle)) {
                return true;
            }
        }
        return false;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
    }

    private static long parseLong(byte[] b, int from, int limit) {
        long n = 0;
        for (int i = from; i < limit; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                n = n * 10 + (c - '0');
            }
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** A connection's read buffer: bytes in {@code [start, end)} are read but not yet consumed. */
    private static final class Connection {
        private final InputStream in;
        byte[] buf = new byte[16 * 1024];
        int start;
        int end;

        Connection(InputStream in) {
            this.in = in;
        }

        /** Reads until the buffer holds a whole request head; returns the index after its CRLFCRLF, or -1 at EOF. */
        int readHead() throws IOException {
            int scanFrom = start;
            while (true) {
                for (int i = Math.max(scanFrom, start); i <= end - 4; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                        return i + 4;
                    }
                }
                scanFrom = Math.max(start, end - 3);
                int before = start;
                if (!fill()) {
                    return -1;
                }
                scanFrom -= before - start; // fill() may have moved the bytes to the front
                if (end - start > MAX_HEADER_BYTES) {
                    throw new IOException("request head too large");
                }
            }
        }

        /** Reads more bytes, compacting or growing the buffer first when it is full; false at EOF. */
        boolean fill() throws IOException {
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else {
                    byte[] bigger = new byte[buf.length * 2];
                    System.arraycopy(buf, 0, bigger, 0, end);
                    buf = bigger;
                }
            } else if (start == end) {
                start = 0;
                end = 0;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                return false;
            }
            end += n;
            return true;
        }

        void skip(long n) throws IOException {
            while (n > 0) {
                if (start == end && !fill()) {
                    throw new IOException("body broke off");
                }
                int take = (int) Math.min(n, end - start);
                start += take;
                n -= take;
            }
        }

        /** Index just after the next CRLF from {@code start}, reading as needed. */
        int line() throws IOException {
            while (true) {
                for (int i = start; i < end - 1; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        return i + 2;
                    }
                }
                if (!fill()) {
                    throw new IOException("chunked body broke off");
                }
            }
        }

        void skipChunkedBody() throws IOException {
            while (true) {
                int eol = line();
                long size = 0;
                for (int i = start; i < eol - 2; i++) {
                    int d = Character.digit(buf[i], 16);
                    if (d < 0) {
                        break; // chunk extensions
                    }
                    size = size * 16 + d;
                }
                start = eol;
                if (size == 0) {
                    // trailers until an empty line
                    while (true) {
                        int t = line();
                        boolean empty = t - start == 2;
                        start = t;
                        if (empty) {
                            return;
                        }
                    }
                }
                skip(size + 2);
            }
        }
    }
}
