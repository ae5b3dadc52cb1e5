package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * The error body a server sent, as far as it could be read. Every field is optional because a
 * proxy may answer with HTML, an empty body or truncated JSON; {@link #rawBody()} always holds
 * what arrived (bounded in size).
 */
public final class ApiError {
    private final String message;
    private final String code;
    private final Object details;
    private final String requestId;
    private final String rawBody;
    private final Object typedBody;

    /**
     * Creates an error body.
     *
     * @param message the server's human-readable message, or {@code null}
     * @param code the machine-readable error code, or {@code null}
     * @param details the {@code details} member as free-form JSON (see {@link #details()}), or {@code null} when absent
     * @param requestId the request id in the body, or {@code null}
     * @param rawBody the body as received, possibly truncated; never {@code null}
     * @param typedBody the body parsed into the API's own error type, or {@code null}
     */
    public ApiError(@Nullable String message, @Nullable String code, @Nullable Object details, @Nullable String requestId, String rawBody,
            @Nullable Object typedBody) {
        this.message = message;
        this.code = code;
        this.details = details;
        this.requestId = requestId;
        this.rawBody = Objects.requireNonNull(rawBody, "rawBody == null");
        this.typedBody = typedBody;
    }

    /**
     * An error whose body could not be read as the API's error shape.
     *
     * @param rawBody the body as received
     * @return an error with only the raw body
     */
    public static ApiError unparsed(String rawBody) {
        return new ApiError(null, null, null, null, rawBody, null);
    }

    /**
     * The server's message (Brek {@code error}, Helvia {@code error}).
     *
     * @return the message, or empty
     */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(message);
    }

    /**
     * The machine-readable code, such as {@code session_not_found}.
     *
     * @return the code, or empty when the body had none
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(code);
    }

    /**
     * The {@code details} member as free-form JSON, the one representation the SDK uses for it: a
     * {@code Map<String, Object>} for an object, a {@code List<Object>} for an array, a
     * {@code String}, {@code Boolean}, {@code Long} (integers) or {@code Double} (other numbers);
     * unmodifiable. A JSON {@code null} reads as empty.
     *
     * @return the details, or empty when the body had no {@code details} member
     */
    public Optional<Object> details() {
        return Optional.ofNullable(details);
    }

    /**
     * The request id the body carried ({@code requestId}).
     *
     * @return the id, or empty
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The body as received, truncated to a bounded size; empty string for an empty body.
     *
     * @return the raw body
     */
    public String rawBody() {
        return rawBody;
    }

    /**
     * The body parsed into the API's own error type, if it had that shape.
     *
     * @return the typed body, or empty
     */
    public Optional<Object> typedBody() {
        return Optional.ofNullable(typedBody);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ApiError)) {
            return false;
        }
        ApiError that = (ApiError) o;
        return Objects.equals(message, that.message) && Objects.equals(code, that.code)
                && Objects.equals(details, that.details) && Objects.equals(requestId, that.requestId)
                && rawBody.equals(that.rawBody);
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, code, details, requestId, rawBody);
    }

    @Override
    public String toString() {
        return "ApiError{message=" + message + ", code=" + code + ", requestId=" + requestId + '}';
    }
}
