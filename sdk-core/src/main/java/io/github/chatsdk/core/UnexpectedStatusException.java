package io.github.chatsdk.core;

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
    public UnexpectedStatusException(ApiError error, ResponseMeta meta, String idempotencyKey) {
        super(describe(meta, error, "Unexpected status"), error, meta, idempotencyKey, null);
    }
}
