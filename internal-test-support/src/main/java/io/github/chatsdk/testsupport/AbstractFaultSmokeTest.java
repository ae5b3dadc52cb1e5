package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.UnexpectedStatusException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestFactory;

/**
 * A smoke run of a few fault rows through a client's own operations, synchronous and asynchronous:
 * proof that the client is wired to the core's transport (its operations' retry safety, credential
 * header, idempotency key, response mapping and redirect policy). The rows themselves, all of them,
 * are proven once in sdk-core ({@code FaultMatrixTest}, {@code RedirectSecurityTest}) over
 * synthetic operations; a client runs this one class, with one method.
 *
 * <p>Rows: 429 then 200 (resent once after {@code Retry-After}, for every operation); 503 then 200
 * (retried only when retry-safe); a disconnect after the request (retried only when retry-safe,
 * otherwise the outcome is unknown); an HTML 200 (malformed, not retried); a redirect to another port
 * (not followed, the target receives nothing). Every run checks the retry-count headers, the
 * credential on every attempt, the same idempotency key on every attempt, and a log without the
 * credential.
 */
public abstract class AbstractFaultSmokeTest {
    /** Creates the test. */
    protected AbstractFaultSmokeTest() {
    }

    /**
     * The client's operations to smoke-test, each named, typically one retry-safe and one
     * non-retry-safe operation, each synchronously and through the asynchronous view.
     *
     * @return the named operations
     */
    protected abstract List<Named<OperationUnderTest<?, ?>>> operations();

