package io.github.chatsdk.brek;

import io.github.chatsdk.core.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twins of {@link BrekSessions}: same requests, retries, results and exceptions,
 * delivered through a {@link CompletableFuture} (see {@link BrekClientAsync} for the rules).
 * Obtain it from {@code brek.async().sessions()}; thread-safe.
 */
public final class BrekSessionsAsync {
    private final BrekClient client;

    BrekSessionsAsync(BrekClient client) {
        this.client = client;
    }

    /**
     * Creates a session; see {@link BrekSessions#create(CreateSession)}.
     *
     * @param request the actor and optional channel and conversation details
     * @return the future of the new session
     */
    public CompletableFuture<Session> create(CreateSession request) {
        return create(request, RequestOptions.defaults());
    }

    /**
     * Creates a session with per-call options; see {@link BrekSessions#create(CreateSession, RequestOptions)}.
     * Not idempotent: resent only when the request certainly never reached the server.
     *
     * @param request the actor and optional channel and conversation details
     * @param options retries, timeouts and extra headers for this call
     * @return the future of the new session
     */
    public CompletableFuture<Session> create(CreateSession request, RequestOptions options) {
        return client.core().runAsync(() -> client.sessions().createOperation(request), options);
    }

    /**
     * Reads a session's state and event history; see {@link BrekSessions#get(String)}.
     *
     * @param sessionId the session id
     * @return the future of the snapshot
     */
    public CompletableFuture<SessionSnapshot> get(String sessionId) {
        return get(sessionId, RequestOptions.defaults());
    }

    /**
     * Reads a session's state and event history with per-call options; see
     * {@link BrekSessions#get(String, RequestOptions)}.
     *
     * @param sessionId the session id
     * @param options retries, timeouts and extra headers for this call
     * @return the future of the snapshot
     */
    public CompletableFuture<SessionSnapshot> get(String sessionId, RequestOptions options) {
        return client.core().runAsync(() -> client.sessions().getOperation(sessionId), options);
    }
}
