package io.github.chatsdk.core.internal;

import io.github.chatsdk.core.ResponseMeta;

/** A successful (2xx) response: its body, read in full, and its metadata. */
public final class HttpResult {
    private final String body;
    private final ResponseMeta meta;

    HttpResult(String body, ResponseMeta meta) {
        this.body = body;
        this.meta = meta;
    }

    public String body() {
        return body;
    }

    public ResponseMeta meta() {
        return meta;
    }
}
