package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP status the API does not document (including a redirect that was not followed because it led to another origin).
 */
public final class UnexpectedStatusException extends ServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public UnexpectedStatusException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        super(message(meta, error), error, meta, idempotencyKey, null);
    }

    private static String message(ResponseMeta meta, ApiError error) {
        int code = meta.statusCode();
        if (code >= 300 && code < 400) {
            return "Redirect not followed: HTTP " + code + meta.header("Location").map(l -> " to " + clip(l, 200))
                    .orElse(" without a Location") + " (only redirects within the same origin that keep the method"
                    + " are followed, so credentials never reach another server)";
        }
        return describe(meta, error, "Unexpected status");
    }
}
