package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ResponseMeta;

/** A successful (2xx) response: its body, read in full, and its metadata. */
public final class HttpResult {
    private final String body;
    private final ResponseMeta meta;
    private final HttpLog.Secret secret;

    HttpResult(String body, ResponseMeta meta, HttpLog.Secret secret) {
        this.body = body;
        this.meta = meta;
        this.secret = secret;
    }

    /** The body with the credential scrubbed, for exceptions. */
    String scrubbedBody() {
        return secret.scrub(body);
    }

    public String body() {
        return body;
    }

    public ResponseMeta meta() {
        return meta;
    }
}
