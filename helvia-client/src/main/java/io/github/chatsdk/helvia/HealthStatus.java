package io.github.chatsdk.helvia;

import org.jspecify.annotations.Nullable;

import io.github.chatsdk.core.ResponseMeta;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the health check ({@code GET /api/events}, {@link HelviaHealth#check()}): the
 * service status and the response metadata.
 */
public final class HealthStatus {
    private final String status;
    private final ResponseMeta meta;
    private final String rawJson;

    HealthStatus(String status, ResponseMeta meta, String rawJson) {
        this.status = status;
        this.meta = meta;
        this.rawJson = rawJson;
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
     * The response body exactly as received: the escape hatch for members this type does not
     * surface. Parse it with any JSON library.
     *
     * @return the body, JSON text
     */
    public String rawJson() {
        return rawJson;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HealthStatus)) {
            return false;
        }
        HealthStatus that = (HealthStatus) o;
        return Objects.equals(status, that.status) && meta.equals(that.meta) && rawJson.equals(that.rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, meta, rawJson);
    }

    @Override
    public String toString() {
        return "HealthStatus{status=" + status + ", meta=" + meta + '}';
    }
}
