package io.github.chatsdk.core.internal;

import java.util.Objects;

/**
 * One call of an API operation, as a client hands it to the transport: its name, the request the
 * generated code described, how the transport treats it, and the one function that turns its 2xx
 * response into the typed result. Synchronous and asynchronous calls use the same operation, so
 * their results and exceptions are the same. Immutable.
 *
 * @param <T> the typed result
 */
public final class Operation<T> {
    /**
     * Turns a 2xx response into the typed result. It may throw anything when the body is not the
     * documented shape: the transport turns that into a
     * {@link io.github.chatsdk.core.MalformedResponseException} carrying the body.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface ResultMapper<T> {
        /**
         * @param result the 2xx response
         * @return the typed result
         * @throws Exception when the body cannot be read as the documented shape
         */
        T map(HttpResult result) throws Exception;
    }

    final String name;
    final ApiRequest request;
    final boolean retrySafe;
    final String idempotencyKey;
    final ErrorParser errors;
    final ResultMapper<T> mapper;

    private Operation(String name, ApiRequest request, boolean retrySafe, String idempotencyKey, ErrorParser errors,
            ResultMapper<T> mapper) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.request = Objects.requireNonNull(request, "request == null");
        this.retrySafe = retrySafe;
        this.idempotencyKey = idempotencyKey;
        this.errors = Objects.requireNonNull(errors, "errors == null");
        this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    }

    /**
     * @param name the operation's name for logs and listeners, such as {@code brek.events.send}
     * @param request the request, from the generated code
     * @param retrySafe {@code true} when the request may be resent after it may have reached the
     *     server (GETs, writes that carry an idempotency key); otherwise it is resent only when it
     *     certainly was not processed (never delivered, or refused with 429)
     * @param errors reads the API's error bodies
     * @param mapper turns the 2xx response into the result
     * @param <T> the result
     * @return the operation
     */
    public static <T> Operation<T> of(String name, ApiRequest request, boolean retrySafe, ErrorParser errors,
            ResultMapper<T> mapper) {
        return new Operation<>(name, request, retrySafe, null, errors, mapper);
    }

    /**
     * @param key the idempotency key the request carries (in its body or a header), reported on the
     *     result, on exceptions and to listeners
     * @return a copy with the key
     */
    public Operation<T> idempotencyKey(String key) {
        return new Operation<>(name, request, retrySafe, key, errors, mapper);
    }

    /** @return the operation's name */
    public String name() {
        return name;
    }

    /** @return the request */
    public ApiRequest request() {
        return request;
    }

    /** @return whether it may be resent after it may have reached the server */
    public boolean retrySafe() {
        return retrySafe;
    }

    /** @return the idempotency key, or {@code null} */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** @return the error body parser */
    public ErrorParser errors() {
        return errors;
    }

    /** @return the result mapper */
    public ResultMapper<T> mapper() {
        return mapper;
    }

    @Override
    public String toString() {
        return "Operation{" + name + ", " + request + '}';
    }
}
