package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The base of every exception the chatsdk clients throw. It is unchecked: catch it (or one of its
 * subclasses) where you can act on a failure.
 *
 * <p>The subclasses tell the failures apart:
 * <ul>
 *   <li>{@link ServiceException} and its status-specific subclasses: the server answered with an
 *       error status, or with a success body that could not be parsed;</li>
 *   <li>{@link ConnectionException} (and {@link ApiTimeoutException}): no usable answer arrived;</li>
 *   <li>{@link InvalidInputException}: the SDK refused the input before sending anything.</li>
 * </ul>
 *
 * <p>For a write whose outcome is unknown the exception carries the idempotency key that was sent,
 * so the caller can resubmit the same logical request safely.
 */
public class ChatSdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many HTTP attempts were made. */
    private final int attempts;
    /** The idempotency key the request carried, or {@code null}. */
    private final String idempotencyKey;

    /**
     * Creates an exception.
     *
     * @param message a message that never contains credentials
     * @param cause the underlying cause, or {@code null}
     * @param attempts how many HTTP attempts were made (0 when nothing was sent)
     * @param idempotencyKey the idempotency key that was sent, or {@code null}
     */
    public ChatSdkException(String message, @Nullable Throwable cause, int attempts, @Nullable String idempotencyKey) {
        super(message, cause);
        this.attempts = attempts;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * How many HTTP attempts were made before this exception was thrown: 0 when the SDK refused
     * the request before sending it, more than 1 when it retried.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The idempotency key the request carried, if it carried one. Resubmitting the same logical
     * request with this key is safe: the server applies it at most once.
     *
     * @return the key, or empty
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }
}
