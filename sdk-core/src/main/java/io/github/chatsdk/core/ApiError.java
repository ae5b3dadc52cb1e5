package io.github.chatsdk.core;

import com.google.gson.JsonElement;
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
    private final JsonElement details;
    private final String requestId;
    private final String rawBody;
    private final Object typedBody;

    /**
     * Creates an error body.
     *
     * @param message the server's human-readable message, or {@code null}
     * @param code the machine-readable error code, or {@code null}
     * @param details the {@code details} member as parsed JSON, or {@code null} when absent
     * @param requestId the request id in the body, or {@code null}
     * @param rawBody the body as received, possibly truncated; never {@code null}
     * @param typedBody the body parsed into the API's own error type, or {@code null}
     */
    public ApiError(String message, String code, JsonElement details, String requestId, String rawBody,
            Object typedBody) {
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
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /**
     * The machine-readable code, such as {@code session_not_found}.
     *
     * @return the code, or empty when the body had none
     */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /**
     * The {@code details} member as JSON: an object, a string, an array or JSON null.
     *
     * @return the details, or empty when the body had no {@code details} member
     */
    public Optional<JsonElement> details() {
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
    public String toString() {
        return "ApiError{message=" + message + ", code=" + code + ", requestId=" + requestId + '}';
    }
}
