package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered, but not with a usable success: an error status, or a success status whose
 * body could not be parsed. The subclass tells the kind ({@link NotFoundException},
 * {@link RateLimitException}, ...); this class carries everything a support ticket needs.
 *
 * <pre>{@code
 * try {
 *     brek.sessions().get(sessionId);
 * } catch (NotFoundException e) {
 *     log.warn("gone: {} (request {})", e.errorMessage().orElse("?"), e.requestId().orElse("?"));
 * } catch (ServiceException e) {
 *     log.error("status {} code {}", e.statusCode(), e.errorCode().orElse("-"));
 * }
 * }</pre>
 */
public class ServiceException extends ChatSdkException {
    private static final long serialVersionUID = 1L;

    private final transient ResponseMeta meta;
    private final transient ApiError error;

    /**
     * Creates the exception.
     *
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     */
    public ServiceException(ApiError error, ResponseMeta meta, @Nullable String idempotencyKey) {
        this(describe(meta, error, null), error, meta, idempotencyKey, null);
    }

    /**
     * Creates the exception with an explicit message.
     *
     * @param message the message (never contains credentials)
     * @param error the error body as far as it could be read
     * @param meta the response metadata
     * @param idempotencyKey the idempotency key the request carried, or {@code null}
     * @param cause the cause, or {@code null}
     */
    protected ServiceException(String message, ApiError error, ResponseMeta meta, @Nullable String idempotencyKey,
            @Nullable Throwable cause) {
        super(message, cause, Objects.requireNonNull(meta, "meta == null").attempts(), idempotencyKey);
        this.meta = meta;
        this.error = Objects.requireNonNull(error, "error == null");
    }

    static String describe(ResponseMeta meta, ApiError error, String prefix) {
        StringBuilder sb = new StringBuilder();
        if (prefix != null) {
            sb.append(prefix).append(": ");
        }
        sb.append("HTTP ").append(meta.statusCode());
        error.errorMessage().ifPresent(m -> sb.append(" ").append(clip(m, 300)));
        error.errorCode().ifPresent(c -> sb.append(" (code ").append(clip(c, 100)).append(')'));
        String requestId = error.requestId().orElseGet(() -> meta.requestId().orElse(null));
        if (requestId != null) {
            sb.append(" [request ").append(clip(requestId, 100)).append(']');
        }
        if (meta.attempts() > 1) {
            sb.append(" after ").append(meta.attempts()).append(" attempts");
        }
        return sb.toString();
    }

    /**
     * The sentence added to a 5xx message of a request that carried an idempotency key: the server
     * may have applied it, and resubmitting with the same key is safe.
     */
    static String resubmitHint(String idempotencyKey) {
        return idempotencyKey == null ? "" : "; it may or may not have been applied: resubmitting with idempotency key "
                + idempotencyKey + " applies it at most once";
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /**
     * The HTTP status code.
     *
     * @return the status
     */
    public int statusCode() {
        return meta.statusCode();
    }

    /**
     * The server's message from the error body.
     *
     * @return the message, or empty when the body had none (HTML, empty, not JSON)
     */
    public Optional<String> errorMessage() {
        return error.errorMessage();
    }

    /**
     * The machine-readable error code, such as {@code session_not_found} or {@code rate_limited}.
     *
     * @return the code, or empty
     */
    public Optional<String> errorCode() {
        return error.errorCode();
    }

    /**
     * The error body's {@code details} as free-form JSON (see {@link ApiError#details()}).
     *
     * @return the details, or empty when absent
     */
    public Optional<Object> details() {
        return error.details();
    }

    /**
     * The request id: the body's {@code requestId}, else the {@code x-request-id} header.
     *
     * @return the request id, or empty
     */
    public Optional<String> requestId() {
        Optional<String> fromBody = error.requestId();
        return fromBody.isPresent() ? fromBody : meta.requestId();
    }

    /**
     * The response headers, unmodifiable; lookups ignore case.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return meta.headers();
    }

    /**
     * The response body as received, truncated to a bounded size.
     *
     * @return the raw body, empty string when there was none
     */
    public String rawBody() {
        return error.rawBody();
    }

    /**
     * The parsed error body.
     *
     * @return the error
     */
    public ApiError error() {
        return error;
    }

    /**
     * The response metadata: status, headers, rate limit, attempts.
     *
     * @return the metadata
     */
    public ResponseMeta meta() {
        return meta;
    }

    /**
     * The error body parsed into one of the API's own error types, when it had that shape.
     *
     * @param type the expected type
     * @param <T> the type
     * @return the typed body, or empty when the body had another shape
     */
    public <T> Optional<T> errorBody(Class<T> type) {
        return error.typedBody().filter(type::isInstance).map(type::cast);
    }
}
