package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous twin of {@link HelviaMessages}: {@code helvia.async().messages()}. Same rules,
 * options and exceptions (as the future's failure); no thread waits while a call is in flight or
 * waiting to retry.
 */
public final class HelviaMessagesAsync {
    private final HelviaClient client;

    HelviaMessagesAsync(HelviaClient client) {
        this.client = client;
    }

    /**
     * Sends one message to the agent; see {@link HelviaMessages#send(HelviaMessage)}.
     *
     * @param message the message
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(HelviaMessage message) {
        return send(message, RequestOptions.defaults());
    }

    /**
     * Sends one message with per-call options; see {@link HelviaMessages#send(HelviaMessage, RequestOptions)}.
     *
     * @param message the message
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(HelviaMessage message, RequestOptions options) {
        return client.core().runAsync(() -> client.sendOperation(message), options);
    }

    @Override
    public String toString() {
        return "HelviaMessagesAsync{" + client + '}';
    }
}
