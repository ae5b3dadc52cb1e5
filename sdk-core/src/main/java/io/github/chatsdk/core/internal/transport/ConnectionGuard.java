package io.github.chatsdk.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor that tells an attempt which connection it got, and that keeps a request
 * off a pooled HTTP/1.1 connection the server has already closed.
 *
 * <p>Servers close idle keep-alive connections on their own schedule (Node after 5 s, gunicorn after
 * 2 s, many proxies right after a response), usually with a FIN, sometimes with a RST. OkHttp keeps
 * such a connection in its pool and, unless it was idle for 10 s or more, hands it to the next
 * request without looking; the request is written into a dead socket and fails with "unexpected end
 * of stream", and since the client cannot tell that failure from a server that read the request and
 * then died, the outcome would be unknown. So before a request goes out on a pooled connection that
 * {@linkplain #mustProbe must be probed} (idle for {@value #IDLE_CHECK_MILLIS} ms or more, or on its
 * first reuse, or to a server seen closing connections right after answering), this interceptor
 * reads the socket for at most 1 ms: nothing to read means the connection is alive; an end of
 * stream, a reset, or any unexpected byte means the server has closed it (an idle HTTP/1.1 server
 * sends nothing unasked). Then the socket is closed (OkHttp drops it from the pool) and the attempt
 * fails with {@link StaleConnectionException} before a single byte of the request was written: the
 * request was certainly not delivered, so the transport sends it again, at once, on another
 * connection, whatever the operation.
 *
 * <p>What remains is a race no client can close: a server whose idle timer fires in the instant
 * between the probe and the request's arrival. Then the failure is reported as it is: the request
 * may have been delivered, and is resent only when that is safe.
 *
 * <p>HTTP/2 connections are not probed: OkHttp reads them all the time and learns of a closed
 * connection (FIN or GOAWAY) as it happens.
 *
 * <p>It also marks the attempt's {@link AttemptState}: a failure before this interceptor ran
 * happened before any connection existed (refused, DNS, connect timeout, TLS handshake): the request
 * was not delivered.
 */
final class ConnectionGuard implements Interceptor {
    /**
     * Connections idle for less than this are used without a probe, unless {@link #mustProbe} says
     * otherwise: far shorter than any server's idle timeout in practice (1 s and more), long enough
     * that calls in quick succession, even on a busy machine, pay nothing, and that a probe (1 ms
     * when the connection is alive) costs at most 1% of the pause before it.
     */
    static final long IDLE_CHECK_MILLIS = 100;
    /**
     * A connection found closed by the server after carrying a single exchange and less than this
     * idle marks its server as one that closes connections right after answering.
     */
    static final long EAGER_CLOSE_MILLIS = 1000;
    /** How many servers that close eagerly are remembered (a client talks to one or two). */
    private static final int MAX_EAGER_CLOSERS = 64;

    /** Where the guard finds the state of the attempt it handles. */
    private final Attempts attempts;
    /** Drops the idle connections of the client's own pool; nothing for a caller's pool. */
    private volatile Runnable evictIdle = () -> { };

