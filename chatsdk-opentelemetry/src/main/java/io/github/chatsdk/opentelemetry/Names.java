package io.github.chatsdk.opentelemetry;

import io.github.chatsdk.core.CallListener.RetryReason;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Locale;

/**
 * The attribute and event names: the stable HTTP client semantic conventions' own, and chatsdk's,
 * which {@link ChatSdkTelemetry} documents.
 */
final class Names {
    // stable HTTP client semantic conventions
    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    // chatsdk
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("chatsdk.operation");
    static final AttributeKey<String> API = AttributeKey.stringKey("chatsdk.api");
    static final AttributeKey<String> IDEMPOTENCY_KEY = AttributeKey.stringKey("chatsdk.idempotency_key");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("chatsdk.request_id");
    static final AttributeKey<Long> RATE_LIMIT_REMAINING = AttributeKey.longKey("chatsdk.rate_limit.remaining");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("chatsdk.attempts");
    static final String RETRY_EVENT = "chatsdk.retry";
    static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("chatsdk.retry.attempt");
    static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("chatsdk.retry.delay_ms");
    static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("chatsdk.retry.reason");

    private Names() {
    }

    /** {@code SERVER_ERROR} as {@code server_error}. */
    static String reason(RetryReason reason) {
        return reason == null ? "unknown" : reason.name().toLowerCase(Locale.ROOT);
    }
}
