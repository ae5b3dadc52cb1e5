package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.Check;
import io.github.chatsdk.core.internal.Futures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A conversation between one end user and the agent. Every message it sends carries the same
 * sender, so Helvia keeps the conversation's context; it also carries the conversation's language
 * (when set) and any tags queued with {@link #addTags}/{@link #removeTags}.
 *
 * <pre>{@code
 * HelviaConversation chat = helvia.conversation("user-123").language("EN");
 * chat.start();                                   // the greeting postback
 * AgentReply reply = chat.say("Hello, I need help with time management");
 * chat.addTags("time-management").say("Mostly at work");
 * chat.postback(PostbackType.INTENT, "talk_to_human");
 * }</pre>
 *
 * <p><b>Thread-safe.</b> Its state (the language and the queued tags) may be changed and read from
 * any thread, and an asynchronous turn updates it from an OkHttp thread; each turn takes a consistent
 * snapshot of it. The turns of one dialogue still only make sense in order: wait for each reply
 * before sending the next message. Different conversations may run in parallel on the same
 * {@link HelviaClient}.
 *
 * <p>Every turn has an overload taking {@link RequestOptions} (retries, timeouts, extra headers,
 * listeners) for that call only.
 */
public final class HelviaConversation {
    private final HelviaClient client;
    private final HelviaSender sender;
    private final HelviaConversationAsync async;
    // volatile and guarded by this: an asynchronous turn clears the tags on an OkHttp thread
    private volatile String language;
    private volatile List<String> pendingAdd = List.of();
    private volatile List<String> pendingRemove = List.of();

    HelviaConversation(HelviaClient client, HelviaSender sender) {
        this.client = client;
        this.sender = sender;
        this.async = new HelviaConversationAsync(this);
    }

    /**
     * The asynchronous turns of this conversation (same sender, language and queued tags), each
     * returning a {@link java.util.concurrent.CompletableFuture}. Start a turn when the previous
     * one has completed.
     *
     * @return the asynchronous view of this conversation
     */
    public HelviaConversationAsync async() {
        return async;
    }

    /**
     * The sender id of this conversation: the one given to {@link HelviaClient#conversation(String)},
     * or the generated one. Store it to continue the conversation later with the same context.
     *
     * @return the sender id
     */
    public String senderId() {
        return sender.id();
    }

    /** @return the sender every message of this conversation carries */
    public HelviaSender sender() {
        return sender;
    }

    /**
     * Sets the language of the following messages ({@code language}, such as {@code EN}); a message
     * that sets its own language keeps it.
     *
     * @param language the language code; not blank
     * @return this conversation
     */
    public HelviaConversation language(String language) {
        this.language = Check.nonBlank("language", language);
        return this;
    }

    /**
     * Stops sending a language: the agent's own applies again.
     *
     * @return this conversation
     */
    public HelviaConversation clearLanguage() {
        this.language = null;
        return this;
    }

    /** @return the language the following messages carry, if set */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /**
     * Queues tags to add to the session with the next message. They are sent with the next
     * message and then forgotten once it succeeds; if that message fails they stay queued, so
     * sending again carries them (adding a tag twice is harmless).
     *
     * @param first a tag; not blank
     * @param more further tags
     * @return this conversation
     */
    public HelviaConversation addTags(String first, String... more) {
        List<String> tags = HelviaMessage.tags("tagOperations.add", list(first, more));
        synchronized (this) {
            pendingAdd = HelviaMessage.merge(pendingAdd, tags);
            pendingRemove = HelviaMessage.without(pendingRemove, tags);
        }
        return this;
    }

    /**
     * Queues tags to remove from the session with the next message (see {@link #addTags}).
     *
     * @param first a tag; not blank
     * @param more further tags
     * @return this conversation
     */
    public HelviaConversation removeTags(String first, String... more) {
        List<String> tags = HelviaMessage.tags("tagOperations.remove", list(first, more));
        synchronized (this) {
            pendingRemove = HelviaMessage.merge(pendingRemove, tags);
            pendingAdd = HelviaMessage.without(pendingAdd, tags);
        }
        return this;
    }

    /** @return the tags queued to be added with the next message; unmodifiable */
    public List<String> pendingTagsToAdd() {
        return pendingAdd;
    }

    /** @return the tags queued to be removed with the next message; unmodifiable */
    public List<String> pendingTagsToRemove() {
        return pendingRemove;
    }

    /**
     * Starts (or restarts) the session with the greeting postback ({@code {type: node, data: greeting}}).
     *
     * @return the agent's greeting
     */
    public AgentReply start() {
        return start(RequestOptions.defaults());
    }

    /**
     * Starts the session with the greeting postback, with per-call options.
     *
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the agent's greeting
     */
    public AgentReply start(RequestOptions options) {
        return send(HelviaMessage.greeting(), options);
    }

    /**
     * Sends what the user says.
     *
     * @param text the user's message; not blank
     * @return the agent's reply
     */
    public AgentReply say(String text) {
        return say(text, RequestOptions.defaults());
    }

    /**
     * Sends what the user says, with per-call options.
     *
     * @param text the user's message; not blank
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the agent's reply
     */
    public AgentReply say(String text, RequestOptions options) {
        return send(HelviaMessage.text(text), options);
    }

    /**
     * Sends a postback whose data is a string: a node id, an intent name or an action name.
     *
     * @param type what the postback triggers
     * @param data the target; not blank
     * @return the agent's reply
     */
    public AgentReply postback(PostbackType type, String data) {
        return postback(type, data, RequestOptions.defaults());
    }

    /**
     * Sends a postback whose data is a string, with per-call options.
     *
     * @param type what the postback triggers
     * @param data the target; not blank
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the agent's reply
     */
    public AgentReply postback(PostbackType type, String data, RequestOptions options) {
        return send(HelviaMessage.postback(type, data), options);
    }

    /**
     * Sends a postback whose data is {@code {"actions": [...]}}.
     *
     * @param type what the postback triggers, usually {@link PostbackType#ACTION}
     * @param actions the action objects
     * @return the agent's reply
     */
    public AgentReply postback(PostbackType type, List<? extends Map<String, ?>> actions) {
        return postback(type, actions, RequestOptions.defaults());
    }

    /**
     * Sends a postback whose data is {@code {"actions": [...]}}, with per-call options.
     *
     * @param type what the postback triggers, usually {@link PostbackType#ACTION}
     * @param actions the action objects
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the agent's reply
     */
    public AgentReply postback(PostbackType type, List<? extends Map<String, ?>> actions, RequestOptions options) {
        return send(HelviaMessage.postback(type, actions), options);
    }

    /**
     * Sends any message as this conversation's user: its sender is replaced by this
     * conversation's, it gets this conversation's language unless it has its own, and the queued
     * tags are added to its own (its own win where they disagree).
     *
     * @param message the message
     * @return the agent's reply
     * @see HelviaMessages#send(HelviaMessage) for the exceptions
     */
    public AgentReply send(HelviaMessage message) {
        return send(message, RequestOptions.defaults());
    }

    /**
     * Sends any message as this conversation's user (see {@link #send(HelviaMessage)}) with
     * per-call options: retries, timeouts and extra headers.
     *
     * @param message the message
     * @param options retries, timeouts and extra headers for this call
     * @return the agent's reply
     * @see HelviaMessages#send(HelviaMessage) for the exceptions
     */
    public AgentReply send(HelviaMessage message, RequestOptions options) {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(options, "options == null");
        List<String> add;
        List<String> remove;
        synchronized (this) {
            add = pendingAdd;
            remove = pendingRemove;
        }
        AgentReply reply = client.messages().send(message.forConversation(sender, language, add, remove), options);
        forgetSent(add, remove);
        return reply;
    }

    /** The asynchronous turn: the same message and tags; the tags are forgotten before the future completes. */
    CompletableFuture<AgentReply> sendAsync(Supplier<HelviaMessage> message, RequestOptions options) {
        List<String> add;
        List<String> remove;
        synchronized (this) {
            add = pendingAdd;
            remove = pendingRemove;
        }
        String lang = language;
        CompletableFuture<AgentReply> sent = client.core().runAsync(() -> client.sendOperation(
                Objects.requireNonNull(message.get(), "message == null").forConversation(sender, lang, add, remove)),
                options);
        return Futures.map(sent, reply -> {
            forgetSent(add, remove);
            return reply;
        });
    }

    /** Forgets the queued tags that went out with a successful turn; tags queued since stay. */
    private synchronized void forgetSent(List<String> add, List<String> remove) {
        if (pendingAdd == add) {
            pendingAdd = List.of();
        }
        if (pendingRemove == remove) {
            pendingRemove = List.of();
        }
    }

    private static List<String> list(String first, String... more) {
        Objects.requireNonNull(more, "more == null");
        String[] all = new String[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return Arrays.asList(all);
    }

    @Override
    public String toString() {
        return "HelviaConversation{senderId=" + sender.id() + ", language=" + language + ", pendingTagsToAdd="
                + pendingAdd + ", pendingTagsToRemove=" + pendingRemove + '}';
    }
}
