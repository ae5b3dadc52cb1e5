package io.github.chatsdk.core.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One credential header: its name, an optional value prefix ({@code "Bearer "}) and where the
 * secret comes from. The secret is read per attempt, so a rotating token supplier works.
 */
public final class AuthHeader {
    private final String name;
    private final String prefix;
    private final Supplier<String> secret;
    /** The last secret read and its checked header value: a fixed key is checked and prefixed once, not per request. */
    private volatile Checked last;

    private AuthHeader(String name, String prefix, Supplier<String> secret) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.prefix = prefix;
        this.secret = Objects.requireNonNull(secret, "secret == null");
    }

    /** A header that carries the secret as is, like {@code x-partner-api-key: K}. */
    public static AuthHeader plain(String name, Supplier<String> secret) {
        return new AuthHeader(name, "", secret);
    }

    /** {@code Authorization: Bearer K}. */
    public static AuthHeader bearer(Supplier<String> secret) {
        return new AuthHeader("Authorization", "Bearer ", secret);
    }

    public String name() {
        return name;
    }

    /** @return the header value, read from the supplier now (checked: never blank, no control characters) */
    public String value() {
        String s = secret.get();
        Checked cached = last;
        if (cached != null && cached.secret == s) {
            return cached.value; // the very same string as last time: already checked
        }
        if (s == null || s.isBlank()) {
            throw new io.github.chatsdk.core.InvalidInputException("credential", "supplier returned a blank value");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f) {
                // OkHttp would throw IllegalArgumentException; say which setting is wrong, never the value
                throw new io.github.chatsdk.core.InvalidInputException("credential",
                        "supplier returned a value with a line break or control character");
            }
        }
        String value = prefix.isEmpty() ? s : prefix + s;
        last = new Checked(s, value);
        return value;
    }

    private static final class Checked {
        final String secret;
        final String value;

        Checked(String secret, String value) {
            this.secret = secret;
            this.value = value;
        }
    }

    /**
     * @param headerValue a value returned by {@link #value()}
     * @return the secret inside it, to scrub from logs and messages
     */
    public String secretOf(String headerValue) {
        Checked cached = last;
        if (cached != null && cached.value == headerValue) {
            return cached.secret;
        }
        return headerValue.substring(prefix.length());
    }

    @Override
    public String toString() {
        return name + ": " + prefix + "[redacted]";
    }
}
