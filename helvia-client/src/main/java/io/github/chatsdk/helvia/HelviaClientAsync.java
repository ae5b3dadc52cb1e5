package io.github.chatsdk.helvia;

import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link HelviaClient}: every operation returns a
 * {@link CompletableFuture} instead of blocking. Obtain it from {@link HelviaClient#async()}; it
 * shares the client's connection pool, token, handle, retries, options and lifecycle (close the
 * {@link HelviaClient}). For the turns of one end user, see {@link HelviaConversation#async()}.
 *
 * <pre>{@code
 * helvia.async().messages().send(HelviaMessage.text("Hello").sender("user-123"))
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
    private final HelviaMessagesAsync messages;
    private final HelviaHealthAsync health;

    HelviaClientAsync(HelviaClient client) {
        this.messages = new HelviaMessagesAsync(client);
        this.health = new HelviaHealthAsync(client);
    }

    /**
     * The asynchronous messages service; see {@link HelviaClient#messages()}.
     *
     * @return the service
     */
    public HelviaMessagesAsync messages() {
        return messages;
    }

    /**
     * The asynchronous health service; see {@link HelviaClient#health()}.
     *
     * @return the service
     */
    public HelviaHealthAsync health() {
        return health;
    }
}
