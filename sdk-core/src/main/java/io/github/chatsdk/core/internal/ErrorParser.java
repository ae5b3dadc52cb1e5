package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ApiError;

/**
 * Reads an API's error body. Implementations may throw on anything: the transport catches every
 * failure and falls back to {@link ApiError#unparsed(String)}, so building an exception never throws.
 */
@FunctionalInterface
public interface ErrorParser {
    ApiError parse(String body);
}
