package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The one spec-checked server base of the clients' tests: a MockWebServer on 127.0.0.1 per test
 * (and more on demand), and the rule that every request a server receives is checked against the
 * vendor spec by swagger-request-validator — those a test takes with {@link #take()} at once, every
 * one it left on a server after the test. Subclasses add their client; their {@code @AfterEach}
 * (closing clients) runs before this one.
 */
public abstract class SpecCheckedServerTest {
    /** The main server of the test, started before each test. */
    protected MockWebServer server;
    /** Each server of the test, with the number of its requests checked so far. */
    private final Map<MockWebServer, int[]> checked = new LinkedHashMap<>();

    /** The spec every request is checked against. */
    protected abstract SpecValidator spec();

    @BeforeEach
    final void startTheSpecCheckedServer() throws IOException {
        server = newServer();
    }

    @AfterEach
    final void checkEveryRequestAgainstTheSpecAndStop() throws Exception {
        try {
            for (Map.Entry<MockWebServer, int[]> e : checked.entrySet()) {
                RecordedRequest left;
                while ((left = e.getKey().takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
                    spec().assertValidRequest(left);
                    e.getValue()[0]++;
                }
                assertEquals(e.getKey().getRequestCount(), e.getValue()[0], "every request was checked against the spec");
            }
        } finally {
            for (MockWebServer s : checked.keySet()) {
                s.shutdown();
            }
        }
    }

    /** Another server on loopback, checked and shut down like the main one. */
    protected MockWebServer newServer() throws IOException {
        MockWebServer s = new MockWebServer();
        s.start(InetAddress.getByName("127.0.0.1"), 0);
        checked.put(s, new int[1]);
        return s;
    }

    /** The next request the main server received, after it passed the spec validator. */
    protected RecordedRequest take() throws InterruptedException {
        return take(server);
    }

    /** The next request {@code from} received, after it passed the spec validator. */
    protected RecordedRequest take(MockWebServer from) throws InterruptedException {
        RecordedRequest r = from.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "a request reached the server");
        spec().assertValidRequest(r);
        int[] count = checked.get(from);
        if (count != null) {
            count[0]++;
        }
        return r;
    }
}
