package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 409: the request conflicts with the resource's state (Brek: the actor does not match the session owner).
 */
public final class ConflictException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public ConflictException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Conflict"), error, meta, idempotencyKey, null);
    }
}
