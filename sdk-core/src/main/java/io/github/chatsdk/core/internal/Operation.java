package io.github.chatsdk.core.internal;

import java.util.Objects;
import java.util.function.Function;
import okhttp3.Request;

/**
 * One call of an API operation, ready to run synchronously ({@link ClientCore#run}) or
 * asynchronously ({@link ClientCore#runAsync}): how to build its HTTP request, how the transport
 * treats it, and the one function that turns its 2xx response into the typed result. Both paths
 * use the same three, so results and exceptions are the same whichever way the call is made.
 *
 * @param <T> the typed result
 */
public final class Operation<T> {
    /** Builds the HTTP request, usually with the generated code; may throw anything. */
    @FunctionalInterface
    public interface RequestFactory {
        Request build() throws Exception;
    }

    final RequestFactory request;
    final CallSpec spec;
    final Function<HttpResult, T> result;

    private Operation(RequestFactory request, CallSpec spec, Function<HttpResult, T> result) {
        this.request = Objects.requireNonNull(request, "request == null");
        this.spec = Objects.requireNonNull(spec, "spec == null");
        this.result = Objects.requireNonNull(result, "result == null");
    }

    /**
     * @param request builds the HTTP request
     * @param spec how the transport treats the call (retry safety, credential, idempotency key)
     * @param result turns the 2xx response into the typed result; throws (typically
     *     {@link Transport#malformed}) when the body cannot be read
     */
    public static <T> Operation<T> of(RequestFactory request, CallSpec spec, Function<HttpResult, T> result) {
        return new Operation<>(request, spec, result);
    }
}
