package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * No usable HTTP response arrived: the connection could not be opened, was reset, or broke while
 * the response was being read. Retries (where they are safe) were already made.
 *
 * <p>{@link #outcomeUnknown()} tells whether the request may have reached the server. When it is
 * {@code true} for a write, the server may or may not have applied it; resubmit with the same
 * {@link #idempotencyKey() idempotency key} to be safe.
 */
public class ConnectionException extends ChatSdkException {
    private static final long serialVersionUID = 1L;

    /** Whether the request may have reached the server. */
    private final boolean outcomeUnknown;

    /**
     * Creates the exception.
     *
     * @param message what failed (never contains credentials)
     * @param cause the I/O failure
     * @param attempts how many attempts were made
     * @param idempotencyKey the key the request carried, or {@code null}
     * @param outcomeUnknown whether the request may have reached the server
     */
    public ConnectionException(String message, @Nullable Throwable cause, int attempts, @Nullable String idempotencyKey,
            boolean outcomeUnknown) {
        super(message, cause, attempts, idempotencyKey);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * Whether the last attempt may have reached the server, so that the outcome of the request is
     * unknown. {@code false} means the request certainly was not delivered (for example the
     * connection was refused).
     *
     * @return {@code true} when the server may have processed the request
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
