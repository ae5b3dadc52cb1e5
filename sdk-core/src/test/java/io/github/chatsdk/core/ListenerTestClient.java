package io.github.chatsdk.core;

import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.ApiRequest;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.ClientCore;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.core.internal.Operation;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The smallest client the core can run: one API with an {@code X-Api-Key} or a bearer-token
 * credential and two operations ({@code POST /v1/messages}, a retry-safe write with an idempotency
 * key, and {@code GET /v1/items/{id}}), built on {@link BaseClientBuilder} and {@link ClientCore}
 * exactly as the Brek and Helvia clients are. sdk-core's own tests use it to drive the transport
 * without either API.
 *
 * <p>The fault matrix drives its two synthetic operations that map their body as the clients do
 * (the body must be a JSON object, anything else is a malformed response): {@link #post} ({@code
 * POST /v1/messages} with an {@code Idempotency-Key}, retry-safe) and {@link #create} ({@code POST
 * /v1/orders} without a key, not retry-safe).
 */
final class ListenerTestClient implements AutoCloseable {
    static final String API_KEY = "sk_live_listener_test_9f8e7d6c5b4a";
    static final String TOKEN = "tok_listener_test_0a1b2c3d4e5f";

    /** Reads a gateway-style error body ({@code error}, {@code code}, {@code details}, {@code requestId}), as the clients do. */
    static final io.github.chatsdk.core.internal.ErrorParser ERRORS = body -> {
        JsonObject o = Json.objectOrNull(body);
        if (o == null) {
            return ApiError.unparsed(body);
        }
        return new ApiError(Json.string(o, "error"), Json.string(o, "code"), Json.toJava(o.get("details")),
                Json.string(o, "requestId"), body, null);
    };

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

    /** {@code POST /v1/messages} with the key in an {@code Idempotency-Key} header: retry-safe. */
    Reply post(String key, RequestOptions options) {
        return core.run(post(key), options);
    }

    CompletableFuture<Reply> postAsync(String key, RequestOptions options) {
        return core.runAsync(() -> post(key), options);
    }

    /** {@code POST /v1/orders} without an idempotency key: not retry-safe. */
    Reply create(RequestOptions options) {
        return core.run(create(), options);
    }

    CompletableFuture<Reply> createAsync(RequestOptions options) {
        return core.runAsync(ListenerTestClient::create, options);
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

    private static Operation<Reply> post(String key) {
        ApiRequest request = ApiRequest.builder("postMessage", "POST", "/v1/messages")
                .header("Idempotency-Key", key)
                .authenticated(true)
                .body("{\"text\":\"hello\"}")
                .build();
        return Operation.of("test.messages.post", request, true, ERRORS, r -> Reply.of(r, key))
                .idempotencyKey(key);
    }

    private static Operation<Reply> create() {
        ApiRequest request = ApiRequest.builder("createOrder", "POST", "/v1/orders")
                .authenticated(true)
                .body("{\"item\":\"book\"}")
                .build();
        return Operation.of("test.orders.create", request, false, ERRORS, r -> Reply.of(r, null));
    }

    /** The typed result of the synthetic operations: the body as a JSON object, the metadata, the key sent. */
    static final class Reply {
        final JsonObject body;
        final ResponseMeta meta;
        final Optional<String> idempotencyKey;

        private Reply(JsonObject body, ResponseMeta meta, String idempotencyKey) {
            this.body = Objects.requireNonNull(body, "body == null");
            this.meta = meta;
            this.idempotencyKey = Optional.ofNullable(idempotencyKey);
        }

        /** Maps a 2xx as a client does: a JSON object, or the exception the core turns into a malformed response. */
        static Reply of(io.github.chatsdk.core.internal.HttpResult result, String key) {
            return new Reply(JsonParser.parseString(result.body()).getAsJsonObject(), result.meta(), key);
        }
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
