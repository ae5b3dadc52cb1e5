package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 400: the server refused the request as invalid (Brek `actor.actorId is required`, `idempotencyKey is required for kind=...`; Helvia `Validator errors: ...`).
 */
public final class BadRequestException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public BadRequestException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Bad request"), error, meta, idempotencyKey, null);
    }
}
