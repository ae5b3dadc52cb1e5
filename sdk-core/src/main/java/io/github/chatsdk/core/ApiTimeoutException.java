package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * A timeout expired: connect, write, read or the whole call. Like any {@link ConnectionException}
 * it says whether the request may have reached the server.
 */
public final class ApiTimeoutException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which timeout expired
     * @param cause the underlying timeout
     * @param attempts how many attempts were made
     * @param idempotencyKey the key the request carried, or {@code null}
     * @param outcomeUnknown whether the request may have reached the server
     */
    public ApiTimeoutException(String message, @Nullable Throwable cause, int attempts, @Nullable String idempotencyKey,
            boolean outcomeUnknown) {
        super(message, cause, attempts, idempotencyKey, outcomeUnknown);
    }
}
