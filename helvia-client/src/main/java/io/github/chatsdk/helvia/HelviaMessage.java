package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.internal.Check;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.PostbackActions;
import io.github.chatsdk.helvia.internal.generated.model.PostbackData;
import io.github.chatsdk.helvia.internal.generated.model.RequestOptions;
import io.github.chatsdk.helvia.internal.generated.model.Sender;
import io.github.chatsdk.helvia.internal.generated.model.TagOperations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event to send to a Helvia agent ({@code POST /api/events}): a text message or a postback,
 * plus everything else the request can carry. Immutable: every method returns a new value, so a
 * message can be built once and reused.
 *
 * <pre>{@code
 * HelviaMessage m = HelviaMessage.text("Hello")
 *         .sender(HelviaSender.of("user-123").name("John Doe"))
 *         .language("EN")
 *         .addTags("vip")
 *         .includeMetadata(true)
 *         .includeStrippedMarkdown(true);
 * AgentReply reply = helvia.send(m);
 * }</pre>
 *
 * <p>A message is either text or a postback, never both: that rule of the API holds by
 * construction. The handle is the client's unless {@link #handle(String)} overrides it.
 */
public final class HelviaMessage {
    /** The node id of the greeting flow, which starts a new session. */
    public static final String GREETING_NODE = "greeting";

    private final String text;
    private final PostbackType postbackType;
    private final String postbackData;
    private final List<Map<String, Object>> postbackActions;
    private final List<String> contexts;
    private final HelviaSender sender;
    private final Long timestamp;
    private final String language;
    private final List<String> tagsToAdd;
    private final List<String> tagsToRemove;
    private final Boolean includeMetadata;
    private final Boolean includeStrippedMarkdown;
    private final String handle;

    private HelviaMessage(Draft d) {
        this.text = d.text;
        this.postbackType = d.postbackType;
        this.postbackData = d.postbackData;
        this.postbackActions = d.postbackActions;
        this.contexts = List.copyOf(d.contexts);
        this.sender = d.sender;
        this.timestamp = d.timestamp;
        this.language = d.language;
        this.tagsToAdd = List.copyOf(d.tagsToAdd);
        this.tagsToRemove = List.copyOf(d.tagsToRemove);
        this.includeMetadata = d.includeMetadata;
        this.includeStrippedMarkdown = d.includeStrippedMarkdown;
        this.handle = d.handle;
    }

    /**
     * A text message ({@code message.text}).
     *
     * @param text what the user says; not blank
     * @return the message
     */
    public static HelviaMessage text(String text) {
        Draft d = new Draft();
        d.text = Check.nonBlank("message.text", text);
        return new HelviaMessage(d);
    }

    /**
     * A postback whose data is a string ({@code message.payload}): a node id, an intent name or
     * an action name.
     *
     * @param type what the postback triggers
     * @param data the target, such as {@code greeting}; not blank
     * @return the message
     */
    public static HelviaMessage postback(PostbackType type, String data) {
        Draft d = new Draft();
        d.postbackType = Objects.requireNonNull(type, "message.payload.type == null");
        d.postbackData = Check.nonBlank("message.payload.data", data);
        return new HelviaMessage(d);
    }

    /**
     * A postback whose data is an object {@code {"actions": [...]}}.
     *
     * @param type what the postback triggers, usually {@link PostbackType#ACTION}
     * @param actions the action objects, sent as JSON (maps, lists, strings, numbers, booleans);
     *     copied deeply
     * @return the message
     */
    public static HelviaMessage postback(PostbackType type, List<? extends Map<String, ?>> actions) {
        Draft d = new Draft();
        d.postbackType = Objects.requireNonNull(type, "message.payload.type == null");
        d.postbackActions = freezeActions(actions);
        return new HelviaMessage(d);
    }

    /**
     * The greeting postback ({@code {type: node, data: greeting}}), which starts a new session.
     *
     * @return the message
     */
    public static HelviaMessage greeting() {
        return postback(PostbackType.NODE, GREETING_NODE);
    }

    /**
     * Context strings sent with the message ({@code message.contexts}), replacing any set before.
     *
     * @param contexts the contexts; none may be null; an empty list sends none
     * @return a copy with the contexts
     */
    public HelviaMessage contexts(List<String> contexts) {
        Objects.requireNonNull(contexts, "message.contexts == null");
        for (String c : contexts) {
            if (c == null) {
                throw new InvalidInputException("message.contexts", "must not contain null");
            }
        }
        Draft d = draft();
        d.contexts = new ArrayList<>(contexts);
        return new HelviaMessage(d);
    }