    /**
     * Every smoke row for every operation.
     *
     * @return the runs
     */
    @TestFactory
    Stream<DynamicTest> aFewFaultRowsEndAsTheCoreMatrixSaysThroughThisClientsOwnOperations() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Named<OperationUnderTest<?, ?>> op : operations()) {
            tests.add(DynamicTest.dynamicTest("429 then 200 is resent once after Retry-After: " + op.getName(),
                    () -> rateLimitedThenOk(op.getPayload())));
            tests.add(DynamicTest.dynamicTest("503 then 200 is retried only when retry-safe: " + op.getName(),
                    () -> unavailableThenOk(op.getPayload())));
            tests.add(DynamicTest.dynamicTest("a disconnect after the request is retried only when retry-safe: "
                    + op.getName(), () -> disconnectThenOk(op.getPayload())));
            tests.add(DynamicTest.dynamicTest("an HTML 200 is malformed and not retried: " + op.getName(),
                    () -> htmlSuccess(op.getPayload())));
            tests.add(DynamicTest.dynamicTest("a redirect to another port is not followed: " + op.getName(),
                    () -> redirectElsewhere(op.getPayload())));
        }
        return tests.stream();
    }

    private static <C extends AutoCloseable, R> void rateLimitedThenOk(OperationUnderTest<C, R> op) throws Exception {
        try (Bench<C, R> b = new Bench<>(op)) {
            b.server.enqueue(Faults.rateLimited(Duration.ofSeconds(1)));
            b.server.enqueue(Faults.json(200, op.successBody()));
            R result = b.call();
            assertEquals(2, op.metaOf(result).attempts());
            b.assertAttempts(2, op.keyReported(result));
            assertEquals(List.of(Duration.ofSeconds(1)), b.sleeper.delays());
        }
    }

    private static <C extends AutoCloseable, R> void unavailableThenOk(OperationUnderTest<C, R> op) throws Exception {
        try (Bench<C, R> b = new Bench<>(op)) {
            b.server.enqueue(Faults.jsonError(503, "upstream failed"));
            b.server.enqueue(Faults.json(200, op.successBody()));
            if (op.retrySafe()) {
                R result = b.call();
                assertEquals(2, op.metaOf(result).attempts());
                b.assertAttempts(2, op.keyReported(result));
                FaultAssertions.assertBackoff(b.sleeper.delays(), 1, Duration.ofMillis(500));
            } else {
                InternalServerException e = assertThrows(InternalServerException.class, b::call);
                assertEquals(503, e.statusCode());
                assertEquals(Optional.of("upstream failed"), e.errorMessage(), "the client's error parser read the body");
                b.assertFailure(e, 1);
                assertEquals(List.of(), b.sleeper.delays());
            }
        }
    }

    private static <C extends AutoCloseable, R> void disconnectThenOk(OperationUnderTest<C, R> op) throws Exception {
        try (Bench<C, R> b = new Bench<>(op)) {
            b.server.enqueue(Faults.disconnectAfterRequest());
            b.server.enqueue(Faults.json(200, op.successBody()));
            if (op.retrySafe()) {
                R result = b.call();
                assertEquals(2, op.metaOf(result).attempts());
                b.assertAttempts(2, op.keyReported(result));
            } else {
                ConnectionException e = assertThrows(ConnectionException.class, b::call);
                assertTrue(e.outcomeUnknown());
                b.assertFailure(e, 1);
            }
        }
    }

    private static <C extends AutoCloseable, R> void htmlSuccess(OperationUnderTest<C, R> op) throws Exception {
        try (Bench<C, R> b = new Bench<>(op)) {
            b.server.enqueue(Faults.html(200));
            MalformedResponseException e = assertThrows(MalformedResponseException.class, b::call);
            assertTrue(e.getMessage().contains("text/html"), e.getMessage());
            b.assertFailure(e, 1);
            assertEquals(List.of(), b.sleeper.delays());
        }
    }

    private static <C extends AutoCloseable, R> void redirectElsewhere(OperationUnderTest<C, R> op) throws Exception {
        try (Bench<C, R> b = new Bench<>(op); MockWebServer target = new MockWebServer()) {
            target.start();
            String elsewhere = target.url("/api/elsewhere").newBuilder().host("127.0.0.1").build().toString();
            b.server.enqueue(Faults.redirect(307, elsewhere));
            target.enqueue(Faults.json(200, op.successBody()));
            UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class, b::call);
            assertEquals(307, e.statusCode());
            assertTrue(e.getMessage().contains("Redirect not followed"), e.getMessage());
            b.assertFailure(e, 1);
            assertEquals(0, target.getRequestCount(), "the other origin received a request");
        }
    }

    /** One run's server, sleeper, log and client. */
    private static final class Bench<C extends AutoCloseable, R> implements AutoCloseable {
        final OperationUnderTest<C, R> op;
        final MockWebServer server = new MockWebServer();
        final RecordingSleeper sleeper = new RecordingSleeper();
        final LogCapture log = LogCapture.start();
        final C client;

        Bench(OperationUnderTest<C, R> op) throws Exception {
            this.op = op;
            server.start();
            String base = server.url("/").newBuilder().host("127.0.0.1").build().toString();
            client = op.newClient(ClientSettings.of(base, sleeper, new MutableClock()));
        }

        R call() {
            return op.call(client, RequestOptions.defaults());
        }

        void assertFailure(ChatSdkException e, int attempts) throws InterruptedException {
            assertEquals(attempts, e.attempts(), "attempts reported on the exception");
            assertAttempts(attempts, e.idempotencyKey());
            if (op.credential() != null) {
                assertFalse(String.valueOf(e.getMessage()).contains(op.credential()), "the message has the credential");
            }
        }

        void assertAttempts(int n, Optional<String> keyReported) throws InterruptedException {
            assertEquals(n, server.getRequestCount(), "attempts that reached the server");
            List<RecordedRequest> requests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
                assertNotNull(r, "request " + (i + 1));
                requests.add(r);
                if (op.credentialHeader() != null) {
                    String value = r.getHeader(op.credentialHeader());
                    assertTrue(value != null && value.endsWith(op.credential()), "credential on attempt " + (i + 1));
                }
            }
            FaultAssertions.assertRetryCountHeaders(requests);
            String first = op.keySent(requests.get(0));
            for (RecordedRequest r : requests) {
                assertEquals(first, op.keySent(r), "every attempt carries the same idempotency key");
            }
            if (first != null) {
                assertEquals(Optional.of(first), keyReported, "the outcome reports the key that was sent");
            }
        }

        @Override
        public void close() throws Exception {
            try {
                client.close();
                server.shutdown();
            } finally {
                log.close();
            }
            if (op.credential() != null) {
                assertFalse(log.text().contains(op.credential()), "the log contains the credential");
            }
        }
    }
}
