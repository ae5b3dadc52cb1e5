package io.github.chatsdk.testkit;

import java.util.List;
import java.util.Objects;

/**
 * What every sandbox of the test kit has: an HTTP/1.1 server on a free port of 127.0.0.1, a
 * fault queue, a request log, and {@link #reset()}. The concrete sandboxes are
 * {@link BrekSandbox} and {@link HelviaSandbox}; code that only needs the plumbing (a base URL,
 * faults, assertions on the log) can take a {@code Sandbox}.
 */
public abstract class Sandbox implements AutoCloseable {
    private final SandboxServer server;

    Sandbox(SandboxServer server) {
        this.server = server;
    }

    /**
     * The base URL to give a client, such as {@code http://127.0.0.1:53121} (no trailing slash).
     *
     * @return the base URL
     */
    public final String baseUrl() {
        return server.baseUrl();
    }

    /**
     * The URL of a path on this sandbox.
     *
     * @param path a path starting with {@code /}, such as {@code /api/events}
     * @return the absolute URL
     */
    public final String url(String path) {
        Objects.requireNonNull(path, "path == null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        return server.baseUrl() + path;
    }

    /**
     * The port the sandbox listens on (on 127.0.0.1).
     *
     * @return the port
     */
    public final int port() {
        return server.port();
    }

    /**
     * The fault queue: make the next requests fail, hang up or wait.
     *
     * @return the queue of this sandbox
     */
    public final Faults faults() {
        return server.faults();
    }

    /**
     * Every request received so far (since start or {@link #reset()}), with what was answered.
     *
     * @return a snapshot, in the order the responses were decided
     */
    public final List<SandboxRequest> requests() {
        return server.requests();
    }

    /**
     * Forgets the API's state, queued faults and the request log, and restarts the id generator
     * from its seed. The port stays the same.
     */
    public final void reset() {
        server.reset();
    }

    /** Stops the server and its threads; requests in flight are cut off. */
    @Override
    public final void close() {
        server.close();
    }
}