    /**
     * Context strings sent with the message ({@code message.contexts}), replacing any set before.
     *
     * @param first the first context
     * @param more further contexts
     * @return a copy with the contexts
     */
    public HelviaMessage contexts(String first, String... more) {
        return contexts(list(first, more));
    }

    /**
     * Who sends the message. Use the same sender id for all of one user's messages.
     *
     * @param sender the sender
     * @return a copy with the sender
     */
    public HelviaMessage sender(HelviaSender sender) {
        Draft d = draft();
        d.sender = Objects.requireNonNull(sender, "sender == null");
        return new HelviaMessage(d);
    }

    /**
     * Who sends the message, by id only.
     *
     * @param senderId the end user's id; not blank
     * @return a copy with the sender
     */
    public HelviaMessage sender(String senderId) {
        return sender(HelviaSender.of(senderId));
    }

    /**
     * When the user sent the message ({@code timestamp}, Unix epoch milliseconds).
     *
     * @param epochMillis milliseconds since 1970-01-01T00:00:00Z; not negative
     * @return a copy with the timestamp
     */
    public HelviaMessage timestamp(long epochMillis) {
        if (epochMillis < 0) {
            throw new InvalidInputException("timestamp", "must not be negative");
        }
        Draft d = draft();
        d.timestamp = epochMillis;
        return new HelviaMessage(d);
    }

    /**
     * When the user sent the message; sent as epoch milliseconds (sub-millisecond precision is dropped).
     *
     * @param instant the instant; not before 1970
     * @return a copy with the timestamp
     */
    public HelviaMessage timestamp(Instant instant) {
        Objects.requireNonNull(instant, "timestamp == null");
        long millis;
        try {
            millis = instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new InvalidInputException("timestamp", "is out of range");
        }
        return timestamp(millis);
    }

    /**
     * The language of this message, overriding the agent's ({@code language}, such as {@code EN},
     * {@code EL}, {@code DE}).
     *
     * @param language the language code; not blank
     * @return a copy with the language
     */
    public HelviaMessage language(String language) {
        Draft d = draft();
        d.language = Check.nonBlank("language", language);
        return new HelviaMessage(d);
    }

    /**
     * Tags to add to the session ({@code tagOperations.add}). Added to those set before; a tag
     * that was to be removed is no longer removed.
     *
     * @param first a tag
     * @param more further tags
     * @return a copy with the tags
     */
    public HelviaMessage addTags(String first, String... more) {
        return addTags(list(first, more));
    }

    /**
     * Tags to add to the session ({@code tagOperations.add}). Added to those set before; a tag
     * that was to be removed is no longer removed.
     *
     * @param tags at least one tag, none blank
     * @return a copy with the tags
     */
    public HelviaMessage addTags(Collection<String> tags) {
        List<String> checked = tags("tagOperations.add", tags);
        Draft d = draft();
        d.tagsToAdd = merge(d.tagsToAdd, checked);
        d.tagsToRemove = without(d.tagsToRemove, checked);
        return new HelviaMessage(d);
    }

    /**
     * Tags to remove from the session ({@code tagOperations.remove}). Added to those set before; a
     * tag that was to be added is no longer added.
     *
     * @param first a tag
     * @param more further tags
     * @return a copy with the tags
     */
    public HelviaMessage removeTags(String first, String... more) {
        return removeTags(list(first, more));
    }

    /**
     * Tags to remove from the session ({@code tagOperations.remove}). Added to those set before; a
     * tag that was to be added is no longer added.
     *
     * @param tags at least one tag, none blank
     * @return a copy with the tags
     */
    public HelviaMessage removeTags(Collection<String> tags) {
        List<String> checked = tags("tagOperations.remove", tags);
        Draft d = draft();
        d.tagsToRemove = merge(d.tagsToRemove, checked);
        d.tagsToAdd = without(d.tagsToAdd, checked);
        return new HelviaMessage(d);
    }

    /**
     * Asks for the ids of the responses and of the flow nodes that produced them
     * ({@code options.includeMetadata}); read them with {@link AgentReply#responseIds()} and
     * {@link AgentReply#nodeIds()}.
     *
     * @param include whether to ask
     * @return a copy with the option
     */
    public HelviaMessage includeMetadata(boolean include) {
        Draft d = draft();
        d.includeMetadata = include;
        return new HelviaMessage(d);
    }

