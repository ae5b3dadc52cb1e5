package io.github.chatsdk.helvia;

import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.helvia.internal.generated.model.HealthResponse;
import java.util.Optional;

/** The answer of the health check ({@code GET /api/events}): the service status and the response metadata. */
public final class HelviaHealth {
    private final String status;
    private final ResponseMeta meta;
    private final HealthResponse raw;

    HelviaHealth(String status, ResponseMeta meta, HealthResponse raw) {
        this.status = status;
        this.meta = meta;
        this.raw = raw;
    }

    /** @return the status as sent, such as {@code ok}, if present */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** @return whether the status is {@code ok} (ignoring case) */
    public boolean isOk() {
        return "ok".equalsIgnoreCase(status);
    }

    /** @return status, headers, request id, rate limit and attempts of the HTTP response */
    public ResponseMeta meta() {
        return meta;
    }

    /**
     * The generated model (internal package, may change).
     *
     * @return the generated {@code HealthResponse}
     */
    public HealthResponse raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "HelviaHealth{status=" + status + ", meta=" + meta + '}';
    }
}
