package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 5xx: the server or a proxy in front of it failed. The body may be JSON of either error shape, HTML or empty; {@link #rawBody()} keeps it.
 */
public final class InternalServerException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public InternalServerException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Server error") + resubmitHint(idempotencyKey), error, meta, idempotencyKey, null);
    }
}
