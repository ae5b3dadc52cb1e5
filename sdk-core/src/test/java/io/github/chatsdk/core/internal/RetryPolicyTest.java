package io.github.chatsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static Transport transport(double jitter, Clock clock) {
        TransportConfig c = new TransportConfig();
        c.baseUrl = HttpUrl.get("http://127.0.0.1:1");
        c.product = "test";
        c.jitter = () -> jitter;
        c.clock = clock;
        return new Transport(c);
    }

    @Test
    void backoffDoublesFromHalfASecondUpToEightSecondsWithJitterBetweenHalfAndAll() {
        Transport full = transport(1.0, Clock.systemUTC());
        Transport half = transport(0.0, Clock.systemUTC());
        long[] expected = {500, 1000, 2000, 4000, 8000, 8000};
        for (int retry = 1; retry <= expected.length; retry++) {
            assertEquals(expected[retry - 1], full.backoff(retry).toMillis(), "retry " + retry);
            assertEquals(expected[retry - 1] / 2, half.backoff(retry).toMillis(), "retry " + retry);
        }
        assertEquals(8000, full.backoff(100).toMillis());
        full.close();
        half.close();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-05T10:00:00Z"), ZoneOffset.UTC);
        Transport t = transport(1.0, clock);
        assertEquals(Duration.ofSeconds(3), t.parseRetryAfter("3"));
        assertEquals(Duration.ofSeconds(0), t.parseRetryAfter(" 0 "));
        assertEquals(Duration.ofSeconds(90), t.parseRetryAfter("Thu, 05 Nov 2026 10:01:30 GMT"));
        assertEquals(Duration.ZERO, t.parseRetryAfter("Thu, 05 Nov 2026 09:00:00 GMT"), "a date in the past");
        assertNull(t.parseRetryAfter("-1"));
        assertNull(t.parseRetryAfter("soon"));
        assertNull(t.parseRetryAfter(""));
        assertNull(t.parseRetryAfter(null));
        t.close();
    }

    @Test
    void retriedStatusesAre408And429And500To504ExceptNone() {
        for (int code : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(Transport.retryableStatus(code), "" + code);
        }
        for (int code : new int[] {200, 301, 400, 401, 403, 404, 409, 422, 501, 505}) {
            assertFalse(Transport.retryableStatus(code), "" + code);
        }
    }

    @Test
    void onlyFailuresBeforeTheRequestWasSentCountAsNotDelivered() {
        assertFalse(Transport.mayHaveReachedServer(new ConnectException("Connection refused")));
        assertFalse(Transport.mayHaveReachedServer(new UnknownHostException("nowhere")));
        assertFalse(Transport.mayHaveReachedServer(new SocketTimeoutException("Connect timed out")));
        assertFalse(Transport.mayHaveReachedServer(new SSLHandshakeException("bad")));
        assertFalse(Transport.mayHaveReachedServer(new SSLPeerUnverifiedException("hostname")));
        assertTrue(Transport.mayHaveReachedServer(new SocketTimeoutException("timeout")));
        assertTrue(Transport.mayHaveReachedServer(new SocketTimeoutException("Read timed out")));
        assertTrue(Transport.mayHaveReachedServer(new InterruptedIOException("timeout")));
        assertTrue(Transport.mayHaveReachedServer(new IOException("unexpected end of stream")));
        assertTrue(Transport.mayHaveReachedServer(new java.net.SocketException("Connection reset")));
    }

    @Test
    void certificateFailuresCancellationsAndInterruptsAreNotRetried() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("untrusted"));
        assertFalse(Transport.retryableFailure(untrusted));
        assertFalse(Transport.retryableFailure(new SSLPeerUnverifiedException("Hostname not verified")));
        assertFalse(Transport.retryableFailure(new IOException("Canceled")));
        assertFalse(Transport.retryableFailure(new InterruptedIOException("interrupted")));
        assertTrue(Transport.retryableFailure(new InterruptedIOException("timeout")));
        assertTrue(Transport.retryableFailure(new SocketTimeoutException("timeout")));
        assertTrue(Transport.retryableFailure(new ConnectException("refused")));
        Thread.currentThread().interrupt();
        try {
            assertFalse(Transport.retryableFailure(new ConnectException("refused")));
        } finally {
            Thread.interrupted();
        }
    }
}
