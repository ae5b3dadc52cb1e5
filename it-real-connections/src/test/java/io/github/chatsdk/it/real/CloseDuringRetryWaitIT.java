package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.RateLimiter;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closing a client while a call waits between two attempts: the call sends nothing more, fails at
 * once, and its exception says whether an earlier attempt was delivered and whether it may have
 * been processed. The wait is a {@link Sleeper} that blocks until it is interrupted (synchronous)
 * or never completes (asynchronous), so only {@code close()} can end it; the server's log shows
 * that no further attempt arrived.
 */
class CloseDuringRetryWaitIT {
    private static NodeServer server;

    @BeforeAll
    static void start() {
        server = NodeServer.start("close-during-wait", "http", "http1.js", "--keep-alive-ms", "5000");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A sleeper whose waits end only when the client is closed. */
    static final class BlockingSleeper implements Sleeper {
        final CountDownLatch waiting = new CountDownLatch(1);
        final List<Duration> asked = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            asked.add(duration);
            waiting.countDown();
            new CountDownLatch(1).await(); // until close() interrupts the wait
        }

        @Override
        public CompletableFuture<Void> sleepAsync(Duration duration) {
            asked.add(duration);
            waiting.countDown();
            return new CompletableFuture<>(); // never completes: close() must end the call
        }
    }

    /** The first answer, and what the exception must say after it. */
    static Stream<Arguments> cases() {
        return Stream.of(false, true).flatMap(async -> Stream.of(
                // a 429 is a refusal: delivered, not processed
                Arguments.of(Op.BREK_CREATE_SESSION, async, "429"),
                Arguments.of(Op.HELVIA_MESSAGE, async, "429"),
                // a 503 to a keyed event: delivered, maybe processed, retried because it carries a key
                Arguments.of(Op.BREK_SEND_EVENT, async, "503"),
                // nothing listens: never delivered, retried after the backoff for every operation
                Arguments.of(Op.BREK_CREATE_SESSION, async, "refused"),
                // a rate limiter holds the first attempt: nothing was sent at all
                Arguments.of(Op.HELVIA_MESSAGE, async, "limiter")));
    }

    @ParameterizedTest(name = "{0}, async: {1}, first answer: {2}")
    @MethodSource("cases")
    void closingTheClientDuringTheWaitSendsNoFurtherAttemptAndSaysWhatTheFirstOneDid(Op op, boolean async,
            String first) throws Exception {
        String id = "close-" + op + "-" + async + "-" + first;
        String baseUrl = server.baseUrl();
        if (first.equals("429")) {
            server.plan(id, NodeServer.rateLimited("1"));
        } else if (first.equals("503")) {
            server.plan(id, NodeServer.serverError(503));
        } else {
            baseUrl = "http://127.0.0.1:" + unusedPort();
        }
        BlockingSleeper sleeper = new BlockingSleeper();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RateLimiter holdEverything = attempt -> Duration.ofSeconds(10);
        Clients c = Clients.on(baseUrl, Clients.with(b -> first.equals("limiter")
                ? b.sleeper(sleeper).rateLimiter(holdEverything) : b.sleeper(sleeper)));
        Thread caller = new Thread(() -> {
            try {
                op.call(c, Op.tagged(id, RequestOptions.defaults()), id, async);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "caller-" + id);
        caller.start();
        assertTrue(sleeper.waiting.await(20, TimeUnit.SECONDS), "the call never waited to retry");
        c.close();
        caller.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(caller.isAlive(), "the call did not end when the client was closed");

        Throwable t = thrown.get();
        assertNotNull(t, "the call succeeded");
        assertTrue(t instanceof ConnectionException, t.toString());
        ConnectionException e = (ConnectionException) t;
        String m = e.getMessage();
        int attempts = first.equals("limiter") ? 0 : 1;
        assertTrue(m.startsWith("The client was closed while the call waited "
                + (attempts == 0 ? "for the rate limiter, after 0 attempts" : "to retry, after 1 attempt")
                + ", and sent nothing more"), m);
        assertEquals(attempts, e.attempts());
        assertEquals(1, sleeper.asked.size(), "one wait, ended by close()");
        switch (first) {
            case "429":
                assertFalse(e.outcomeUnknown(), m);
                assertTrue(m.contains("refused unprocessed (HTTP 429)"), m);
                break;
            case "503":
                assertTrue(e.outcomeUnknown(), m);
                assertTrue(m.contains("an earlier attempt was delivered (HTTP 503 to attempt 1), so the outcome is"
                        + " unknown"), m);
                assertTrue(m.contains("resend with idempotency key " + e.idempotencyKey().orElseThrow()), m);
                break;
            default:
                assertFalse(e.outcomeUnknown(), m);
                assertTrue(m.endsWith("the request was not delivered"), m);
        }
        if (!first.equals("refused")) {
            server.sync();
            List<JsonObject> requests = server.requests(id);
            assertEquals(attempts, requests.size(), "attempts the server received: none after close()");
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
