package io.github.chatsdk.core;

import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.ApiRequest;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.ClientCore;
import io.github.chatsdk.core.internal.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The smallest client the core can run: one API with an {@code X-Api-Key} or a bearer-token
 * credential and two operations ({@code POST /v1/messages}, a retry-safe write with an idempotency
 * key, and {@code GET /v1/items/{id}}), built on {@link BaseClientBuilder} and {@link ClientCore}
 * exactly as the Brek and Helvia clients are. sdk-core's own tests use it to drive the transport
 * without either API.
 */
final class ListenerTestClient implements AutoCloseable {
    static final String API_KEY = "sk_live_listener_test_9f8e7d6c5b4a";
    static final String TOKEN = "tok_listener_test_0a1b2c3d4e5f";

    private final ClientCore core;

    private ListenerTestClient(ClientCore core) {
        this.core = core;
    }

    static Builder builder() {
        return new Builder();
    }

    /** {@code POST /v1/messages} with the key in an {@code Idempotency-Key} header; returns the body. */
    String send(String text, String key, RequestOptions options) {
        return core.run(send(text, key), options);
    }

    CompletableFuture<String> sendAsync(String text, String key, RequestOptions options) {
        return core.runAsync(() -> send(text, key), options);
    }

    /** {@code GET /v1/items/{id}}; returns the body. */
    String get(String id) {
        return core.run(get0(id), RequestOptions.defaults());
    }

    ListenerTestClient withOptions(RequestOptions options) {
        return new ListenerTestClient(core.withOptions(options));
    }

    private static Operation<String> send(String text, String key) {
        ApiRequest request = ApiRequest.builder("sendMessage", "POST", "/v1/messages")
                .header("Idempotency-Key", key)
                .authenticated(true)
                .body("{\"text\":\"" + text + "\"}")
                .build();
        return Operation.of("test.messages.send", request, true, ApiError::unparsed,
                r -> r.body()).idempotencyKey(key);
    }

    private static Operation<String> get0(String id) {
        ApiRequest request = ApiRequest.builder("getItem", "GET", "/v1/items/{id}")
                .pathParam("id", id)
                .authenticated(true)
                .build();
        return Operation.of("test.items.get", request, true, ApiError::unparsed, r -> r.body());
    }

    @Override
    public void close() {
        core.close();
    }

    static final class Builder extends BaseClientBuilder<Builder> {
        private boolean bearer;

        private Builder() {
            super("https://api.listener-test.invalid");
        }

        /** Sends {@code Authorization: Bearer TOKEN} instead of {@code X-Api-Key: API_KEY}. */
        Builder bearer() {
            this.bearer = true;
            return this;
        }

        @Override
        protected void applyEnv(Function<String, String> env) {
        }

        ListenerTestClient build() {
            AuthHeader auth = bearer ? AuthHeader.bearer(() -> TOKEN) : AuthHeader.plain("X-Api-Key", () -> API_KEY);
            ApiProfile profile = new ApiProfile("listener-test", List.of("X-Api-Key", "Authorization"), auth,
                    Duration.ofSeconds(60));
            return new ListenerTestClient(ClientCore.create(options(), profile));
        }
    }
}
