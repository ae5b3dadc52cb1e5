package io.github.chatsdk.brek;

/**
 * The asynchronous view of a {@link BrekClient}: every operation returns a
 * {@link java.util.concurrent.CompletableFuture} instead of blocking. Obtain it from
 * {@link BrekClient#async()}; it shares the client's connection pool, credential, retries,
 * options and lifecycle (close the {@link BrekClient}).
 *
 * <pre>{@code
 * brek.async().sessions().create(CreateSession.forActor("partner_user_001"))
 *         .thenCompose(s -> brek.async().events().sendText(s.sessionId(), "partner_user_001", "Seattle Mar 20-23"))
 *         .thenAccept(r -> System.out.println(r.messageText()))
 *         .exceptionally(e -> { log(e); return null; });
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
 *       {@link io.github.chatsdk.core.Sleeper#sleepAsync}). Retries, idempotency keys,
 *       timeouts, the rate limiter and logging are those of the synchronous call.</li>
 *   <li>{@code future.cancel(true)} cancels the HTTP call in flight and any scheduled retry; a
 *       cancelled call is never retried. As with a timeout, a cancelled write may still have
 *       reached the server: resend it with the same idempotency key if you need its outcome.</li>
 *   <li>The future completes on an OkHttp dispatcher thread (or the thread that ended a wait):
 *       do not block in the stages you chain to it, or use the {@code ...Async} variants of
 *       {@link java.util.concurrent.CompletableFuture} with your own executor.</li>
 * </ul>
 */
public final class BrekClientAsync {
    private final BrekSessionsAsync sessions;
    private final BrekEventsAsync events;

    BrekClientAsync(BrekClient client) {
        this.sessions = new BrekSessionsAsync(client);
        this.events = new BrekEventsAsync(client);
    }

    /** @return asynchronous session operations */
    public BrekSessionsAsync sessions() {
        return sessions;
    }

    /** @return asynchronous event operations */
    public BrekEventsAsync events() {
        return events;
    }
}