    /**
     * Asks for the text responses with their Markdown stripped
     * ({@code options.includeStrippedMarkdownTextResponses}); read them with
     * {@link AgentReply#strippedMarkdownTexts()}.
     *
     * @param include whether to ask
     * @return a copy with the option
     */
    public HelviaMessage includeStrippedMarkdown(boolean include) {
        Draft d = draft();
        d.includeStrippedMarkdown = include;
        return new HelviaMessage(d);
    }

    /**
     * The agent deployment to talk to, overriding the client's handle.
     *
     * @param handle the deployment identifier (console: Designer, Deployments, API, Identifier); not blank
     * @return a copy with the handle
     */
    public HelviaMessage handle(String handle) {
        Draft d = draft();
        d.handle = Check.nonBlank("handle", handle);
        return new HelviaMessage(d);
    }

    /** @return the text, for a text message */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** @return the postback type, for a postback */
    public Optional<PostbackType> postbackType() {
        return Optional.ofNullable(postbackType);
    }

    /** @return the postback's data, for a postback whose data is a string */
    public Optional<String> postbackData() {
        return Optional.ofNullable(postbackData);
    }

    /** @return the postback's {@code actions}, for a postback whose data is an object; unmodifiable */
    public Optional<List<Map<String, Object>>> postbackActions() {
        return Optional.ofNullable(postbackActions);
    }

    /** @return the context strings, empty when none; unmodifiable */
    public List<String> contexts() {
        return contexts;
    }

    /** @return the sender, if set */
    public Optional<HelviaSender> sender() {
        return Optional.ofNullable(sender);
    }

