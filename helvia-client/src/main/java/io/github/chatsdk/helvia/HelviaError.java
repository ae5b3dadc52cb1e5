package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.internal.Json;
import java.util.Locale;
import java.util.Map;
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

    private final Map<String, Object> body;

    /**
     * Wraps an error body given as free-form JSON (the representation the whole SDK uses); for
     * tests that build exceptions by hand.
     *
     * @param body the members of the JSON object (copied)
     */
    public HelviaError(Map<String, ?> body) {
        this.body = Json.freezeMap(Objects.requireNonNull(body, "body == null"));
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
        return string("status");
    }

    /** @return the server's message (the body's {@code error}), such as {@code Invalid token}, if present */
    public Optional<String> errorMessage() {
        return string("error");
    }

    /**
     * Classifies {@link #errorMessage()}: {@code Validator errors: ...}, {@code Unauthorized},
     * {@code Invalid token} and {@code Unknown principal} (see {@link Reason}).
     *
     * @return the reason, {@link Reason#OTHER} for any other message
     */
    public Reason reason() {
        String message = errorMessage().map(m -> m.trim().toLowerCase(Locale.ROOT)).orElse("");
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
        return o instanceof HelviaError && body.equals(((HelviaError) o).body);
    }

    @Override
    public int hashCode() {
        return body.hashCode();
    }

    @Override
    public String toString() {
        return "HelviaError" + body;
    }
}
