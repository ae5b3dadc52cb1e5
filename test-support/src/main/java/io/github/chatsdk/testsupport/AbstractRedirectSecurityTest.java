package io.github.chatsdk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.UnexpectedStatusException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that a credential never leaves the configured origin (scheme, host and port) on a
 * redirect, while the client logs at DEBUG: a redirect to another port, to the same server under
 * another host name, or from {@code https} to {@code http} is not followed and the target receives
 * nothing; a redirect within the origin is followed. After every test the captured DEBUG log is
 * checked: it shows the redacted credential header and never the credential.
 *
 * <p>Subclass it with one method, {@link #operation()}, per client operation.
 *
 * @param <C> the client type
 * @param <R> the result type
 */
public abstract class AbstractRedirectSecurityTest<C extends AutoCloseable, R> {
    private static final HeldCertificate LOCALHOST_CERT = new HeldCertificate.Builder()
            .addSubjectAlternativeName("localhost").commonName("localhost").build();

    /** The configured server, which answers with the redirect. */
    protected MockWebServer origin;
    /** Where the redirect points; must never see a request carrying the credential. */
    protected MockWebServer target;
    /** The client's log. */
    protected LogCapture log;
    /** Records retry delays; redirects never cause one. */
    protected RecordingSleeper sleeper;
    private C client;

    /**
     * The operation under test.
     *
     * @return the operation
     */
    protected abstract OperationUnderTest<C, R> operation();

    @BeforeEach
    void startServers() throws IOException {
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
        } finally {
            log.close();
        }
        String secret = operation().credential();
        if (secret != null) {
            String text = log.text();
            assertFalse(text.contains(secret), "the DEBUG log contains the credential");
            assertTrue(text.contains(operation().credentialHeader() + ": [redacted]"),
                    "the DEBUG log shows the credential header, redacted");
        }
    }

    private C client(String baseUrl, HandshakeCertificates tls) {
        ClientSettings s = ClientSettings.of(baseUrl, sleeper, new MutableClock());
        client = operation().newClient(tls == null ? s : s.tls(tls));
        return client;
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectToAnotherPortIsNotFollowedAndTheTargetReceivesNothing(int code) {
        origin.enqueue(Faults.redirect(code, onLoopbackIp(target.url("/api/elsewhere"))));
        target.enqueue(Faults.json(200, operation().successBody()));
        C c = client(onLoopbackIp(origin.url("/")), null);
        assertRedirectRefused(c, code);
    }

    @Test
    void redirectToTheSameServerUnderAnotherHostNameIsNotFollowed() throws InterruptedException {
        HttpUrl base = origin.url("/");
        String otherHost = base.host().equals("localhost") ? "127.0.0.1" : "localhost";
        origin.enqueue(Faults.redirect(307, base.newBuilder().host(otherHost).encodedPath("/api/x").build().toString()));
        origin.enqueue(Faults.json(200, operation().successBody()));
        C c = client(base.toString(), null);
        UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
                () -> operation().call(c, RequestOptions.defaults()));
        assertEquals(307, e.statusCode());
        assertEquals(1, origin.getRequestCount(), "the redirect was not followed");
        assertCredentialOnly(origin, 1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {302, 307})
    void redirectFromHttpsToHttpIsNotFollowed(int code) throws Exception {
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(LOCALHOST_CERT).build();
        HandshakeCertificates clientCerts = new HandshakeCertificates.Builder()
                .addTrustedCertificate(LOCALHOST_CERT.certificate()).build();
        MockWebServer secure = new MockWebServer();
        secure.useHttps(serverCerts.sslSocketFactory(), false);
        secure.start();
        try {
            HttpUrl base = secure.url("/");
            assertEquals("https", base.scheme());
            secure.enqueue(Faults.redirect(code, target.url("/api/plain").newBuilder().host("localhost").build()
                    .toString()));
            target.enqueue(Faults.json(200, operation().successBody()));
            C c = client(base.newBuilder().host("localhost").build().toString(), clientCerts);
            UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
                    () -> operation().call(c, RequestOptions.defaults()));
            assertEquals(code, e.statusCode());
            assertTrue(e.getMessage().contains("Redirect not followed"), e.getMessage());
            assertEquals(0, target.getRequestCount(), "the plain-http target received a request");
            assertCredentialOnly(secure, 1);
        } finally {
            secure.shutdown();
        }
    }

    @Test
    void redirectWithinTheOriginIsFollowedWithTheCredential() throws InterruptedException {
        origin.enqueue(Faults.redirect(307, "/api/moved"));
        origin.enqueue(Faults.json(200, operation().successBody()));
        C c = client(origin.url("/").toString(), null);
        R result = operation().call(c, RequestOptions.defaults());
        assertEquals(1, operation().metaOf(result).attempts(), "a redirect is not a retry");
        List<RecordedRequest> requests = assertCredentialOnly(origin, 2);
        assertEquals("/api/moved", requests.get(1).getPath());
        assertEquals(requests.get(0).getMethod(), requests.get(1).getMethod());
        assertEquals(List.of(), sleeper.delays());
    }

    /** The URL with host 127.0.0.1: both servers listen on the loopback address, on different ports. */
    private static String onLoopbackIp(HttpUrl url) {
        return url.newBuilder().host("127.0.0.1").build().toString();
    }

    private void assertRedirectRefused(C c, int code) {
        UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
                () -> operation().call(c, RequestOptions.defaults()));
        assertEquals(code, e.statusCode());
        assertTrue(e.getMessage().contains("Redirect not followed"), e.getMessage());
        assertTrue(e.getMessage().contains(onLoopbackIp(target.url("/api/elsewhere"))), e.getMessage());
        assertEquals(1, e.attempts());
        assertEquals(1, origin.getRequestCount());
        assertEquals(0, target.getRequestCount(), "the other origin received a request");
        assertEquals(List.of(), sleeper.delays(), "a redirect is not retried");
        try {
            assertCredentialOnly(origin, 1);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The server got {@code n} requests, each with exactly the one credential header. */
    private List<RecordedRequest> assertCredentialOnly(MockWebServer server, int n) throws InterruptedException {
        assertEquals(n, server.getRequestCount());
        List<RecordedRequest> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            out.add(r);
            String header = operation().credentialHeader();
            if (header != null) {
                String value = r.getHeader(header);
                assertTrue(value != null && value.endsWith(operation().credential()), "credential at the origin");
            }
            for (String other : new String[] {"Authorization", "x-partner-api-key", "api-key"}) {
                if (!other.equalsIgnoreCase(String.valueOf(header))) {
                    assertNull(r.getHeader(other), "only one credential header: found " + other);
                }
            }
        }
        return out;
    }
}
