package io.github.chatsdk.brek;

import io.github.chatsdk.core.InvalidInputException;
import java.util.Locale;

/**
 * How the partner API key travels. Exactly one of these headers is sent with every request: the
 * one chosen, never several.
 */
public enum BrekAuthScheme {
    /** {@code x-partner-api-key: <key>}: the recommended scheme and the default. */
    PARTNER_API_KEY("header"),
    /** {@code Authorization: Bearer <key>}. */
    BEARER("bearer"),
    /** {@code api-key: <key>}: legacy header support. */
    LEGACY_API_KEY("legacy");

    private final String envName;

    BrekAuthScheme(String envName) {
        this.envName = envName;
    }

    /**
     * The value that selects this scheme in {@code BREK_AUTH_SCHEME}: {@code header},
     * {@code bearer} or {@code legacy}.
     *
     * @return the environment value
     */
    public String envName() {
        return envName;
    }

    /**
     * Parses a {@code BREK_AUTH_SCHEME} value.
     *
     * @param value {@code header}, {@code bearer} or {@code legacy} (any case)
     * @return the scheme
     * @throws InvalidInputException for any other value
     */
    public static BrekAuthScheme fromEnvName(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (BrekAuthScheme s : values()) {
            if (s.envName.equals(v)) {
                return s;
            }
        }
        throw new InvalidInputException("BREK_AUTH_SCHEME", "must be header, bearer or legacy, not '" + value + "'");
    }
}
