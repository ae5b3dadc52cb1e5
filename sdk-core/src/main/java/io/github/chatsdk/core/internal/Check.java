package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.InvalidInputException;

/** Input checks that name the field they refuse. */
public final class Check {
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
}
