package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 401: the credential is missing, malformed or not valid. {@link #errorMessage()} tells the reasons apart (Helvia `Unauthorized` versus `Invalid token`; Brek code `missing_partner_api_key`).
 */
public final class AuthenticationException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public AuthenticationException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(describe(meta, error, "Authentication failed"), error, meta, idempotencyKey, null);
    }
}
