package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with a success status but a body that cannot be read as the documented
 * shape (not JSON, truncated, a required member missing). {@link #rawBody()} keeps what arrived.
 * For a write, the server probably applied it: do not resend without its idempotency key.
 */
public final class MalformedResponseException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the body as received
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     * @param cause the parse failure
     */
    public MalformedResponseException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey, @Nullable Throwable cause) {
        super(describe(meta, error, "Unreadable success response") + ": " + reason(cause), error, meta,
                idempotencyKey, cause);
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown reason";
        }
        if (cause instanceof java.io.IOException && cause.getMessage() != null) {
            return clip(cause.getMessage(), 200);
        }
        // a parser's message may quote the body: only its type goes into this message (see getCause())
        return cause.getClass().getSimpleName();
    }
}