    /** @return the timestamp, if set */
    public Optional<Instant> timestamp() {
        return timestamp == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timestamp));
    }

    /** @return the language code, if set */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** @return the tags to add, in order, empty when none; unmodifiable */
    public List<String> tagsToAdd() {
        return tagsToAdd;
    }

    /** @return the tags to remove, in order, empty when none; unmodifiable */
    public List<String> tagsToRemove() {
        return tagsToRemove;
    }

    /** @return whether the reply should carry response and node ids */
    public boolean includeMetadata() {
        return Boolean.TRUE.equals(includeMetadata);
    }

    /** @return whether the reply should carry Markdown-stripped texts */
    public boolean includeStrippedMarkdown() {
        return Boolean.TRUE.equals(includeStrippedMarkdown);
    }

    /** @return the handle override, if set */
    public Optional<String> handle() {
        return Optional.ofNullable(handle);
    }

    /** The generated request model; {@code handle} is the client's when the message has none. */
    EventRequest toRequest(String defaultHandle) {
        Message message = new Message();
        if (text != null) {
            message.text(text);
        } else {
            PostbackData data = postbackData != null ? new PostbackData(postbackData)
                    : new PostbackData(new PostbackActions().actions(new ArrayList<>(postbackActions)));
            message.payload(new Postback().type(Postback.TypeEnum.fromValue(postbackType.value())).data(data));
        }
        if (!contexts.isEmpty()) {
            message.contexts(new ArrayList<>(contexts));
        }
        EventRequest r = new EventRequest().handle(handle != null ? handle : defaultHandle).message(message);
        if (sender != null) {
            Sender s = new Sender().id(sender.id());
            sender.name().ifPresent(s::name);
            sender.email().ifPresent(s::email);
            r.sender(s);
        }
        if (timestamp != null) {
            r.timestamp(BigDecimal.valueOf(timestamp));
        }
        if (language != null) {
            r.language(language);
        }
        if (!tagsToAdd.isEmpty() || !tagsToRemove.isEmpty()) {
            TagOperations t = new TagOperations();
            if (!tagsToAdd.isEmpty()) {
                t.add(new ArrayList<>(tagsToAdd));
            }
            if (!tagsToRemove.isEmpty()) {
                t.remove(new ArrayList<>(tagsToRemove));
            }
            r.tagOperations(t);
        }
        if (includeMetadata != null || includeStrippedMarkdown != null) {
            RequestOptions o = new RequestOptions();
            if (includeMetadata != null) {
                o.includeMetadata(includeMetadata);
            }
            if (includeStrippedMarkdown != null) {
                o.includeStrippedMarkdownTextResponses(includeStrippedMarkdown);
            }
            r.options(o);
        }
        return r;
    }

    /** A copy with the given sender, language (when it has none) and extra tags: for conversations. */
    HelviaMessage forConversation(HelviaSender sender, String language, List<String> add, List<String> remove) {
        Draft d = draft();
        d.sender = sender;
        if (d.language == null) {
            d.language = language;
        }
        // the message's own tag operations win over the conversation's pending ones
        List<String> pendingAdd = without(add, tagsToRemove);
        List<String> pendingRemove = without(remove, tagsToAdd);
        d.tagsToAdd = merge(pendingAdd, tagsToAdd);
        d.tagsToRemove = merge(pendingRemove, tagsToRemove);
        return new HelviaMessage(d);
    }

    private Draft draft() {
        Draft d = new Draft();
        d.text = text;
        d.postbackType = postbackType;
        d.postbackData = postbackData;
        d.postbackActions = postbackActions;
        d.contexts = contexts;
        d.sender = sender;
        d.timestamp = timestamp;
        d.language = language;
        d.tagsToAdd = tagsToAdd;
        d.tagsToRemove = tagsToRemove;
        d.includeMetadata = includeMetadata;
        d.includeStrippedMarkdown = includeStrippedMarkdown;
        d.handle = handle;
        return d;
    }

    private static final class Draft {
        String text;
        PostbackType postbackType;
        String postbackData;
        List<Map<String, Object>> postbackActions;
        List<String> contexts = List.of();
        HelviaSender sender;
        Long timestamp;
        String language;
        List<String> tagsToAdd = List.of();
        List<String> tagsToRemove = List.of();
        Boolean includeMetadata;
        Boolean includeStrippedMarkdown;
        String handle;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> freezeActions(List<? extends Map<String, ?>> actions) {
        Objects.requireNonNull(actions, "message.payload.data.actions == null");
        for (Map<String, ?> a : actions) {
            if (a == null) {
                throw new InvalidInputException("message.payload.data.actions", "must not contain null");
            }
        }
        return (List<Map<String, Object>>) Json.freezeInput("message.payload.data.actions", actions);
    }

    private static List<String> list(String first, String... more) {
        Objects.requireNonNull(more, "more == null");
        List<String> l = new ArrayList<>(more.length + 1);
        l.add(first);
        l.addAll(Arrays.asList(more));
        return l;
    }

    static List<String> tags(String field, Collection<String> tags) {
        Objects.requireNonNull(tags, field + " == null");
        if (tags.isEmpty()) {
            throw new InvalidInputException(field, "must name at least one tag");
        }
        for (String t : tags) {
            if (t == null || t.isBlank()) {
                throw new InvalidInputException(field, "must not contain a null or blank tag");
            }
        }
        return List.copyOf(tags);
    }

    static List<String> merge(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    static List<String> without(List<String> a, Collection<String> b) {
        List<String> l = new ArrayList<>(a);
        l.removeAll(b);
        return Collections.unmodifiableList(l);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof HelviaMessage)) {
            return false;
        }
        HelviaMessage m = (HelviaMessage) o;
        return Objects.equals(text, m.text) && postbackType == m.postbackType
                && Objects.equals(postbackData, m.postbackData) && Objects.equals(postbackActions, m.postbackActions)
                && contexts.equals(m.contexts) && Objects.equals(sender, m.sender)
                && Objects.equals(timestamp, m.timestamp) && Objects.equals(language, m.language)
                && tagsToAdd.equals(m.tagsToAdd) && tagsToRemove.equals(m.tagsToRemove)
                && Objects.equals(includeMetadata, m.includeMetadata)
                && Objects.equals(includeStrippedMarkdown, m.includeStrippedMarkdown) && Objects.equals(handle, m.handle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, postbackType, postbackData, postbackActions, contexts, sender, timestamp, language,
                tagsToAdd, tagsToRemove, includeMetadata, includeStrippedMarkdown, handle);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HelviaMessage{");
        if (text != null) {
            sb.append("text=").append(text);
        } else {
            sb.append("postback=").append(postbackType.value()).append(':')
                    .append(postbackData != null ? postbackData : "{actions=" + postbackActions + "}");
        }
        if (sender != null) {
            sb.append(", sender=").append(sender.id());
        }
        if (handle != null) {
            sb.append(", handle=").append(handle);
        }
        if (language != null) {
            sb.append(", language=").append(language);
        }
        return sb.append('}').toString();
    }
}
