package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.internal.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Brek error body, in either documented shape: {@code GatewayErrorResponse} (with a
 * {@code code}: {@code missing_partner_api_key}, {@code invalid_partner_api_key},
 * {@code session_not_found}, {@code rate_limited}, {@code invalid_request}) or
 * {@code ValidationErrorResponse} (message only, such as {@code actor.actorId is required}).
 *
 * <pre>{@code
 * } catch (ServiceException e) {
 *     BrekError.from(e).flatMap(BrekError::errorCode).ifPresent(code -> ...);
 * }
 * }</pre>
 */
public final class BrekError {
    /** The two documented error body shapes. */
    public enum Shape {
        /** {@code GatewayErrorResponse}: has a {@code code}. */
        GATEWAY,
        /** {@code ValidationErrorResponse}: a message without a code. */
        VALIDATION
    }

    private final Map<String, Object> body;

    /**
     * Wraps an error body given as free-form JSON (as {@link ServiceException#details()} and the
     * rest of the SDK represent it); for tests that build exceptions by hand.
     *
     * @param body the members of the JSON object (copied)
     */
    public BrekError(Map<String, ?> body) {
        this.body = Json.freezeMap(Objects.requireNonNull(body, "body == null"));
    }

    /**
     * The Brek error body of an exception thrown by a {@link BrekClient}.
     *
     * @param e the exception
     * @return the body, or empty when the response had no Brek error body (HTML, empty, ...)
     */
    public static Optional<BrekError> from(ServiceException e) {
        return e.errorBody(BrekError.class);
    }

    /** @return {@link Shape#GATEWAY} when the body has a {@code code}, else {@link Shape#VALIDATION} */
    public Shape shape() {
        return body.containsKey("code") ? Shape.GATEWAY : Shape.VALIDATION;
    }

    /** @return the server's message (the body's {@code error}), if present */
    public Optional<String> errorMessage() {
        return string("error");
    }

    /** @return the machine-readable {@code code}, such as {@code session_not_found}, if present */
    public Optional<String> errorCode() {
        return string("code");
    }

    /**
     * The {@code details} member as free-form JSON: a {@code Map<String, Object>}, a
     * {@code List<Object>}, a {@code String}, {@code Boolean}, {@code Long} or {@code Double}.
     *
     * @return the details, or empty when the member is absent or JSON {@code null}
     */
    public Optional<Object> details() {
        return Optional.ofNullable(body.get("details"));
    }

    /** @return the {@code requestId}, if present */
    public Optional<String> requestId() {
        return string("requestId");
    }

    /**
     * The whole body as free-form JSON, members unknown to this SDK included: the escape hatch.
     *
     * @return the members, unmodifiable
     */
    public Map<String, Object> json() {
        return body;
    }

    private Optional<String> string(String member) {
        Object v = body.get(member);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BrekError && body.equals(((BrekError) o).body);
    }

    @Override
    public int hashCode() {
        return body.hashCode();
    }

    @Override
    public String toString() {
        return "BrekError" + body;
    }
}
