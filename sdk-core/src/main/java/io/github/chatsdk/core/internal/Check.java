package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Input checks that name the field they refuse. */
public final class Check {
    /** Headers the SDK sets itself or that carry credentials: never accepted as extra headers. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "user-agent", "host", "content-length", "transfer-encoding", "connection", io.github.chatsdk.core.internal.transport.Transport.RETRY_COUNT_HEADER);

    private Check() {
    }

    /** Refuses null (NullPointerException naming the field) and blank strings. */
    public static String nonBlank(String field, String value) {
        if (value == null) {
            throw new NullPointerException(field + " == null");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return value;
    }

    /** A value used as a URL path segment: not blank, and not {@code .} or {@code ..}. */
    public static String pathSegment(String field, String value) {
        nonBlank(field, value);
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidInputException(field, "must not be '.' or '..'");
        }
        return value;
    }

    /**
     * A credential given to a client builder: not blank, without a scheme prefix such as
     * {@code Bearer }, without whitespace or control characters. The message names the field,
     * never the value.
     */
    public static String credential(String field, String value) {
        nonBlank(field, value);
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) || value.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new InvalidInputException(field, "must be the credential alone, without a scheme prefix such as 'Bearer '");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new InvalidInputException(field, "must not contain whitespace or control characters");
            }
        }
        return value;
    }

    /** A duration that must be more than zero. */
    public static Duration positive(String field, Duration d) {
        Objects.requireNonNull(d, field + " == null");
        if (d.isNegative() || d.isZero()) {
            throw new InvalidInputException(field, "must be positive");
        }
        return d;
    }

    /**
     * An extra header a caller may add: a valid HTTP header that neither carries a credential nor
     * is managed by the SDK. The message never echoes the value.
     */
    public static void extraHeader(String name, String value) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (RESERVED_HEADERS.contains(lower) || lower.contains("api-key") || lower.contains("apikey")
                || lower.contains("token") || lower.contains("secret")) {
            throw new InvalidInputException("header", name + " cannot be set as an extra header");
        }
        try {
            okhttp3.Headers.of(name, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("header", "'" + name + "' is not a valid header name, or its value"
                    + " contains characters a header cannot carry");
        }
    }
}
