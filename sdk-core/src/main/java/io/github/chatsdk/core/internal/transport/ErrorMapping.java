package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.ConflictException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.core.ServiceException;
import io.github.chatsdk.core.UnexpectedStatusException;
import io.github.chatsdk.core.internal.ErrorParser;
import io.github.chatsdk.core.internal.HttpResult;

/** Maps what a server answered to the exception the caller gets; building one never throws. */
final class ErrorMapping {
    /** Largest part of an error body kept in an exception. */
    static final int MAX_RAW_BODY_KEPT = 8 * 1024;

    private ErrorMapping() {
    }

    /** The exception of a non-2xx response. */
    static ServiceException errorFor(ResponseMeta meta, ApiError error, String key) {
        int code = meta.statusCode();
        switch (code) {
            case 400:
                return new BadRequestException(error, meta, key);
            case 401:
                return new AuthenticationException(error, meta, key);
            case 403:
                return new PermissionDeniedException(error, meta, key);
            case 404:
                return new NotFoundException(error, meta, key);
            case 409:
                return new ConflictException(error, meta, key);
            case 429:
                return new RateLimitException(error, meta, key);
            default:
                return code >= 500 && code < 600 ? new InternalServerException(error, meta, key)
                        : new UnexpectedStatusException(error, meta, key);
        }
    }

    /** The error body as far as the API's parser can read it; anything it cannot read is kept raw. */
    static ApiError parse(ErrorParser parser, String raw) {
        String kept = truncate(raw);
        try {
            ApiError parsed = parser.parse(raw);
            if (parsed == null) {
                return ApiError.unparsed(kept);
            }
            return new ApiError(parsed.errorMessage().orElse(null), parsed.errorCode().orElse(null),
                    parsed.details().orElse(null), parsed.requestId().orElse(null), kept,
                    parsed.typedBody().orElse(null));
        } catch (RuntimeException e) {
            return ApiError.unparsed(kept);
        }
    }

    /** The exception for a 2xx body that could not be read as the documented shape. */
    static MalformedResponseException malformed(HttpResult result, String key, Throwable cause) {
        return new MalformedResponseException(ApiError.unparsed(truncate(result.scrubbedBody())), result.meta(), key,
                cause);
    }

    static String truncate(String raw) {
        return raw.length() <= MAX_RAW_BODY_KEPT ? raw : raw.substring(0, MAX_RAW_BODY_KEPT) + "...[truncated]";
    }
}
