package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 404: the resource does not exist for this credential (Brek `session_not_found`, with the session id in {@link #details()}).
 */
public final class NotFoundException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public NotFoundException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Not found"), error, meta, idempotencyKey, null);
    }
}
