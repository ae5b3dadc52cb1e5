package io.github.chatsdk.core;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes and checks idempotency keys: the value that lets a server apply a write at most once even
 * when the client sends it several times (after a timeout, a crash, a retry).
 *
 * <pre>{@code
 * String key = IdempotencyKeys.deterministic("demo", sessionId, "book", 1); // demo:sess_...:book:001
 * brek.events().send(SendEvent.ofKind(sessionId, EventKind.ACTION_BOOK_OPTION)
 *         .payload(Map.of("optionId", optionId)).idempotencyKey(key));
 * }</pre>
 *
 * <p>A deterministic key is the right choice when the caller can recompute it after a crash
 * (the same order, the same booking); a random key protects the retries of one process.
 */
public final class IdempotencyKeys {
    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /**
     * A fresh random key, {@code chatsdk_} followed by a random UUID.
     *
     * @return a new key
     */
    public static String random() {
        return "chatsdk_" + UUID.randomUUID();
    }

    /**
     * A key derived from what identifies the logical write, like {@code demo:sess_123:book:001}.
     * The same arguments always give the same key.
     *
     * @param prefix a namespace for your application, for example {@code demo}
     * @param sessionId the session the write belongs to
     * @param action the action, for example {@code book} or {@code cancel}
     * @param sequence the ordinal of this action within the session, starting at 1
     * @return the key
     * @throws InvalidInputException when a part is blank, contains {@code :} or the result is too long
     */
    public static String deterministic(String prefix, String sessionId, String action, int sequence) {
        part("prefix", prefix);
        part("sessionId", sessionId);
        part("action", action);
        if (sequence < 0) {
            throw new InvalidInputException("sequence", "must not be negative");
        }
        return validate(prefix + ':' + sessionId + ':' + action + ':' + String.format(Locale.ROOT, "%03d", sequence));
    }

    private static void part(String name, String value) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new InvalidInputException(name, "must not be blank");
        }
        if (value.indexOf(':') >= 0) {
            throw new InvalidInputException(name, "must not contain ':'");
        }
    }

    /**
     * Checks a caller-supplied key: not blank, at most {@value #MAX_LENGTH} characters, no
     * control characters.
     *
     * @param key the key
     * @return the key, unchanged
     * @throws InvalidInputException when the key is not acceptable
     */
    public static String validate(String key) {
        Objects.requireNonNull(key, "idempotencyKey == null");
        if (key.isBlank()) {
            throw new InvalidInputException("idempotencyKey", "must not be blank");
        }
        if (key.length() > MAX_LENGTH) {
            throw new InvalidInputException("idempotencyKey", "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw new InvalidInputException("idempotencyKey", "must not contain control characters");
            }
        }
        return key;
    }
}
