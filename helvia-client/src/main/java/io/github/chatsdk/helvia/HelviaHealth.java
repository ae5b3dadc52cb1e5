package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import java.util.Objects;

/**
 * The health check of the Helvia.ai Bot API ({@code GET /api/events}): {@code helvia.health()}.
 * It sends no credential and is retried like any GET: on connection failures, 408, 429 and 5xx.
 *
 * <pre>{@code
 * if (!helvia.health().check().isOk()) { ... }
 * }</pre>
 */
public final class HelviaHealth {
    private final HelviaClient client;

    HelviaHealth(HelviaClient client) {
        this.client = client;
    }

    /**
     * Checks that the service is up.
     *
     * @return the service status
     * @throws io.github.chatsdk.core.ServiceException on an error response
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived
     */
    public HealthStatus check() {
        return check(RequestOptions.defaults());
    }

    /**
     * Checks that the service is up, with per-call options.
     *
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the service status
     * @see #check() for the exceptions
     */
    public HealthStatus check(RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        return client.core().run(client.healthOperation(), options);
    }

    @Override
    public String toString() {
        return "HelviaHealth{" + client + '}';
    }
}
