package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous turns of a {@link HelviaConversation}, obtained from
 * {@link HelviaConversation#async()}. It is a view of the same conversation: same sender,
 * language and queued tags. The tags that went out with a turn are forgotten when its future
 * completes successfully (before any stage chained to it runs); tags queued while the turn was in
 * flight stay queued for the next one.
 *
 * <pre>{@code
 * HelviaConversation chat = helvia.conversation("user-123");
 * chat.async().start()
 *         .thenCompose(greeting -> chat.async().say("Hello, I need help with time management"))
 *         .thenAccept(reply -> reply.texts().forEach(System.out::println));
 * }</pre>
 *
 * <p>Like the conversation, it is <b>thread-safe</b>: it shares the conversation's state (language,
 * queued tags), which any thread may change, and each turn sends a consistent snapshot of it. Its
 * turns still only make sense in order: start a turn when the previous turn's future has completed
 * (chain them as above). The futures follow the rules of {@link HelviaClientAsync}.
 */
public final class HelviaConversationAsync {
    private final HelviaConversation conversation;

    HelviaConversationAsync(HelviaConversation conversation) {
        this.conversation = conversation;
    }

    /**
     * Starts (or restarts) the session with the greeting postback; see {@link HelviaConversation#start()}.
     *
     * @return the future of the agent's greeting
     */
    public CompletableFuture<AgentReply> start() {
        return start(RequestOptions.defaults());
    }

    /**
     * Starts the session with the greeting postback, with per-call options; see
     * {@link HelviaConversation#start(RequestOptions)}.
     *
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the future of the agent's greeting
     */
    public CompletableFuture<AgentReply> start(RequestOptions options) {
        return conversation.sendAsync(HelviaMessage::greeting, options);
    }

    /**
     * Sends what the user says; see {@link HelviaConversation#say(String)}.
     *
     * @param text the user's message; not blank
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> say(String text) {
        return say(text, RequestOptions.defaults());
    }

    /**
     * Sends what the user says, with per-call options; see {@link HelviaConversation#say(String, RequestOptions)}.
     *
     * @param text the user's message; not blank
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> say(String text, RequestOptions options) {
        return conversation.sendAsync(() -> HelviaMessage.text(text), options);
    }

    /**
     * Sends a postback whose data is a string; see {@link HelviaConversation#postback(PostbackType, String)}.
     *
     * @param type what the postback triggers
     * @param data the target; not blank
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> postback(PostbackType type, String data) {
        return postback(type, data, RequestOptions.defaults());
    }

    /**
     * Sends a postback whose data is a string, with per-call options; see
     * {@link HelviaConversation#postback(PostbackType, String, RequestOptions)}.
     *
     * @param type what the postback triggers
     * @param data the target; not blank
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> postback(PostbackType type, String data, RequestOptions options) {
        return conversation.sendAsync(() -> HelviaMessage.postback(type, data), options);
    }

    /**
     * Sends a postback whose data is {@code {"actions": [...]}}; see
     * {@link HelviaConversation#postback(PostbackType, List)}.
     *
     * @param type what the postback triggers
     * @param actions the action objects
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> postback(PostbackType type, List<? extends Map<String, ?>> actions) {
        return postback(type, actions, RequestOptions.defaults());
    }

    /**
     * Sends a postback whose data is {@code {"actions": [...]}}, with per-call options; see
     * {@link HelviaConversation#postback(PostbackType, List, RequestOptions)}.
     *
     * @param type what the postback triggers
     * @param actions the action objects
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> postback(PostbackType type, List<? extends Map<String, ?>> actions,
            RequestOptions options) {
        return conversation.sendAsync(() -> HelviaMessage.postback(type, actions), options);
    }

    /**
     * Sends any message as this conversation's user; see {@link HelviaConversation#send(HelviaMessage)}.
     *
     * @param message the message
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(HelviaMessage message) {
        return send(message, RequestOptions.defaults());
    }

    /**
     * Sends any message as this conversation's user with per-call options; see
     * {@link HelviaConversation#send(HelviaMessage, RequestOptions)}.
     *
     * @param message the message
     * @param options retries, timeouts and extra headers for this call
     * @return the future of the agent's reply
     */
    public CompletableFuture<AgentReply> send(HelviaMessage message, RequestOptions options) {
        return conversation.sendAsync(() -> message, options);
    }
}
