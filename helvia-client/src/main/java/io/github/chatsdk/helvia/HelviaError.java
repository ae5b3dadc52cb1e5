package io.github.chatsdk.helvia;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.helvia.internal.HelviaJson;
import io.github.chatsdk.helvia.internal.generated.model.ErrorResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Helvia error body, {@code ErrorResponse}: {@code {"status": "error", "error": "..."}}.
 * Every {@link io.github.chatsdk.core.ServiceException} a {@link HelviaClient} throws for a JSON
 * error body carries one; {@link #reason()} classifies the documented messages, which is how the
 * two kinds of HTTP 401 are told apart.
 *
 * <pre>{@code
 * try {
 *     chat.say("Hello");
 * } catch (AuthenticationException e) {
 *     if (HelviaError.reasonOf(e) == HelviaError.Reason.INVALID_TOKEN) {
 *         // the token is expired or revoked: get a new one from the console
 *     }
 * }
 * }</pre>
 */
public final class HelviaError {
    /**
     * What a Helvia error message means. The server's text is matched ignoring case and
     * surrounding spaces: {@code Unauthorized} exactly, the others by their beginning (so
     * {@code Invalid token: jwt expired} is still {@link #INVALID_TOKEN}); anything else is
     * {@link #OTHER}.
     */
    public enum Reason {
        /** HTTP 400 {@code Validator errors: ...}: the request broke the server's rules. */
        VALIDATION_FAILED,
        /** HTTP 401 {@code Unauthorized}: the {@code Authorization} header is missing or malformed. */
        MISSING_OR_MALFORMED_HEADER,
        /** HTTP 401 {@code Invalid token}: the token's signature or expiry check failed. */
        INVALID_TOKEN,
        /** HTTP 403 {@code Unknown principal}: the token does not belong to the handle. */
        UNKNOWN_PRINCIPAL,
        /** Any other message, or no message at all. */
        OTHER
    }

    private final JsonObject body;

    /**
     * Wraps a parsed error body.
     *
     * @param body the JSON object (copied)
     */
    public HelviaError(JsonObject body) {
        this.body = Objects.requireNonNull(body, "body == null").deepCopy();
    }

    /**
     * The Helvia error body of an exception thrown by a {@link HelviaClient}.
     *
     * @param e the exception
     * @return the body, or empty when the response had no JSON body (HTML from a proxy, empty, ...)
     */
    public static Optional<HelviaError> from(ServiceException e) {
        return e.errorBody(HelviaError.class);
    }

    /**
     * The reason of an exception thrown by a {@link HelviaClient}, from its error body.
     *
     * @param e the exception
     * @return the reason; {@link Reason#OTHER} when the body is missing or not one of the documented messages
     */
    public static Reason reasonOf(ServiceException e) {
        return from(e).map(HelviaError::reason).orElse(Reason.OTHER);
    }

    /** @return the body's {@code status} (documented as {@code error}), if present */
    public Optional<String> status() {
        return Optional.ofNullable(Json.string(body, "status"));
    }

    /** @return the body's {@code error} message, such as {@code Invalid token}, if present */
    public Optional<String> error() {
        return Optional.ofNullable(Json.string(body, "error"));
    }

    /**
     * Classifies {@link #error()}: {@code Validator errors: ...}, {@code Unauthorized},
     * {@code Invalid token} and {@code Unknown principal} (see {@link Reason}).
     *
     * @return the reason, {@link Reason#OTHER} for any other message
     */
    public Reason reason() {
        String message = error().map(m -> m.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (message.startsWith("validator errors")) {
            return Reason.VALIDATION_FAILED;
        }
        if (message.equals("unauthorized")) {
            return Reason.MISSING_OR_MALFORMED_HEADER;
        }
        if (message.startsWith("invalid token")) {
            return Reason.INVALID_TOKEN;
        }
        if (message.startsWith("unknown principal")) {
            return Reason.UNKNOWN_PRINCIPAL;
        }
        return Reason.OTHER;
    }

    /** @return whether this is the 401 whose token failed verification ({@code Invalid token}) */
    public boolean isInvalidToken() {
        return reason() == Reason.INVALID_TOKEN;
    }

    /** @return whether this is the 401 for a missing or malformed {@code Authorization} header ({@code Unauthorized}) */
    public boolean isMissingOrMalformedHeader() {
        return reason() == Reason.MISSING_OR_MALFORMED_HEADER;
    }

    /**
     * The body as the generated {@code ErrorResponse} (internal package, may change). An unknown
     * {@code status} value reads as {@code UNKNOWN_DEFAULT_OPEN_API}; {@link #status()} keeps the text.
     *
     * @return the model, or empty when the body does not have that shape
     */
    public Optional<ErrorResponse> errorResponse() {
        return HelviaJson.tryModel(body, ErrorResponse.class);
    }

    /** @return the body as JSON text */
    @Override
    public String toString() {
        return body.toString();
    }
}
