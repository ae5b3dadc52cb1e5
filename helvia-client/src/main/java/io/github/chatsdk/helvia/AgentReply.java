package io.github.chatsdk.helvia;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.helvia.internal.HelviaJson;
import io.github.chatsdk.helvia.internal.generated.model.EventResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The agent's answer to one message: its responses in order (every one, whatever its type), the
 * plain text of the text responses, the metadata asked for with
 * {@link HelviaMessage#includeMetadata(boolean)} and
 * {@link HelviaMessage#includeStrippedMarkdown(boolean)}, and the HTTP response metadata.
 *
 * <pre>{@code
 * AgentReply reply = chat.say("Hello, I need help with time management");
 * reply.texts().forEach(System.out::println);
 * for (ReplyItem item : reply.responses()) {
 *     if (!item.isText()) { ... item.type(), item.options() ... }
 * }
 * }</pre>
 */
public final class AgentReply {
    private final String status;
    private final List<ReplyItem> responses;
    private final List<String> responseIds;
    private final List<String> nodeIds;
    private final List<String> strippedMarkdownTexts;
    private final ResponseMeta meta;
    /** The whole body, already validated; bound to the generated model on first {@link #raw()}. */
    private final JsonObject rawJson;
    private volatile EventResponse raw;

    AgentReply(String status, List<ReplyItem> responses, List<String> responseIds, List<String> nodeIds,
            List<String> strippedMarkdownTexts, ResponseMeta meta, JsonObject rawJson) {
        this.status = status;
        this.responses = responses;
        this.responseIds = responseIds;
        this.nodeIds = nodeIds;
        this.strippedMarkdownTexts = strippedMarkdownTexts;
        this.meta = meta;
        this.rawJson = rawJson;
    }

    /** @return the body's {@code status} as sent (documented as {@code ok}; other values pass through), if present */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** @return every response, in order, unknown types included; empty when the agent said nothing */
    public List<ReplyItem> responses() {
        return responses;
    }

    /**
     * The plain text of each {@code text} response, in order (see {@link ReplyItem#text()}).
     * Responses of other types are left out here; they stay in {@link #responses()}.
     *
     * @return the texts, unmodifiable
     */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ReplyItem r : responses) {
            if (r.isText()) {
                texts.add(r.text());
            }
        }
        return Collections.unmodifiableList(texts);
    }

    /** @return {@link #texts()} joined with newlines: the whole text answer, empty when there is none */
    public String text() {
        return String.join("\n", texts());
    }

    /** @return the response ids ({@code responsesIds}), sent only when metadata was asked for; else empty */
    public List<String> responseIds() {
        return responseIds;
    }

    /** @return the ids of the flow nodes that produced the responses ({@code nodesIds}), sent only when metadata was asked for; else empty */
    public List<String> nodeIds() {
        return nodeIds;
    }

    /**
     * The text responses without Markdown ({@code responsesStrippedMarkdownText}), sent only when
     * {@link HelviaMessage#includeStrippedMarkdown(boolean)} was asked for; else empty.
     *
     * @return the texts, unmodifiable
     */
    public List<String> strippedMarkdownTexts() {
        return strippedMarkdownTexts;
    }

    /** @return status, headers, request id, rate limit and attempts of the HTTP response */
    public ResponseMeta meta() {
        return meta;
    }

    /**
     * The generated model, for fields this type does not surface (internal package, may change).
     * An unknown {@code status} reads there as {@code UNKNOWN_DEFAULT_OPEN_API}; {@link #status()}
     * keeps the text.
     *
     * @return the generated {@code EventResponse}
     */
    public EventResponse raw() {
        EventResponse r = raw;
        if (r == null) {
            // bound on first use (most callers never need it); the tree passed validation already
            r = HelviaJson.bind(rawJson, EventResponse.class);
            raw = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return "AgentReply{status=" + status + ", responses=" + responses + ", responseIds=" + responseIds
                + ", nodeIds=" + nodeIds + ", meta=" + meta + '}';
    }
}
