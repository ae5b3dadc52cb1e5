package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One response of the agent in an {@link AgentReply}: its id, its type ({@code text},
 * {@code buttons}, {@code cards}, ... — any type the server sends is kept, known or not), its
 * content options and its plain-text version. {@link #json()} holds the whole item, members this
 * SDK does not know included.
 */
public final class ReplyItem {
    /** The type of a plain text response. */
    public static final String TEXT = "text";

    private final String id;
    private final String type;
    private final List<String> options;
    private final String altText;
    private volatile Map<String, Object> json;
    /** The item's JSON, already validated; converted to Java on first {@link #json()}. */
    private final JsonObject rawJson;

    ReplyItem(String id, String type, List<String> options, String altText, JsonObject rawJson) {
        this.id = id;
        this.type = type;
        this.options = options;
        this.altText = altText;
        this.rawJson = rawJson;
    }

    /** @return the response id, such as {@code TX_b8eb307f-...}, if the server sent one */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the response type as sent ({@code text}, {@code buttons}, {@code cards}, or another), if any */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** @return whether this is a {@code text} response */
    public boolean isText() {
        return TEXT.equals(type);
    }

    /** @return the response content ({@code options}), empty when absent; unmodifiable */
    public List<String> options() {
        return options;
    }

    /** @return the plain-text version of the response ({@code altText}), if present */
    public Optional<String> altText() {
        return Optional.ofNullable(altText);
    }

    /**
     * The plain text of this response: {@link #altText()} when present, else the {@link #options()}
     * joined with newlines.
     *
     * @return the text, possibly empty
     */
    public String text() {
        return altText != null ? altText : String.join("\n", options);
    }

    /**
     * The whole item as free-form JSON: maps, lists, strings, booleans, integers as {@code Long},
     * other numbers as {@code Double}; members unknown to this SDK included.
     *
     * @return the item, unmodifiable
     */
    public Map<String, Object> json() {
        Map<String, Object> j = json;
        if (j == null) {
            j = Json.toJavaMap(rawJson);
            json = j;
        }
        return j;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || o instanceof ReplyItem && rawJson.equals(((ReplyItem) o).rawJson);
    }

    @Override
    public int hashCode() {
        return rawJson.hashCode();
    }

    @Override
    public String toString() {
        return "ReplyItem{id=" + id + ", type=" + type + ", options=" + options + ", altText=" + altText + '}';
    }
}
