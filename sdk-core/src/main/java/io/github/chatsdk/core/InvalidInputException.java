package io.github.chatsdk.core;

/**
 * Thrown before any request is sent when an argument cannot be valid: a blank id, a message with
 * neither text nor payload, a malformed idempotency key. The message names the offending field.
 */
public final class InvalidInputException extends ChatSdkException {
    private static final long serialVersionUID = 1L;

    /** The refused field. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the name of the field that is wrong, as the API names it (for example
     *     {@code actor.actorId})
     * @param problem what is wrong with it
     */
    public InvalidInputException(String field, String problem) {
        super(field + " " + problem, null, 0, null);
        this.field = field;
    }

    /**
     * The field that was refused, for example {@code sessionId} or {@code actor.actorId}.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }
}
