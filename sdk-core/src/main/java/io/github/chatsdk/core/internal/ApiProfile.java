package io.github.chatsdk.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the transport needs to know about one API, passed in by that API's client, so that the core
 * itself knows no API: the product name (for the User-Agent and log lines), every header that may
 * carry one of its credentials (removed from requests unless set by the transport, and redacted in
 * logs), the credential header the client sends, and the API's rate-limit window. Immutable.
 */
public final class ApiProfile {
    private final String product;
    private final List<String> credentialHeaders;
    private final AuthHeader auth;
    private final Duration rateLimitWindow;

    /**
     * @param product a short name, such as {@code brek}
     * @param credentialHeaders every header name that may carry a credential of this API
     * @param auth the credential header this client sends on authenticated operations
     * @param rateLimitWindow how long the API's rate-limit window is (the built-in reactive limiter
     *     waits that long after {@code x-ratelimit-remaining: 0} without {@code Retry-After})
     */
    public ApiProfile(String product, List<String> credentialHeaders, AuthHeader auth, Duration rateLimitWindow) {
        this.product = Objects.requireNonNull(product, "product == null");
        this.credentialHeaders = List.copyOf(credentialHeaders);
        this.auth = Objects.requireNonNull(auth, "auth == null");
        this.rateLimitWindow = Objects.requireNonNull(rateLimitWindow, "rateLimitWindow == null");
    }

    /** @return the product name */
    public String product() {
        return product;
    }

    /** @return the headers that may carry a credential */
    public List<String> credentialHeaders() {
        return credentialHeaders;
    }

    /** @return the credential header sent */
    public AuthHeader auth() {
        return auth;
    }

    /** @return the rate-limit window */
    public Duration rateLimitWindow() {
        return rateLimitWindow;
    }

    @Override
    public String toString() {
        return "ApiProfile{" + product + ", auth=" + auth + '}';
    }
}
