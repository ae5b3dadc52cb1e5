package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 403: the credential is known but may not do this (Brek `invalid_partner_api_key`, Helvia `Unknown principal` when the token does not own the handle).
 */
public final class PermissionDeniedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public PermissionDeniedException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Permission denied"), error, meta, idempotencyKey, null);
    }
}
