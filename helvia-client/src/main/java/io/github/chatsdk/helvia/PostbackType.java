package io.github.chatsdk.helvia;

/**
 * What a postback triggers ({@code message.payload.type}): a flow node, an intent or an action.
 */
public enum PostbackType {
    /** A flow node by id, such as {@code greeting}. */
    NODE("node"),
    /** An intent by name. */
    INTENT("intent"),
    /** An action; its data is usually an {@code {actions: [...]}} object. */
    ACTION("action");

    private final String value;

    PostbackType(String value) {
        this.value = value;
    }

    /** @return the value on the wire: {@code node}, {@code intent} or {@code action} */
    public String value() {
        return value;
    }
}
