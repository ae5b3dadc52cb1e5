package io.github.chatsdk.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
 * then died, the outcome would be unknown. So before a request goes out on a connection that has
 * carried an exchange before and has been idle for at least {@value #IDLE_CHECK_MILLIS} ms, this
 * interceptor reads the socket for at most 1 ms: nothing to read means the connection is alive; an
 * end of stream, a reset, or any unexpected byte means the server has closed it (an idle HTTP/1.1
 * server sends nothing unasked). Then the socket is closed (OkHttp drops it from the pool) and the
 * attempt fails with {@link StaleConnectionException} before a single byte of the request was
 * written: the request was certainly not delivered, so the transport sends it again, at once, on a
 * fresh connection, whatever the operation.
 *
 * <p>HTTP/2 connections are not probed: OkHttp reads them all the time and learns of a closed
 * connection (FIN or GOAWAY) as it happens.
 *
 * <p>It also marks the attempt's {@link AttemptState}: a failure before this interceptor ran
 * happened before any connection existed (refused, DNS, connect timeout, TLS handshake): the request
 * was not delivered.
 */
final class ConnectionGuard implements Interceptor {
    /** Connections idle for less than this are used without a probe: too soon for a FIN to matter. */
    static final long IDLE_CHECK_MILLIS = 2;

    /** When each connection that carried an exchange last finished one; weak: the pool owns them. */
    private final Map<Connection, Long> lastUsed = new WeakHashMap<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AttemptState state = request.tag(AttemptState.class);
        Connection connection = chain.connection();
        if (state != null) {
            state.connected = true;
        }
        if (connection != null) {
            Long last;
            synchronized (lastUsed) {
                last = lastUsed.get(connection);
            }
            if (last != null) {
                if (state != null) {
                    state.reused = true;
                }
                long idleMillis = (System.nanoTime() - last) / 1_000_000;
                if (idleMillis >= IDLE_CHECK_MILLIS && connection.protocol() != Protocol.HTTP_2
                        && closedByPeer(connection.socket())) {
                    synchronized (lastUsed) {
                        lastUsed.remove(connection);
                    }
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
                synchronized (lastUsed) {
                    lastUsed.put(connection, System.nanoTime());
                }
            }
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
     * transport when the attempt fails. Carried as a tag on the attempt's request.
     */
    static final class AttemptState {
        /** A connection was established (or taken from the pool) and the request was about to be written. */
        volatile boolean connected;
        /** The connection had carried an exchange before. */
        volatile boolean reused;
        /** Response headers arrived. */
        volatile boolean responded;
    }
}
