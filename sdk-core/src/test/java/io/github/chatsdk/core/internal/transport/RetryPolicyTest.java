package io.github.chatsdk.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final ConnectionGuard.AttemptState NOT_CONNECTED = new ConnectionGuard.AttemptState();
    private static final ConnectionGuard.AttemptState CONNECTED = new ConnectionGuard.AttemptState();

    static {
        CONNECTED.connected = true;
    }

    private static RetryPolicy policy(double jitter) {
        return new RetryPolicy(Duration.ofSeconds(60), () -> jitter);
    }

    @Test
    void backoffDoublesFromHalfASecondUpToEightSecondsWithJitterBetweenHalfAndAll() {
        RetryPolicy full = policy(1.0);
        RetryPolicy half = policy(0.0);
        long[] expected = {500, 1000, 2000, 4000, 8000, 8000};
        for (int retry = 1; retry <= expected.length; retry++) {
            assertEquals(expected[retry - 1], full.backoff(retry).toMillis(), "retry " + retry);
            assertEquals(expected[retry - 1] / 2, half.backoff(retry).toMillis(), "retry " + retry);
        }
        assertEquals(8000, full.backoff(100).toMillis());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-05T10:00:00Z"), ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(3), RateLimitHeaders.retryAfter("3", clock));
        assertEquals(Duration.ofSeconds(0), RateLimitHeaders.retryAfter(" 0 ", clock));
        assertEquals(Duration.ofSeconds(90), RateLimitHeaders.retryAfter("Thu, 05 Nov 2026 10:01:30 GMT", clock));
        assertEquals(Duration.ZERO, RateLimitHeaders.retryAfter("Thu, 05 Nov 2026 09:00:00 GMT", clock), "a date in the past");
        assertNull(RateLimitHeaders.retryAfter("-1", clock));
        assertNull(RateLimitHeaders.retryAfter("soon", clock));
        assertNull(RateLimitHeaders.retryAfter("", clock));
        assertNull(RateLimitHeaders.retryAfter(null, clock));
    }

    @Test
    void retriedStatusesAre408And429And500To504() {
        for (int code : new int[] {408, 429, 500, 502, 503, 504}) {
            assertNotNull(RetryPolicy.reasonOf(code), "" + code);
        }
        for (int code : new int[] {200, 301, 400, 401, 403, 404, 409, 422, 501, 505}) {
            assertNull(RetryPolicy.reasonOf(code), "" + code);
        }
    }

    @Test
    void a429IsResentForEveryOperationButOtherStatusesOnlyForRetrySafeOnes() {
        RetryPolicy p = policy(1.0);
        assertTrue(p.afterStatus(429, false, true, null, 1).retry(), "429 is a refusal");
        assertEquals(Duration.ofSeconds(2), p.afterStatus(429, false, true, Duration.ofSeconds(2), 1).delay);
        assertFalse(p.afterStatus(503, false, true, null, 1).retry());
        assertTrue(p.afterStatus(503, true, true, null, 1).retry());
        assertFalse(p.afterStatus(429, true, false, null, 1).retry(), "no retry left");
        RetryPolicy.Decision tooLong = p.afterStatus(429, true, true, Duration.ofSeconds(61), 1);
        assertFalse(tooLong.retry());
        assertTrue(tooLong.note.contains("61 s"), tooLong.note);
    }

    @Test
    void failuresBeforeAnyConnectionAreNotDeliveredAndResentForEveryOperation() {
        for (IOException e : new IOException[] {new ConnectException("Connection refused"),
                new UnknownHostException("nowhere"), new SocketTimeoutException("connect timed out"),
                new SSLHandshakeException("bad")}) {
            Failures.Failure f = Failures.classify(e, NOT_CONNECTED, false, false);
            assertFalse(f.delivered, e.toString());
            assertEquals(Failures.Resend.BACKOFF_ANY, f.resend, e.toString());
        }
        assertTrue(Failures.classify(new SocketTimeoutException("connect timed out"), NOT_CONNECTED, false, false).timeout);
    }

    @Test
    void failuresAfterTheConnectionWasMadeMayHaveBeenDelivered() {
        for (IOException e : new IOException[] {new SocketTimeoutException("timeout"), new InterruptedIOException("x"),
                new IOException("unexpected end of stream"), new java.net.SocketException("Connection reset")}) {
            Failures.Failure f = Failures.classify(e, CONNECTED, false, false);
            assertTrue(f.delivered, e.toString());
            assertEquals(Failures.Resend.BACKOFF_IF_SAFE, f.resend, e.toString());
        }
        assertTrue(Failures.classify(new InterruptedIOException("deadline"), CONNECTED, false, false).timeout,
                "an interrupted I/O that is neither a cancellation nor an interrupt is the call timeout");
    }

    @Test
    void aStaleConnectionIsNotDeliveredAndResentAtOnceWithoutSpendingARetry() {
        Failures.Failure f = Failures.classify(new ConnectionGuard.StaleConnectionException(1500), CONNECTED, false, false);
        assertFalse(f.delivered);
        RetryPolicy.Decision d = policy(1.0).afterFailure(f, false, false, true, 1);
        assertTrue(d.retry());
        assertTrue(d.free);
        assertEquals(Duration.ZERO, d.delay);
        assertFalse(policy(1.0).afterFailure(f, false, false, false, 1).retry(), "free resends are bounded");
    }

    @Test
    void aRefusedStreamIsToldFromOtherResetsByItsErrorCodeNotByItsMessage() {
        Failures.Failure refused = Failures.classify(new okhttp3.internal.http2.StreamResetException(
                okhttp3.internal.http2.ErrorCode.REFUSED_STREAM), CONNECTED, false, false);
        assertFalse(refused.delivered);
        assertEquals(Failures.Resend.AT_ONCE_ANY, refused.resend);
        Failures.Failure cancelled = Failures.classify(new okhttp3.internal.http2.StreamResetException(
                okhttp3.internal.http2.ErrorCode.CANCEL), CONNECTED, false, false);
        assertTrue(cancelled.delivered, "a stream reset for another reason may have been processed");
        assertEquals(Failures.Resend.BACKOFF_IF_SAFE, cancelled.resend);
        Failures.Failure shutdown = Failures.classify(new okhttp3.internal.http2.ConnectionShutdownException(),
                CONNECTED, false, false);
        assertFalse(shutdown.delivered, "no stream was opened on a connection that was shutting down");
        IOException lookalike = new IOException("stream was reset: REFUSED_STREAM");
        assertTrue(Failures.classify(lookalike, CONNECTED, false, false).delivered,
                "the message alone proves nothing");
    }

    @Test
    void staleConnectionsAndRefusedStreamsEachHaveTheirOwnBudgetOfFreeResendsThenSpendRetries() {
        Failures.Failure stale = Failures.classify(new ConnectionGuard.StaleConnectionException(3), CONNECTED, false,
                false);
        assertEquals(Failures.Resend.AT_ONCE_STALE, stale.resend);
        RetryPolicy.Decision free = policy(1.0).afterFailure(stale, false, true, true, 1);
        assertTrue(free.free && free.stale);
        RetryPolicy.Decision spent = policy(1.0).afterFailure(stale, false, true, false, 1);
        assertTrue(spent.retry(), "not delivered, so even a non-idempotent call may spend a retry");
        assertFalse(spent.free);
        assertEquals(Duration.ofMillis(500), spent.delay, "after the backoff");
        assertTrue(RetryPolicy.MAX_STALE_RESENDS > RetryPolicy.MAX_UNDELIVERED_RESENDS,
                "each stale resend closes a dead pooled connection; refused streams may repeat");
    }

    @Test
    void certificateFailuresCancellationsAndInterruptsAreNeverResent() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("untrusted"));
        assertEquals(Failures.Resend.NEVER, Failures.classify(untrusted, NOT_CONNECTED, false, false).resend);
        assertEquals(Failures.Resend.NEVER,
                Failures.classify(new SSLPeerUnverifiedException("Hostname not verified"), NOT_CONNECTED, false, false).resend);
        assertEquals(Failures.Resend.NEVER, Failures.classify(new IOException("any text"), CONNECTED, true, false).resend,
                "a cancelled call, whatever its message");
        assertEquals(Failures.Resend.NEVER, Failures.classify(new ConnectException("refused"), NOT_CONNECTED, false, true).resend,
                "an interrupted thread");
    }
}
