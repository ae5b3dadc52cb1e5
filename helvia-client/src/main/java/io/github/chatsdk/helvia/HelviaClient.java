package io.github.chatsdk.helvia;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.core.BaseClientBuilder;
import io.github.chatsdk.core.ClientOptions;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.Check;
import io.github.chatsdk.core.internal.ClientCore;
import io.github.chatsdk.core.internal.HttpResult;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.core.internal.Operation;
import io.github.chatsdk.helvia.internal.HelviaJson;
import io.github.chatsdk.helvia.internal.generated.api.EventsApi;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.EventResponse;
import io.github.chatsdk.helvia.internal.generated.model.HealthResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client of the Helvia.ai Bot API: send text and postback messages to an AI agent and read its
 * replies. Immutable and thread-safe: build one per API token and share it; {@link #close()} it
 * when done.
 *
 * <pre>{@code
 * try (HelviaClient helvia = HelviaClient.builder()
 *         .apiToken(System.getenv("HELVIA_API_TOKEN"))
 *         .handle("my-agent-handle")
 *         .build()) {
 *     HelviaConversation chat = helvia.conversation("user-123");
 *     chat.start();
 *     AgentReply reply = chat.say("Hello, I need help with time management");
 *     reply.texts().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Every operation has an asynchronous twin under {@link #async()} (and a conversation's turns
 * under {@link HelviaConversation#async()}) returning a {@link java.util.concurrent.CompletableFuture};
 * {@link #withOptions(RequestOptions)} derives a client with other default retries, timeouts or
 * headers that shares this one's connections.
 *
 * <p>The token goes out as {@code Authorization: Bearer ...} on {@code POST /api/events} only; the
 * health check carries no credential. A message is retried only when it certainly never reached
 * the server (sending it twice would make the agent answer twice); the health check is retried on
 * connection failures, 408, 429 and 5xx.
 */
public final class HelviaClient implements AutoCloseable {
    /** The production server, the default base URL. */
    public static final String PRODUCTION_URL = "https://bot-v5.helvia.ai";

    /** The only header that carries a Helvia credential. */
    private static final List<String> CREDENTIAL_HEADERS = List.of("Authorization");
    /** The spec documents no rate limit; a minute is what the built-in limiter waits without Retry-After. */
    private static final Duration RATE_LIMIT_WINDOW = Duration.ofMinutes(1);

    private final ClientCore core;
    private final String handle;
    private final HelviaMessages messages;
    private final HelviaHealth health;
    private final HelviaClientAsync async;

    private HelviaClient(ClientOptions options, ApiProfile profile, String handle) {
        this(ClientCore.create(options, profile), handle);
    }

    /** A client on {@code core}: a new one, or one derived with {@link #withOptions} (same transport, another core). */
    private HelviaClient(ClientCore core, String handle) {
        this.core = core;
        this.handle = handle;
        this.messages = new HelviaMessages(this);
        this.health = new HelviaHealth(this);
        this.async = new HelviaClientAsync(this);
    }

    /**
     * A new builder; {@link Builder#apiToken(String)} is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code HELVIA_API_TOKEN} (required),
     * {@code HELVIA_HANDLE} and {@code HELVIA_BASE_URL}.
     *
     * @return the client
     * @throws InvalidInputException when {@code HELVIA_API_TOKEN} is missing or a value is invalid
     */
    public static HelviaClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * The messages service: {@code helvia.messages().send(message)} sends one message to the agent
     * and returns its reply. For a dialogue with one user, {@link #conversation(String)} is shorter.
     *
     * @return the messages service of this client
     */
    public HelviaMessages messages() {
        return messages;
    }

    /**
     * The health service: {@code helvia.health().check()} tells whether the service is up.
     *
     * @return the health service of this client
     */
    public HelviaHealth health() {
        return health;
    }

    /** {@code GET /api/events}: shared by the synchronous and asynchronous calls. */
    Operation<HealthStatus> healthOperation() {
        // a GET: retried like any GET; the spec asks no credential for it
        return Operation.of("helvia.health.check", EventsApi.healthCheck(), true, HelviaJson.ERROR_PARSER,
                HelviaClient::health);
    }

    /** The typed result of a 2xx {@code GET /api/events}. */
    static HealthStatus health(HttpResult result) throws java.io.IOException {
        JsonObject tree = JsonParser.parseString(result.body()).getAsJsonObject();
        HealthResponse.validateJsonElement(tree);
        return new HealthStatus(Json.string(tree, "status"), result.meta(), result.body());
    }

    /** {@code POST /api/events} for {@code message}: shared by the synchronous and asynchronous calls. */
    Operation<AgentReply> sendOperation(HelviaMessage message) {
        Objects.requireNonNull(message, "message == null");
        EventRequest body = message.toRequest(handle);
        EventRequests.validate(body, body.getHandle());
        return post(body);
    }

    /**
     * A conversation with one end user under a generated sender id (see
     * {@link HelviaConversation#senderId()}); keep the id to continue the conversation later.
     *
     * @return the conversation
     */
    public HelviaConversation conversation() {
        return conversation(HelviaSender.of("chatsdk-" + UUID.randomUUID()));
    }

    /**
     * A conversation with the end user of the given id.
     *
     * @param senderId the user's stable id; not blank
     * @return the conversation
     */
    public HelviaConversation conversation(String senderId) {
        return conversation(HelviaSender.of(senderId));
    }

    /**
     * A conversation with the given end user (id, and optionally name and email).
     *
     * @param sender the user
     * @return the conversation
     */
    public HelviaConversation conversation(HelviaSender sender) {
        return new HelviaConversation(this, Objects.requireNonNull(sender, "sender == null"));
    }

    /** @return the default handle of this client, if one was configured */
    public Optional<String> handle() {
        return Optional.ofNullable(handle);
    }

    /** @return the base URL this client talks to */
    public String baseUrl() {
        return core.baseUrl();
    }

    /**
     * The asynchronous twin of every operation of this client, returning
     * {@link java.util.concurrent.CompletableFuture}s, method for method:
     * {@code helvia.async().messages().send(...)}. Same
     * connection pool, retries, options and exceptions; no thread is blocked while a call waits.
     *
     * @return the asynchronous view of this client
     */
    public HelviaClientAsync async() {
        return async;
    }

    /**
     * A client whose every call (synchronous and asynchronous, conversations included) uses
     * {@code options} as its defaults: retries, timeouts and extra headers. Options passed to a
     * single call still apply on top; calling {@code withOptions} on the result adds more defaults
     * on top of these.
     *
     * <pre>{@code
     * HelviaClient quick = helvia.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(5)).build());
     * quick.conversation("user-123").say("Hello");
     * }</pre>
     *
     * <p>The derived client shares everything with this one: connection pool, dispatcher,
     * token, handle, listeners and rate limiter. It is cheap to create. This client keeps owning those
     * resources: closing the derived client only makes it refuse later calls, while closing this
     * client closes every client derived from it too.
     *
     * @param options the defaults of the derived client
     * @return the derived client
     * @throws IllegalStateException when this client is closed
     */
    public HelviaClient withOptions(RequestOptions options) {
        return new HelviaClient(core.withOptions(options), handle);
    }

    /** @return the settings this client was built with */
    public ClientOptions options() {
        return core.options();
    }

    ClientCore core() {
        return core;
    }

    private Operation<AgentReply> post(EventRequest body) {
        // not idempotent (the agent would answer twice): resent only when certainly not processed
        return Operation.of("helvia.messages.send", EventsApi.sendEvent(body), false, HelviaJson.ERROR_PARSER,
                HelviaClient::reply);
    }

    /**
     * Reads a reply body: parsed once into a tree, checked with the generated validation (the same
     * checks the generated binding makes), then read from the tree. {@link AgentReply#rawJson()} is
     * the body as received.
     */
    static AgentReply reply(HttpResult result) throws java.io.IOException {
        JsonObject tree = JsonParser.parseString(result.body()).getAsJsonObject();
        EventResponse.validateJsonElement(tree);
        JsonElement resultJson = tree.get("result");
        JsonObject r = resultJson == null || resultJson.isJsonNull() ? null : resultJson.getAsJsonObject();
        List<ReplyItem> items = new ArrayList<>();
        JsonElement responses = r == null ? null : r.get("responses");
        if (responses != null && !responses.isJsonNull()) {
            for (JsonElement item : responses.getAsJsonArray()) {
                JsonObject a = item.getAsJsonObject();
                items.add(new ReplyItem(text(a, "id"), text(a, "type"), strings(a.get("options")), text(a, "altText"),
                        a));
            }
        }
        return new AgentReply(Json.string(tree, "status"), Collections.unmodifiableList(items),
                r == null ? List.of() : strings(r.get("responsesIds")),
                r == null ? List.of() : strings(r.get("nodesIds")),
                r == null ? List.of() : strings(r.get("responsesStrippedMarkdownText")), result.meta(), result.body());
    }

    /** A member the generated validation has checked to be absent, null or a primitive, as the generated model reads it. */
    private static String text(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /**
     * A list of strings as the generated model binds it (primitives as their text), without its
     * null items; an item of another type is malformed, as it is for the generated binding.
     */
    private static List<String> strings(JsonElement values) {
        if (values == null || values.isJsonNull()) {
            return List.of();
        }
        JsonArray array = values.getAsJsonArray();
        List<String> out = new ArrayList<>(array.size());
        for (JsonElement v : array) {
            if (v.isJsonNull()) {
                continue;
            }
            if (!v.isJsonPrimitive()) {
                throw new IllegalStateException("expected a string in a list of strings");
            }
            out.add(v.getAsString());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Releases connections and threads (unless they belong to an {@code OkHttpClient} you passed to
     * the builder). A synchronous call waiting to retry sends nothing more and fails with a
     * {@link io.github.chatsdk.core.ConnectionException}; asynchronous calls in flight fail with one
     * too (it says whether the request may have reached the server); later calls
     * throw {@link IllegalStateException}, also on every client derived with
     * {@link #withOptions(RequestOptions)}. On a derived client, {@code close()} releases nothing:
     * it only makes that client refuse later calls.
     */
    @Override
    public void close() {
        core.close();
    }

    /** @return a description without the credential */
    @Override
    public String toString() {
        return "HelviaClient{baseUrl=" + baseUrl() + ", handle=" + handle + ", apiToken=[redacted]}";
    }

    /**
     * Builds a {@link HelviaClient}. Not thread-safe; the client it builds is.
     */
    public static final class Builder extends BaseClientBuilder<Builder> {
        private Supplier<String> apiToken;
        private String handle;

        Builder() {
            super(PRODUCTION_URL);
        }

        /**
         * The API token (console: Designer, Deployments, API, API Token), sent as
         * {@code Authorization: Bearer <token>}.
         *
         * @param apiToken the token alone, without {@code Bearer }; not blank, no whitespace
         * @return this builder
         */
        public Builder apiToken(String apiToken) {
            String token = credential("apiToken", apiToken);
            this.apiToken = () -> token;
            return this;
        }

        /**
         * A source of the API token, read for every attempt (for tokens that rotate).
         *
         * @param apiToken the supplier; it must return a non-blank token without {@code Bearer }
         * @return this builder
         */
        public Builder apiToken(Supplier<String> apiToken) {
            this.apiToken = Objects.requireNonNull(apiToken, "apiToken == null");
            return this;
        }

        /**
         * The default agent deployment (console: Designer, Deployments, API, Identifier), used by
         * every message that does not name its own with {@link HelviaMessage#handle(String)}.
         *
         * @param handle the handle; not blank
         * @return this builder
         */
        public Builder handle(String handle) {
            this.handle = Check.nonBlank("handle", handle);
            return this;
        }

        @Override
        protected void applyEnv(Function<String, String> env) {
            String token = env.apply("HELVIA_API_TOKEN");
            if (token != null) {
                apiToken(token);
            }
            String h = env.apply("HELVIA_HANDLE");
            if (h != null) {
                handle(h);
            }
            String url = env.apply("HELVIA_BASE_URL");
            if (url != null) {
                baseUrl(url);
            }
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException when no API token was given or a setting is invalid
         */
        public HelviaClient build() {
            if (apiToken == null) {
                throw new InvalidInputException("apiToken", "is required: call apiToken(...) or set HELVIA_API_TOKEN");
            }
            return new HelviaClient(options(),
                    new ApiProfile("helvia", CREDENTIAL_HEADERS, AuthHeader.bearer(apiToken), RATE_LIMIT_WINDOW), handle);
        }

        /** @return a description without the credential */
        @Override
        public String toString() {
            return "HelviaClient.Builder{handle=" + handle + ", apiToken=" + (apiToken == null ? "unset" : "[redacted]")
                    + '}';
        }
    }
}
