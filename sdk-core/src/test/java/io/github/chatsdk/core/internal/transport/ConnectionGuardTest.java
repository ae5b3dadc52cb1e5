package io.github.chatsdk.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The probe of an idle pooled HTTP/1.1 connection, on real loopback sockets: a peer that closed
 * (FIN) or reset (RST) the connection is found, a live one is left alone and stays usable; and
 * which reuses are probed.
 */
class ConnectionGuardTest {
    private static final InetSocketAddress SERVER = InetSocketAddress.createUnresolved("example.test", 443);

    /** A connected pair: [0] the client side, [1] the server side. */
    private static Socket[] pair(ServerSocket listener) throws IOException {
        Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket server = listener.accept();
        return new Socket[] {client, server};
    }

    private static ServerSocket listener() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @Test
    void aConnectionThePeerClosedWithAFinIsFoundClosedAndClosedHere() throws IOException {
        try (ServerSocket l = listener()) {
            Socket[] s = pair(l);
            s[1].close();
            assertTrue(probeEventually(s[0]), "a FIN");
            assertTrue(s[0].isClosed(), "the probe closes the dead socket, so the pool drops it");
        }
    }

    @Test
    void aConnectionThePeerResetIsFoundClosed() throws IOException {
        try (ServerSocket l = listener()) {
            Socket[] s = pair(l);
            s[1].setSoLinger(true, 0);
            s[1].close();
            assertTrue(probeEventually(s[0]), "a RST");
        }
    }

    @Test
    void aLiveConnectionIsLeftOpenWithItsTimeoutAndStillCarriesData() throws IOException {
        try (ServerSocket l = listener()) {
            Socket[] s = pair(l);
            s[0].setSoTimeout(1234);
            assertFalse(ConnectionGuard.closedByPeer(s[0]));
            assertFalse(s[0].isClosed());
            assertTrue(s[0].getSoTimeout() == 1234, "the read timeout is restored");
            s[1].getOutputStream().write('x');
            assertTrue(s[0].getInputStream().read() == 'x', "no byte was consumed by the probe");
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void anUnexpectedByteFromAnIdleServerMeansTheConnectionCannotCarryARequest() throws IOException {
        try (ServerSocket l = listener()) {
            Socket[] s = pair(l);
            s[1].getOutputStream().write("HTTP/1.1 408 Request Timeout\r\n\r\n".getBytes("US-ASCII"));
            assertTrue(probeEventually(s[0]));
            s[1].close();
        }
    }

    /**
     * The FIN or RST travels through the loopback device: give the kernel a few probes (each waits
     * at most 1 ms) before concluding.
     */
    private static boolean probeEventually(Socket client) {
        for (int i = 0; i < 1000; i++) {
            if (ConnectionGuard.closedByPeer(client)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aConnectionIsProbedAfterATenthOfASecondIdleOnItsFirstReuseAndAlwaysForAServerSeenClosingEagerly() {
        ConnectionGuard guard = new ConnectionGuard(new Attempts());
        assertTrue(guard.mustProbe(100, 5, SERVER), "idle long enough for a server's timer");
        assertFalse(guard.mustProbe(99, 5, SERVER), "calls in quick succession pay nothing");
        assertTrue(guard.mustProbe(0, 1, SERVER), "first reuse, however soon");
        assertFalse(guard.mustProbe(0, 2, SERVER), "a connection that was reused before, back to back");
        guard.rememberEagerCloser(SERVER);
        assertTrue(guard.mustProbe(0, 7, SERVER), "a server that closes right after answering");
        assertFalse(guard.mustProbe(0, 7, InetSocketAddress.createUnresolved("other.test", 443)));
    }
}