    /** What this guard knows of each connection that carried an exchange; weak: the pool owns them. */
    private final Map<Connection, Usage> usage = new WeakHashMap<>();
    /** The servers (address and port) that closed a connection right after its first answer. */
    private final Map<InetSocketAddress, Boolean> eagerClosers = new LinkedHashMap<InetSocketAddress, Boolean>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Boolean> eldest) {
            return size() > MAX_EAGER_CLOSERS;
        }
    };

    /** When a connection last finished an exchange, and how many it carried. */
    private static final class Usage {
        long lastEndNanos;
        int exchanges;
    }

    ConnectionGuard(Attempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AttemptState state = attempts.of(chain);
        Connection connection = chain.connection();
        if (state != null) {
            state.connected = true;
        }
        if (connection != null) {
            long lastEnd;
            int exchanges;
            synchronized (usage) {
                Usage u = usage.get(connection);
                lastEnd = u == null ? 0 : u.lastEndNanos;
                exchanges = u == null ? 0 : u.exchanges;
            }
            if (exchanges > 0) {
                if (state != null) {
                    state.reused = true;
                }
                long idleMillis = (System.nanoTime() - lastEnd) / 1_000_000;
                InetSocketAddress server = connection.route().socketAddress();
                if (connection.protocol() != Protocol.HTTP_2 && stale(connection.socket(), idleMillis, exchanges, server)) {
                    synchronized (usage) {
                        usage.remove(connection);
                    }
                    if (exchanges == 1 && idleMillis < EAGER_CLOSE_MILLIS) {
                        rememberEagerCloser(server);
                    }
                    // the other idle connections have likely been closed by the same timer: the
                    // resend should not have to find them one by one
                    evictIdle.run();
                    throw new StaleConnectionException(idleMillis);
                }
            }
        }
        try {
            Response response = chain.proceed(request);
            if (state != null) {
                state.responded = true;
            }
            return response;
        } finally {
            if (connection != null) {
                synchronized (usage) {
                    Usage u = usage.computeIfAbsent(connection, c -> new Usage());
                    u.lastEndNanos = System.nanoTime();
                    u.exchanges++;
                }
            }
        }
    }

    /**
     * Whether a pooled HTTP/1.1 connection must be probed before it carries a request. A probe of a
     * live connection costs a 1 ms read timeout; a closed one is found at once. So a connection is
     * probed when it has been idle for {@value #IDLE_CHECK_MILLIS} ms or more (anything shorter is
     * too soon for a server's idle timer), and also, however short the pause, on its first reuse
     * (once per connection: a server that closes right after each answer, without
     * {@code Connection: close}, sends its FIN right behind the response, so it is usually caught
     * within the 1 ms) and on every reuse of a connection to a server that was seen doing so.
     */
    boolean mustProbe(long idleMillis, int exchanges, InetSocketAddress server) {
        return idleMillis >= IDLE_CHECK_MILLIS || exchanges == 1 || isEagerCloser(server);
    }

    /**
     * Whether a pooled connection cannot carry the request. A connection to a server seen closing
     * connections right after answering is not reused at all: its FIN may still be on the way when a
     * probe looks (seen on a loaded machine: a back-to-back call 1 ms after the answer), so it is
     * closed and the request goes out on a fresh connection. Any other connection is probed when
     * {@link #mustProbe} says so.
     */
    private boolean stale(Socket socket, long idleMillis, int exchanges, InetSocketAddress server) {
        if (!mustProbe(idleMillis, exchanges, server)) {
            return false;
        }
        if (isEagerCloser(server)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
            return true;
        }
        return closedByPeer(socket);
    }

    private boolean isEagerCloser(InetSocketAddress server) {
        synchronized (eagerClosers) {
            return eagerClosers.containsKey(server);
        }
    }

    /**
     * What to run when a stale connection is found: drop the pool's idle connections, when the pool
     * is the client's own (OkHttp's {@code evictAll()} closes only connections no call holds).
     */
    void onStale(Runnable evictIdle) {
        this.evictIdle = evictIdle;
    }

    /** Remembers a server that closed a connection right after its first answer: its connections are always probed. */
    void rememberEagerCloser(InetSocketAddress server) {
        synchronized (eagerClosers) {
            eagerClosers.put(server, Boolean.TRUE);
        }
    }

    /**
     * Whether the peer has closed this idle socket: a read of at most 1 ms that finds an end of
     * stream, a reset or any byte. The socket is closed when it has been.
     */
    static boolean closedByPeer(Socket socket) {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return true;
        }
        int timeout;
        try {
            timeout = socket.getSoTimeout();
        } catch (IOException e) {
            return true;
        }
        boolean closed;
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            in.read(); // -1 (FIN) or an unexpected byte: either way the connection cannot carry a request
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false; // nothing to read: alive
        } catch (IOException e) {
            closed = true; // reset
        } finally {
            try {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(timeout);
                }
            } catch (IOException ignored) {
                // the socket is gone: it will be found closed
            }
        }
        if (closed) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
        return closed;
    }

    /** The attempt failed before the request was written: its pooled connection had been closed by the server. */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException(long idleMillis) {
            super("the pooled connection had been closed by the server after " + idleMillis + " ms idle; the request"
                    + " was not written");
        }
    }

    /**
     * What the network layer learned about one attempt: set by {@link ConnectionGuard}, read by the
     * transport when the attempt fails. Found by the interceptors through {@link Attempts}.
     */
    static final class AttemptState {
        /** The call's own connect, read and write timeouts, or {@code null} for the client's. */
        final RequestTimeouts.Overrides timeouts;
        /** A connection was established (or taken from the pool) and the request was about to be written. */
        volatile boolean connected;
        /** The connection had carried an exchange before. */
        volatile boolean reused;
        /** Response headers arrived. */
        volatile boolean responded;
        /**
         * The transport cancelled the attempt's call (the caller cancelled the future, or the client
         * was closed). Kept here because {@code Call.isCanceled()} cannot tell: OkHttp also cancels a
         * call whose whole-call timeout expired.
         */
        volatile boolean canceled;

        AttemptState() {
            this(null);
        }

        AttemptState(RequestTimeouts.Overrides timeouts) {
            this.timeouts = timeouts;
        }
    }
}
