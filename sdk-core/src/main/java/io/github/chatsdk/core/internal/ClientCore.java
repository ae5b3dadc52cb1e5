package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.RequestOptions;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * What a client instance runs its operations with: the shared {@link Transport} and the default
 * {@link RequestOptions} of this client. A client derived with {@code withOptions(...)} gets a new
 * core over the same transport (same connection pool, dispatcher, scheduler and rate limiter) with
 * merged defaults; only the core that created the transport releases it on {@link #close()}.
 */
public final class ClientCore implements AutoCloseable {
    private final Transport transport;
    private final RequestOptions defaults;
    private final boolean owner;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClientCore(Transport transport, RequestOptions defaults, boolean owner) {
        this.transport = transport;
        this.defaults = defaults;
        this.owner = owner;
    }

    /** A core that owns a new transport built from {@code config}. */
    public static ClientCore create(TransportConfig config) {
        return new ClientCore(new Transport(config), RequestOptions.defaults(), true);
    }

    /** The transport (shared with every derived core). */
    public Transport transport() {
        return transport;
    }

    /** The defaults every call of this core starts from. */
    public RequestOptions defaults() {
        return defaults;
    }

    /**
     * A core over the same transport whose calls use these defaults with {@code options} on top.
     *
     * @throws IllegalStateException when this core or its transport was closed
     */
    public ClientCore withOptions(RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        checkOpen();
        return new ClientCore(transport, merge(defaults, options), false);
    }

    /**
     * Runs {@code operation} on the calling thread: the client's defaults, then {@code options},
     * apply on top of the operation's own spec.
     */
    public <T> T run(Operation<T> operation, RequestOptions options) {
        checkOpen();
        CallSpec spec = spec(operation, options);
        HttpResult result = transport.execute(request(operation, spec), spec);
        return operation.result.apply(result);
    }

    /**
     * The asynchronous twin of {@link #run}. It never throws: whatever {@link #run} would throw,
     * including a failure of {@code operation} itself (invalid input), completes the future
     * exceptionally with that same exception. Cancelling the future cancels the call.
     */
    public <T> CompletableFuture<T> runAsync(Supplier<Operation<T>> operation, RequestOptions options) {
        Operation<T> op;
        CallSpec spec;
        Request request;
        try {
            Objects.requireNonNull(options, "options == null");
            checkOpen();
            op = Objects.requireNonNull(operation.get(), "operation == null");
            spec = spec(op, options);
            request = request(op, spec);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Futures.map(transport.executeAsync(request, spec), op.result);
    }

    private CallSpec spec(Operation<?> operation, RequestOptions options) {
        return operation.spec.options(defaults).options(Objects.requireNonNull(options, "options == null"));
    }

    private static Request request(Operation<?> operation, CallSpec spec) {
        try {
            return operation.request.build();
        } catch (Exception e) {
            throw new ChatSdkException("Could not build the request: " + e.getClass().getSimpleName(), e, 0,
                    spec.idempotencyKey());
        }
    }

    private void checkOpen() {
        if (closed.get() || transport.isClosed()) {
            throw new IllegalStateException("This client is closed");
        }
    }

    /** {@code base} with every setting {@code top} makes applied over it. */
    static RequestOptions merge(RequestOptions base, RequestOptions top) {
        RequestOptions.Builder b = base.toBuilder();
        top.maxRetries().ifPresent(b::maxRetries);
        top.timeout().ifPresent(b::timeout);
        top.connectTimeout().ifPresent(b::connectTimeout);
        top.readTimeout().ifPresent(b::readTimeout);
        top.writeTimeout().ifPresent(b::writeTimeout);
        top.headers().forEach(b::header);
        return b.build();
    }

    /**
     * The core that created the transport closes it (failing asynchronous calls in flight and
     * releasing connections and threads); a derived core only refuses its own later calls.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && owner) {
            transport.close();
        }
    }
}
