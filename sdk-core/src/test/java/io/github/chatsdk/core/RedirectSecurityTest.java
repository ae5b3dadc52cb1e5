package io.github.chatsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.FaultMatrixTest.Driver;
import io.github.chatsdk.core.FaultMatrixTest.Kind;
import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.LogCapture;
import io.github.chatsdk.testsupport.MutableClock;
import io.github.chatsdk.testsupport.RecordingSleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A credential never leaves the configured origin (scheme, host and port) on a redirect, while the
 * client logs at DEBUG: a redirect to another port, to the same server under another host name, or
 * from {@code https} to {@code http} is not followed and the target receives nothing; a redirect
 * within the origin is followed, and is not a retry. Each row runs for both drivers and both kinds
 * of synthetic operation of {@link ListenerTestClient}. After every run the DEBUG log shows the
 * credential header redacted and never the credential.
 */
class RedirectSecurityTest {
    private static final HeldCertificate LOCALHOST_CERT = new HeldCertificate.Builder()
            .addSubjectAlternativeName("localhost").commonName("localhost").build();

    private MockWebServer origin;
    private MockWebServer target;
    private MockWebServer secure;
    private LogCapture log;
    private RecordingSleeper sleeper;
    private ListenerTestClient client;

    @BeforeEach
    void startServers() throws Exception {
        origin = new MockWebServer();
        target = new MockWebServer();
        origin.start();
        target.start();
        sleeper = new RecordingSleeper();
        log = LogCapture.start();
    }

