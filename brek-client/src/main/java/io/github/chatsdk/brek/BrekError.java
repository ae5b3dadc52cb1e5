package io.github.chatsdk.brek;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.chatsdk.brek.internal.BrekJson;
import io.github.chatsdk.brek.internal.generated.model.GatewayErrorResponse;
import io.github.chatsdk.brek.internal.generated.model.ValidationErrorResponse;
import io.github.chatsdk.core.ServiceException;
import java.util.Optional;

/**
 * A Brek error body, in either documented shape: {@code GatewayErrorResponse} (with a
 * {@code code}: {@code missing_partner_api_key}, {@code invalid_partner_api_key},
 * {@code session_not_found}, {@code rate_limited}, {@code invalid_request}) or
 * {@code ValidationErrorResponse} (message only, such as {@code actor.actorId is required}).
 *
 * <pre>{@code
 * } catch (ServiceException e) {
 *     BrekError.from(e).flatMap(BrekError::code).ifPresent(code -> ...);
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

    private final JsonObject body;

    /**
     * Wraps a parsed error body.
     *
     * @param body the JSON object (copied)
     */
    public BrekError(JsonObject body) {
        this.body = body.deepCopy();
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
        return body.has("code") ? Shape.GATEWAY : Shape.VALIDATION;
    }

    /** @return the {@code error} message, if present */
    public Optional<String> message() {
        return Optional.ofNullable(BrekJson.string(body, "error"));
    }

    /** @return the {@code code}, if present */
    public Optional<String> code() {
        return Optional.ofNullable(BrekJson.string(body, "code"));
    }

    /** @return {@code details} (object, string, array or JSON null), if the member is present */
    public Optional<JsonElement> details() {
        JsonElement d = body.get("details");
        return d == null ? Optional.empty() : Optional.of(d.deepCopy());
    }

    /** @return the {@code requestId}, if present */
    public Optional<String> requestId() {
        return Optional.ofNullable(BrekJson.string(body, "requestId"));
    }

    /**
     * The body as the generated {@code GatewayErrorResponse} (internal package, may change).
     *
     * @return the model, or empty when the body does not have that shape
     */
    public Optional<GatewayErrorResponse> gatewayErrorResponse() {
        return BrekJson.tryModel(body, GatewayErrorResponse.class);
    }

    /**
     * The body as the generated {@code ValidationErrorResponse} (internal package, may change).
     *
     * @return the model, or empty when the body does not have that shape
     */
    public Optional<ValidationErrorResponse> validationErrorResponse() {
        return BrekJson.tryModel(body, ValidationErrorResponse.class);
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
