package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.internal.transport.Transport;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §5: a message (a POST, not idempotent) is resent only when it certainly never reached the
 * server; the health check (a GET) is retried on connection failures, 408, 429 and 5xx.
 */
class HelviaRetryTest extends HelviaServerTest {

    /** An OkHttpClient whose first {@code failures} calls fail before anything is sent, as a refused connection does. */
    private static OkHttpClient refusingFirst(int failures, AtomicInteger calls) {
        return new OkHttpClient.Builder().addInterceptor(chain -> {
            if (calls.incrementAndGet() <= failures) {
                throw new ConnectException("Connection refused");
            }
            return chain.proceed(chain.request());
        }).build();
    }

    @Test
    void aMessageThatNeverReachedTheServerIsResent() throws Exception {
        enqueueReply();
        AtomicInteger calls = new AtomicInteger();
        try (HelviaClient c = builder().okHttpClient(refusingFirst(1, calls)).build()) {
            AgentReply reply = c.messages().send(HelviaMessage.text("hi").sender("u1"));
            assertEquals(2, reply.meta().attempts());
        }
        RecordedRequest r = take();
        assertEquals("1", r.getHeader(Transport.RETRY_COUNT_HEADER));
        assertEquals(1, server.getRequestCount(), "the server saw the message once");
        assertEquals(1, sleeps.size());
    }

    @Test
    void aMessageThatNeverConnectsFailsAfterTheRetriesAndSaysItWasNotDelivered() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (HelviaClient c = builder().baseUrl("http://127.0.0.1:" + port).maxRetries(2).build()) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> c.messages().send(HelviaMessage.text("hi")));
            assertFalse(e.outcomeUnknown(), "the request certainly did not reach the server");
            assertEquals(3, e.attempts());
            assertTrue(e.getMessage().startsWith("Could not connect after 3 attempts"), e.getMessage());
        }
        assertEquals(2, sleeps.size());
    }

    @Test
    void aMessageWhoseConnectionBrokeAfterSendingIsNotResent() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        enqueueReply(); // would be consumed by a (wrong) retry
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> client.messages().send(HelviaMessage.text("hi").sender("u1")));
        take();
        assertTrue(e.outcomeUnknown(), "the agent may have received the message");
        assertEquals(1, e.attempts());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
        assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
    }

    @Test
    void aMessageThatTimedOutIsNotResent() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (HelviaClient c = builder().readTimeout(Duration.ofMillis(200)).build()) {
            ApiTimeoutException e = assertThrows(ApiTimeoutException.class, () -> c.messages().send(HelviaMessage.text("hi")));
            assertTrue(e.outcomeUnknown());
            assertEquals(1, e.attempts());
        }
        take();
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aMessageAnswered503IsNotResentButOneAnswered429IsAfterItsRetryAfter() throws Exception {
        enqueueJson(503, "{\"status\":\"error\",\"error\":\"busy\"}");
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        enqueueReply();
        assertThrows(InternalServerException.class, () -> client.messages().send(HelviaMessage.text("hi")));
        assertTrue(sleeps.isEmpty(), "a 503 may come after the agent processed the message: not resent");
        AgentReply reply = client.messages().send(HelviaMessage.text("hi"));
        assertEquals(2, reply.meta().attempts(), "a 429 refused the message before processing it: resent");
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
        take();
        take();
        take();
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void theHealthCheckIsRetriedOnServerErrors() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(502));
        enqueueOk("{\"status\":\"ok\"}");
        HealthStatus h = client.health().check();
        assertTrue(h.isOk());
        assertEquals(3, h.meta().attempts());
        assertNull(take().getHeader(Transport.RETRY_COUNT_HEADER));
        assertEquals("1", take().getHeader(Transport.RETRY_COUNT_HEADER));
        RecordedRequest third = take();
        assertEquals("2", third.getHeader(Transport.RETRY_COUNT_HEADER));
        assertNull(third.getHeader("Authorization"), "no credential on any attempt");
        assertEquals(2, sleeps.size());
    }

    @Test
    void theHealthCheckIsRetriedWhenTheConnectionBreaks() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        enqueueOk("{\"status\":\"ok\"}");
        assertTrue(client.health().check().isOk());
        take();
        take();
    }

    @Test
    void theHealthCheckHonoursRetryAfter() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
        enqueueOk("{\"status\":\"ok\"}");
        assertTrue(client.health().check().isOk());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
        take();
        take();
    }

    @Test
    void theHealthCheckGivesUpAfterMaxRetries() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(500));
        }
        try (HelviaClient c = builder().maxRetries(1).build()) {
            InternalServerException e = assertThrows(InternalServerException.class, () -> c.health().check());
            assertEquals(2, e.attempts());
            assertTrue(e.getMessage().endsWith("after 2 attempts"), e.getMessage());
        }
        take();
        take();
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retriesCanBeTurnedOff() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        try (HelviaClient c = builder().maxRetries(0).build()) {
            assertInstanceOf(InternalServerException.class, assertThrows(InternalServerException.class, () -> c.health().check()));
        }
        take();
        assertTrue(sleeps.isEmpty());
    }
}