    @AfterEach
    void stopServers() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            origin.shutdown();
            target.shutdown();
            if (secure != null) {
                secure.shutdown();
            }
        } finally {
            log.close();
        }
        String text = log.text();
        assertFalse(text.contains(ListenerTestClient.API_KEY), "the DEBUG log contains the credential");
        assertTrue(text.contains("X-Api-Key: [redacted]"), "the DEBUG log shows the credential header, redacted");
    }

    /** One redirect row. */
    @FunctionalInterface
    interface RedirectRow {
        void run(RedirectSecurityTest t, Driver driver, Kind kind) throws Exception;
    }

    static Stream<Arguments> runs() {
        List<Arguments> rows = new ArrayList<>();
        for (int code : new int[] {301, 302, 303, 307, 308}) {
            rows.add(row("HTTP " + code + " to another port is not followed and the target receives nothing",
                    (t, d, k) -> t.redirectToAnotherPort(code, d, k)));
        }
        rows.add(row("a redirect to the same server under another host name is not followed",
                RedirectSecurityTest::redirectToAnotherHostName));
        for (int code : new int[] {302, 307}) {
            rows.add(row("HTTP " + code + " from https to http is not followed",
                    (t, d, k) -> t.redirectFromHttpsToHttp(code, d, k)));
        }
        rows.add(row("a redirect within the origin is followed with the credential",
                RedirectSecurityTest::redirectWithinTheOrigin));
        List<Arguments> runs = new ArrayList<>();
        for (Arguments row : rows) {
            for (Driver driver : Driver.values()) {
                for (Kind kind : Kind.values()) {
                    runs.add(Arguments.of(row.get()[0], row.get()[1], driver, kind));
                }
            }
        }
        return runs.stream();
    }

    private static Arguments row(String name, RedirectRow row) {
        return Arguments.of(name, row);
    }

    @ParameterizedTest(name = "{0} [{2}, {3}]")
    @MethodSource("runs")
    void aCredentialNeverLeavesTheOriginOnARedirect(String name, RedirectRow row, Driver driver, Kind kind)
            throws Exception {
        row.run(this, driver, kind);
    }

    private void redirectToAnotherPort(int code, Driver driver, Kind kind) throws InterruptedException {
        origin.enqueue(Faults.redirect(code, onLoopbackIp(target.url("/api/elsewhere"))));
        target.enqueue(Faults.json(200, FaultMatrixTest.SUCCESS));
        client(onLoopbackIp(origin.url("/")), null);
        UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class, () -> call(driver, kind));
        assertEquals(code, e.statusCode());
        assertTrue(e.getMessage().contains("Redirect not followed"), e.getMessage());
        assertTrue(e.getMessage().contains(onLoopbackIp(target.url("/api/elsewhere"))), e.getMessage());
        assertEquals(1, e.attempts());
        assertEquals(0, target.getRequestCount(), "the other origin received a request");
        assertEquals(List.of(), sleeper.delays(), "a redirect is not retried");
        assertCredentialOnly(origin, 1);
    }

    private void redirectToAnotherHostName(Driver driver, Kind kind) throws InterruptedException {
        HttpUrl base = origin.url("/");
        String otherHost = base.host().equals("localhost") ? "127.0.0.1" : "localhost";
        origin.enqueue(Faults.redirect(307, base.newBuilder().host(otherHost).encodedPath("/api/x").build().toString()));
        origin.enqueue(Faults.json(200, FaultMatrixTest.SUCCESS));
        client(base.toString(), null);
        UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class, () -> call(driver, kind));
        assertEquals(307, e.statusCode());
        assertCredentialOnly(origin, 1);
    }

    private void redirectFromHttpsToHttp(int code, Driver driver, Kind kind) throws Exception {
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(LOCALHOST_CERT).build();
        HandshakeCertificates clientCerts = new HandshakeCertificates.Builder()
                .addTrustedCertificate(LOCALHOST_CERT.certificate()).build();
        secure = new MockWebServer();
        secure.useHttps(serverCerts.sslSocketFactory(), false);
        secure.start();
        HttpUrl base = secure.url("/");
        assertEquals("https", base.scheme());
        secure.enqueue(Faults.redirect(code, target.url("/api/plain").newBuilder().host("localhost").build().toString()));
        target.enqueue(Faults.json(200, FaultMatrixTest.SUCCESS));
        client(base.newBuilder().host("localhost").build().toString(), clientCerts);
        UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class, () -> call(driver, kind));
        assertEquals(code, e.statusCode());
        assertTrue(e.getMessage().contains("Redirect not followed"), e.getMessage());
        assertEquals(0, target.getRequestCount(), "the plain-http target received a request");
        assertCredentialOnly(secure, 1);
    }

    private void redirectWithinTheOrigin(Driver driver, Kind kind) throws InterruptedException {
        origin.enqueue(Faults.redirect(307, "/api/moved"));
        origin.enqueue(Faults.json(200, FaultMatrixTest.SUCCESS));
        client(origin.url("/").toString(), null);
        ListenerTestClient.Reply reply = call(driver, kind);
        assertEquals(1, reply.meta.attempts(), "a redirect is not a retry");
        List<RecordedRequest> requests = assertCredentialOnly(origin, 2);
        assertEquals("/api/moved", requests.get(1).getPath());
        assertEquals(requests.get(0).getMethod(), requests.get(1).getMethod());
        assertEquals(requests.get(0).getBody().readUtf8(), requests.get(1).getBody().readUtf8(), "the body is resent");
        assertEquals(List.of(), sleeper.delays());
    }

    private void client(String baseUrl, HandshakeCertificates tls) {
        ClientSettings s = ClientSettings.of(baseUrl, sleeper, new MutableClock());
        client = (tls == null ? s : s.tls(tls)).applyTo(ListenerTestClient.builder()).build();
    }

    private ListenerTestClient.Reply call(Driver driver, Kind kind) {
        RequestOptions none = RequestOptions.defaults();
        if (kind == Kind.RETRY_SAFE) {
            return driver == Driver.SYNC ? client.post("key-1", none) : AsyncOperations.await(client.postAsync("key-1", none));
        }
        return driver == Driver.SYNC ? client.create(none) : AsyncOperations.await(client.createAsync(none));
    }

    /** The URL with host 127.0.0.1: both servers listen on the loopback address, on different ports. */
    private static String onLoopbackIp(HttpUrl url) {
        return url.newBuilder().host("127.0.0.1").build().toString();
    }

    /** The server got {@code n} requests, each with exactly the one credential header. */
    private static List<RecordedRequest> assertCredentialOnly(MockWebServer server, int n) throws InterruptedException {
        assertEquals(n, server.getRequestCount());
        List<RecordedRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            out.add(r);
            assertEquals(ListenerTestClient.API_KEY, r.getHeader("X-Api-Key"), "credential at the origin");
            for (String other : new String[] {"Authorization", "x-partner-api-key", "api-key"}) {
                assertNull(r.getHeader(other), "only one credential header: found " + other);
            }
        }
        return out;
    }
}
