package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.CallListener.RetryReason;
import io.github.chatsdk.core.ConnectionException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Field;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What an I/O failure of one attempt means, told from the attempt's state and the exception's type,
 * never from OkHttp's message strings for cancellation and timeouts (they differ between OkHttp
 * versions): whether the request may have reached the server, whether it timed out, whether another
 * attempt can help, and how soon.
 *
 * <table>
 *   <caption>Failures and what they mean</caption>
 *   <tr><th>failure</th><th>delivered?</th><th>resent</th></tr>
 *   <tr><td>before any connection (refused, DNS, connect timeout, TLS handshake)</td><td>no</td>
 *       <td>every operation, after the backoff</td></tr>
 *   <tr><td>pooled connection found closed by the server before writing ({@link ConnectionGuard})</td>
 *       <td>no</td><td>every operation, at once, on another connection (up to
 *       {@value RetryPolicy#MAX_STALE_RESENDS} times, then after the backoff)</td></tr>
 *   <tr><td>HTTP/2 {@code REFUSED_STREAM} (also GOAWAY past the stream), connection shut down</td>
 *       <td>no</td><td>every operation, at once (up to {@value RetryPolicy#MAX_UNDELIVERED_RESENDS}
 *       times, then after the backoff)</td></tr>
 *   <tr><td>certificate not trusted, host name mismatch, cleartext not permitted</td><td>no</td>
 *       <td>never: another attempt fails the same way</td></tr>
 *   <tr><td>timeout after the connection was made, the whole-call timeout included (OkHttp cancels
 *       the call then: that is told from a cancellation by the transport's own flag, never by
 *       {@code Call.isCanceled()})</td><td>maybe</td><td>retry-safe only</td></tr>
 *   <tr><td>reset, end of stream, other I/O after the connection was made</td><td>maybe</td>
 *       <td>retry-safe only</td></tr>
 *   <tr><td>cancelled (the caller or {@code close()}), thread interrupted</td><td>maybe</td>
 *       <td>never</td></tr>
 * </table>
 */
final class Failures {
    /** How soon another attempt may go. */
    enum Resend {
        /** Never: the failure is final. */
        NEVER,
        /** After the backoff, for every operation: the request never reached the server. */
        BACKOFF_ANY,
        /**
         * At once, for every operation, on another connection: the pooled connection had been closed
         * by the server before the request was written ({@link ConnectionGuard}).
         */
        AT_ONCE_STALE,
        /** At once, for every operation: the server refused the HTTP/2 stream unprocessed. */
        AT_ONCE_ANY,
        /** After the backoff, only when the operation is retry-safe. */
        BACKOFF_IF_SAFE
    }

    /** One classified failure. */
    static final class Failure {
        final IOException cause;
        final boolean delivered;
        final boolean timeout;
        final Resend resend;
        final RetryReason reason;

        Failure(IOException cause, boolean delivered, boolean timeout, Resend resend, RetryReason reason) {
            this.cause = cause;
            this.delivered = delivered;
            this.timeout = timeout;
            this.resend = resend;
            this.reason = reason;
        }
    }

    private static final String STREAM_RESET = "okhttp3.internal.http2.StreamResetException";
    private static final String CONNECTION_SHUTDOWN = "okhttp3.internal.http2.ConnectionShutdownException";

    private Failures() {
    }

    /**
     * @param e the failure
     * @param state what the network layer saw of the attempt
     * @param canceled whether the transport cancelled the attempt's call (the caller cancelled it, or
     *     {@code close()} did); a call OkHttp cancelled because its timeout expired is not: that is a
     *     timeout, an {@link InterruptedIOException}
     * @param interrupted whether the calling thread was interrupted
     */
    static Failure classify(IOException e, ConnectionGuard.AttemptState state, boolean canceled, boolean interrupted) {
        if (canceled || interrupted) {
            return new Failure(e, state.connected, false, Resend.NEVER, null);
        }
        if (untrusted(e)) {
            return new Failure(e, false, false, Resend.NEVER, null);
        }
        if (e instanceof ConnectionGuard.StaleConnectionException) {
            return new Failure(e, false, false, Resend.AT_ONCE_STALE, RetryReason.NOT_DELIVERED);
        }
        if (refusedStream(e)) {
            return new Failure(e, false, false, Resend.AT_ONCE_ANY, RetryReason.NOT_DELIVERED);
        }
        boolean timeout = e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
        if (!state.connected) {
            // no connection existed: refused, unknown host, connect timeout, TLS handshake failure
            return new Failure(e, false, timeout, Resend.BACKOFF_ANY, RetryReason.NOT_DELIVERED);
        }
        return new Failure(e, true, timeout, Resend.BACKOFF_IF_SAFE,
                timeout ? RetryReason.TIMEOUT : RetryReason.CONNECTION_FAILED);
    }

    /** Failures another attempt cannot fix: a certificate not trusted, a host name that does not match, cleartext refused. */
    static boolean untrusted(IOException e) {
        if (e instanceof SSLPeerUnverifiedException || e instanceof UnknownServiceException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * An HTTP/2 stream the server refused before processing it (RFC 9113 §8.7: {@code REFUSED_STREAM};
     * OkHttp also reports so the streams a {@code GOAWAY} names as unprocessed), or a stream that
     * could not be opened because the connection was shutting down. OkHttp's exception types live in
     * a package it does not export on the module path, so they are recognised by class name, and the
     * error code is read from the public field where it is accessible, else from the exception's
     * message ({@code stream was reset: REFUSED_STREAM}, unchanged since OkHttp 3).
     */
    static boolean refusedStream(IOException e) {
        String type = e.getClass().getName();
        if (type.equals(CONNECTION_SHUTDOWN)) {
            return true;
        }
        if (!type.equals(STREAM_RESET)) {
            return false;
        }
        try {
            Field code = e.getClass().getField("errorCode");
            return "REFUSED_STREAM".equals(String.valueOf(code.get(e)));
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            // the only message read anywhere, and only as a fallback: the type is already known to be
            // StreamResetException, whose field the module system may keep unreadable (okhttp3 does
            // not export okhttp3.internal.http2); its message is built from that same field
            String message = e.getMessage();
            return message != null && message.endsWith(": REFUSED_STREAM");
        }
    }

    /**
     * The exception of a call that got no usable response after {@code attempts} attempts.
     *
     * @param failure the last attempt's failure
     * @param status the status of a 2xx response whose body broke off, else 0
     * @param write whether the request is a write (not GET or HEAD)
     * @param reached whether any attempt of the call may have reached the server
     */
    static ConnectionException exception(Failure failure, int attempts, String key, boolean reached, boolean write,
            int status) {
        IOException e = failure.cause;
        StringBuilder msg = new StringBuilder();
        if (status != 0) {
            msg.append(failure.timeout ? "Timed out reading" : "Connection broke while reading")
                    .append(" the body of HTTP ").append(status);
        } else {
            msg.append(failure.timeout ? "Timed out" : failure.delivered ? "Connection failed" : "Could not connect");
        }
        msg.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts").append(" (")
                .append(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            msg.append(": ").append(HttpLog.clip(e.getMessage(), 200));
        }
        msg.append(')');
        if (!reached) {
            msg.append("; the request was not delivered");
        } else if (write && status != 0) {
            msg.append("; the server accepted the request, so it was probably applied");
            msg.append(key != null ? ": resend with idempotency key " + key + " to read its result without applying"
                    + " it twice" : ": check its effect before sending it again");
        } else if (write) {
            msg.append("; the request may have reached the server, so its outcome is unknown");
            msg.append(key != null ? ": resend with idempotency key " + key + " to apply it at most once"
                    : ": check its effect before sending it again");
        }
        return failure.timeout ? new ApiTimeoutException(msg.toString(), e, attempts, key, reached)
                : new ConnectionException(msg.toString(), e, attempts, key, reached);
    }
}
