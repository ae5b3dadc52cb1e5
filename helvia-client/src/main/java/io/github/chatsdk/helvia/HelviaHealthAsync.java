package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import java.util.concurrent.CompletableFuture;

/** The asynchronous twin of {@link HelviaHealth}: {@code helvia.async().health()}. */
public final class HelviaHealthAsync {
    private final HelviaClient client;

    HelviaHealthAsync(HelviaClient client) {
        this.client = client;
    }

    /**
     * Checks that the service is up; see {@link HelviaHealth#check()}.
     *
     * @return the future of the service status
     */
    public CompletableFuture<HealthStatus> check() {
        return check(RequestOptions.defaults());
    }

    /**
     * Checks that the service is up, with per-call options; see {@link HelviaHealth#check(RequestOptions)}.
     *
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the future of the service status
     */
    public CompletableFuture<HealthStatus> check(RequestOptions options) {
        return client.core().runAsync(client::healthOperation, options);
    }

    @Override
    public String toString() {
        return "HelviaHealthAsync{" + client + '}';
    }
}
