package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link HelviaClient}: every operation returns a
 * {@link CompletableFuture} instead of blocking. Obtain it from {@link HelviaClient#async()}; it
 * shares the client's connection pool, token, handle, retries, options and lifecycle (close the
 * {@link HelviaClient}). For the turns of one end user, see {@link HelviaConversation#async()}.
 *
 * <pre>{@code
 * helvia.async().send(HelviaMessage.text("Hello").sender("user-123"))
 *         .thenAccept(reply -> reply.texts().forEach(System.out::println));
 * }</pre>
 *
 * <p>The rules every asynchronous method follows:
 * <ul>
 *   <li>It never throws. Every failure, invalid input included, completes the future
 *       exceptionally with the same exception the synchronous method throws: {@code join()}
 *       wraps it in a {@link java.util.concurrent.CompletionException}, {@code get()} in an
 *       {@link java.util.concurrent.ExecutionException}; {@code whenComplete} and
 *       {@code exceptionally} see it as is.</li>
 *   <li>No thread is blocked per call: the request runs on OkHttp's dispatcher and the waits
 *       between retries are the sleeper's asynchronous waits (see
 *       {@link io.github.chatsdk.core.Sleeper#sleepAsync}). A message is resent only when
 *       it certainly never reached the server, as with the synchronous call.</li>
 *   <li>{@code future.cancel(true)} cancels the HTTP call in flight and any scheduled retry; a
 *       cancelled call is never retried. A cancelled message may still have reached the agent.</li>
 *   <li>The future completes on an OkHttp dispatcher thread (or the thread that ended a wait):
 *       do not block in the stages you chain to it, or use the {@code ...Async} variants of
 *       {@link CompletableFuture} with your own executor.</li>
 * </ul>
 */
public final class HelviaClientAsync {
    private final HelviaClient client;

    HelviaClientAsync(HelviaClient client) {
        this.client = client;
    }

    /**
     * Checks that the service is up; see {@link HelviaClient#health()}.
     *
     * @return the future of the service status
     */
    public CompletableFuture<HelviaHealth> health() {
        return health(RequestOptions.defaults());
    }

    /**
     * Checks that the service is up with per-call options; see {@link HelviaClient#health(RequestOptions)}.
     *
     * @param options retries, timeouts and extra headers for this call
     * @return the future of the service status
     */
    public CompletableFuture<HelviaHealth> health(RequestOptions options) {
        return client.core().runAsync(client::healthOperation, options);
    }

    /**
     * Sends one message to the agent; see {@link HelviaClient#send(HelviaMessage)}.
     *
     * @param message the message
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(HelviaMessage message) {
        return send(message, RequestOptions.defaults());
    }

    /**
     * Sends one message with per-call options; see {@link HelviaClient#send(HelviaMessage, RequestOptions)}.
     *
     * @param message the message
     * @param options retries, timeouts and extra headers for this call
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(HelviaMessage message, RequestOptions options) {
        return client.core().runAsync(() -> client.sendOperation(message), options);
    }

    /**
     * Sends a request built with the generated model (escape hatch, internal package); see
     * {@link HelviaClient#send(EventRequest)}.
     *
     * @param request the request
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(EventRequest request) {
        return client.core().runAsync(() -> client.sendOperation(request), RequestOptions.defaults());
    }
}
