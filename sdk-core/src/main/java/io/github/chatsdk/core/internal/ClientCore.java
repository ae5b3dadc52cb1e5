package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ClientOptions;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.transport.Transport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What a client instance runs its operations with: the shared {@link Transport} and the default
 * {@link RequestOptions} of this client. A client derived with {@code withOptions(...)} gets a new
 * core over the same transport (same connection pool, dispatcher, rate limiter and listeners) with
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

    /**
     * @param options the client's settings
     * @param profile the API's facts
     * @return a core that owns a new transport
     */
    public static ClientCore create(ClientOptions options, ApiProfile profile) {
        return new ClientCore(Transport.create(options, profile), RequestOptions.defaults(), true);
    }

    /** @return the settings the client was built with */
    public ClientOptions options() {
        return transport.options();
    }

    /** @return the base URL the client talks to */
    public String baseUrl() {
        return transport.baseUrl();
    }

    /** @return the defaults every call of this core starts from */
    public RequestOptions defaults() {
        return defaults;
    }

    /**
     * @param options more defaults, over this core's
     * @return a core over the same transport whose calls use these defaults with {@code options} on top
     * @throws IllegalStateException when this core or its transport was closed
     */
    public ClientCore withOptions(RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        checkOpen();
        return new ClientCore(transport, defaults.withOverrides(options), false);
    }

    /**
     * Runs {@code operation} on the calling thread with this core's defaults, then {@code options},
     * applied over the client's settings.
     *
     * @param operation the call
     * @param options the call's own options
     * @param <T> the result
     * @return the result
     */
    public <T> T run(Operation<T> operation, RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        checkOpen();
        return transport.execute(operation, defaults.withOverrides(options));
    }

    /**
     * The asynchronous twin of {@link #run}. It never throws: whatever {@link #run} would throw,
     * including a failure of {@code operation} itself (invalid input), completes the future
     * exceptionally with that same exception. Cancelling the future cancels the call.
     *
     * @param operation builds the call (inside the future's failure handling)
     * @param options the call's own options
     * @param <T> the result
     * @return the future of the result
     */
    public <T> CompletableFuture<T> runAsync(Supplier<Operation<T>> operation, RequestOptions options) {
        Operation<T> op;
        try {
            Objects.requireNonNull(options, "options == null");
            checkOpen();
            op = Objects.requireNonNull(operation.get(), "operation == null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.executeAsync(op, defaults.withOverrides(options));
    }

    private void checkOpen() {
        if (closed.get() || transport.isClosed()) {
            throw new IllegalStateException("This client is closed");
        }
    }

    /**
     * The core that created the transport closes it; a derived core only refuses its own later
     * calls.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && owner) {
            transport.close();
        }
    }
}
