package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ResponseMeta;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A successful (2xx) response: its body, read in full, and its metadata. */
public final class HttpResult {
    private final String body;
    private final ResponseMeta meta;
    private final UnaryOperator<String> scrubber;

    /**
     * @param body the body as received
     * @param meta the response metadata
     * @param scrubber removes the credential that was sent from a text (for exceptions and logs)
     */
    public HttpResult(String body, ResponseMeta meta, UnaryOperator<String> scrubber) {
        this.body = Objects.requireNonNull(body, "body == null");
        this.meta = Objects.requireNonNull(meta, "meta == null");
        this.scrubber = Objects.requireNonNull(scrubber, "scrubber == null");
    }

    /** @return the body as received */
    public String body() {
        return body;
    }

    /** @return the response metadata */
    public ResponseMeta meta() {
        return meta;
    }

    /** @return the body without the credential that was sent, for exceptions */
    public String scrubbedBody() {
        return scrubber.apply(body);
    }
}
