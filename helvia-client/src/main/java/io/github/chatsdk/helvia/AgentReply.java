package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.ResponseMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
    private final String rawJson;

    AgentReply(String status, List<ReplyItem> responses, List<String> responseIds, List<String> nodeIds,
            List<String> strippedMarkdownTexts, ResponseMeta meta, String rawJson) {
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
     * The response body exactly as received: the escape hatch for members this type does not
     * surface. Parse it with any JSON library; {@link ReplyItem#json()} has each response as
     * free-form JSON already.
     *
     * @return the body, JSON text
     */
    public String rawJson() {
        return rawJson;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AgentReply)) {
            return false;
        }
        AgentReply that = (AgentReply) o;
        return Objects.equals(status, that.status) && responses.equals(that.responses)
                && responseIds.equals(that.responseIds) && nodeIds.equals(that.nodeIds)
                && strippedMarkdownTexts.equals(that.strippedMarkdownTexts) && meta.equals(that.meta)
                && rawJson.equals(that.rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, responses, responseIds, nodeIds, strippedMarkdownTexts, meta, rawJson);
    }

    @Override
    public String toString() {
        return "AgentReply{status=" + status + ", responses=" + responses + ", responseIds=" + responseIds
                + ", nodeIds=" + nodeIds + ", meta=" + meta + '}';
    }
}
