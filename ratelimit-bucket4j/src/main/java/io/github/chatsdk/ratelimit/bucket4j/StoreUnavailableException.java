package io.github.chatsdk.ratelimit.bucket4j;

/**
 * Thrown by a fail-closed {@link Bucket4jRateLimiter} when its store (Redis, a database, a data
 * grid) did not answer: the client then fails the call before sending it, with a
 * {@link io.github.chatsdk.core.ConnectionException} whose cause is this exception. A fail-open
 * limiter (the default) never throws it.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the bucket and the store's error
     * @param cause the store's error, or {@code null} when the limiter did not ask the store (it
     *     is waiting before it tries the store again)
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
