package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.internal.Check;
import java.util.Objects;
import java.util.Optional;

/**
 * The end user a message comes from ({@code sender}): a stable id, which Helvia uses to keep the
 * conversation's context, plus an optional display name and email. Immutable.
 *
 * <pre>{@code
 * HelviaSender user = HelviaSender.of("user-123").name("John Doe").email("john@example.com");
 * }</pre>
 */
public final class HelviaSender {
    private final String id;
    private final String name;
    private final String email;

    private HelviaSender(String id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
    }

    /**
     * A sender with the given id.
     *
     * @param id the end user's id, stable across that user's messages; not blank
     * @return the sender
     */
    public static HelviaSender of(String id) {
        return new HelviaSender(Check.nonBlank("sender.id", id), null, null);
    }

    /**
     * The user's display name.
     *
     * @param name the name; not blank
     * @return a copy with the name
     */
    public HelviaSender name(String name) {
        return new HelviaSender(id, Check.nonBlank("sender.name", name), email);
    }

    /**
     * The user's email address (sent as given, not checked).
     *
     * @param email the address; not blank
     * @return a copy with the email
     */
    public HelviaSender email(String email) {
        return new HelviaSender(id, name, Check.nonBlank("sender.email", email));
    }

    /** @return the user's id */
    public String id() {
        return id;
    }

    /** @return the display name, if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the email address, if set */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof HelviaSender)) {
            return false;
        }
        HelviaSender that = (HelviaSender) o;
        return id.equals(that.id) && Objects.equals(name, that.name) && Objects.equals(email, that.email);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, email);
    }

    @Override
    public String toString() {
        return "HelviaSender{id=" + id + (name == null ? "" : ", name=" + name) + (email == null ? "" : ", email=" + email)
                + '}';
    }
}
