package io.github.chatsdk.brek;

import io.github.chatsdk.core.BaseClientBuilder;
import io.github.chatsdk.core.ClientOptions;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.ClientCore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The client of the Brek Partner Core Chat API: sessions and events for a travel-booking agent.
 * Immutable and thread-safe: build one per API key and share it; {@link #close()} it when done.
 *
 * <pre>{@code
 * try (BrekClient brek = BrekClient.builder()
 *         .apiKey(System.getenv("BREK_API_KEY"))
 *         .authScheme(BrekAuthScheme.PARTNER_API_KEY)
 *         .build()) {
 *     Session s = brek.sessions().create(CreateSession.forActor("partner_user_001"));
 *     EventResult r = brek.events().sendText(s.sessionId(), "partner_user_001", "Seattle Mar 20-23 1 room refundable");
 *     System.out.println(r.messageText() + " " + r.shortlist());
 * }
 * }</pre>
 *
 * <p>Every operation has an asynchronous twin under {@link #async()} returning a
 * {@link java.util.concurrent.CompletableFuture}, and {@link #withOptions(RequestOptions)} derives a
 * client with other default retries, timeouts or headers that shares this one's connections.
 */
public final class BrekClient implements AutoCloseable {
    /** The production server, the default base URL. */
    public static final String PRODUCTION_URL = "https://www.brek.ai";
    /** A local development server. */
    public static final String LOCAL_URL = "http://localhost:3000";

    /** Every header that may carry a Brek credential: only the chosen scheme's is ever sent. */
    private static final List<String> CREDENTIAL_HEADERS = List.of("x-partner-api-key", "Authorization", "api-key");
    /** Brek's rate-limit window (the spec: requests per minute). */
    private static final Duration RATE_LIMIT_WINDOW = Duration.ofMinutes(1);

    private final ClientCore core;
    private final BrekAuthScheme authScheme;
    private final BrekSessions sessions;
    private final BrekEvents events;
    private final BrekClientAsync async;

    private BrekClient(ClientOptions options, ApiProfile profile, BrekAuthScheme authScheme) {
        this.core = ClientCore.create(options, profile);
        this.authScheme = authScheme;
        this.sessions = new BrekSessions(this);
        this.events = new BrekEvents(this);
        this.async = new BrekClientAsync(this);
    }

    /** A client derived from {@code parent}: same transport and generated APIs, another core. */
    private BrekClient(BrekClient parent, ClientCore core) {
        this.core = core;
        this.authScheme = parent.authScheme;
        this.sessions = new BrekSessions(this);
        this.events = new BrekEvents(this);
        this.async = new BrekClientAsync(this);
    }

    /**
     * A new builder; {@link Builder#apiKey(String)} is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code BREK_API_KEY} (required),
     * {@code BREK_BASE_URL} and {@code BREK_AUTH_SCHEME} ({@code header} | {@code bearer} |
     * {@code legacy}).
     *
     * @return the client
     * @throws InvalidInputException when {@code BREK_API_KEY} is missing or a value is invalid
     */
    public static BrekClient fromEnv() {
        return builder().fromEnv().build();
    }

    /** @return session operations */
    public BrekSessions sessions() {
        return sessions;
    }

    /** @return event operations */
    public BrekEvents events() {
        return events;
    }

    /**
     * The asynchronous twin of every operation of this client, returning {@link
     * java.util.concurrent.CompletableFuture}s: {@code brek.async().events().sendText(...)}. Same
     * connection pool, retries, options and exceptions; no thread is blocked while a call waits.
     *
     * @return the asynchronous view of this client
     */
    public BrekClientAsync async() {
        return async;
    }

    /**
     * A client whose every call (synchronous and asynchronous) uses {@code options} as its
     * defaults: retries, timeouts and extra headers. Options passed to a single call still apply
     * on top; calling {@code withOptions} on the result adds more defaults on top of these.
     *
     * <pre>{@code
     * BrekClient traced = brek.withOptions(RequestOptions.builder()
     *         .header("x-trace-id", traceId).timeout(Duration.ofSeconds(10)).build());
     * traced.events().sendText(sessionId, actorId, "hi");
     * }</pre>
     *
     * <p>The derived client shares everything with this one: connection pool, dispatcher,
     * credential, listeners and the rate limiter. It is cheap to create. This client
     * keeps owning those resources: closing the derived client only makes it refuse later calls,
     * while closing this client closes every client derived from it too. Idempotency keys are not
     * an option: a Brek event carries its own ({@link SendEvent#idempotencyKey(String)}).
     *
     * @param options the defaults of the derived client
     * @return the derived client
     * @throws IllegalStateException when this client is closed
     */
    public BrekClient withOptions(RequestOptions options) {
        return new BrekClient(this, core.withOptions(options));
    }

    /** @return the auth scheme this client sends */
    public BrekAuthScheme authScheme() {
        return authScheme;
    }

    /** @return the base URL this client talks to */
    public String baseUrl() {
        return core.baseUrl();
    }

    /** @return the settings this client was built with */
    public ClientOptions options() {
        return core.options();
    }

    ClientCore core() {
        return core;
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
        return "BrekClient{baseUrl=" + baseUrl() + ", authScheme=" + authScheme + ", apiKey=[redacted]}";
    }

    /**
     * Builds a {@link BrekClient}. Not thread-safe; the client it builds is.
     */
    public static final class Builder extends BaseClientBuilder<Builder> {
        private Supplier<String> apiKey;
        private BrekAuthScheme authScheme = BrekAuthScheme.PARTNER_API_KEY;

        Builder() {
            super(PRODUCTION_URL);
        }

        /**
         * The partner API key.
         *
         * @param apiKey the key alone, without a scheme prefix such as {@code Bearer } (choose the
         *     scheme with {@link #authScheme(BrekAuthScheme)}); not blank, no whitespace
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            String key = credential("apiKey", apiKey);
            this.apiKey = () -> key;
            return this;
        }

        /**
         * A source of the partner API key, read for every attempt (for keys that rotate).
         *
         * @param apiKey the supplier; it must return a non-blank key
         * @return this builder
         */
        public Builder apiKey(Supplier<String> apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
            return this;
        }

        /**
         * How the key is sent; default {@link BrekAuthScheme#PARTNER_API_KEY}.
         *
         * @param scheme the scheme
         * @return this builder
         */
        public Builder authScheme(BrekAuthScheme scheme) {
            this.authScheme = Objects.requireNonNull(scheme, "authScheme == null");
            return this;
        }

        @Override
        protected void applyEnv(Function<String, String> env) {
            String key = env.apply("BREK_API_KEY");
            if (key != null) {
                apiKey(key);
            }
            String url = env.apply("BREK_BASE_URL");
            if (url != null) {
                baseUrl(url);
            }
            String scheme = env.apply("BREK_AUTH_SCHEME");
            if (scheme != null) {
                authScheme(BrekAuthScheme.fromEnvName(scheme));
            }
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException when no API key was given or a setting is invalid
         */
        public BrekClient build() {
            if (apiKey == null) {
                throw new InvalidInputException("apiKey", "is required: call apiKey(...) or set BREK_API_KEY");
            }
            AuthHeader auth;
            switch (authScheme) {
                case BEARER:
                    auth = AuthHeader.bearer(apiKey);
                    break;
                case LEGACY_API_KEY:
                    auth = AuthHeader.plain("api-key", apiKey);
                    break;
                default:
                    auth = AuthHeader.plain("x-partner-api-key", apiKey);
            }
            return new BrekClient(options(), new ApiProfile("brek", CREDENTIAL_HEADERS, auth, RATE_LIMIT_WINDOW),
                    authScheme);
        }

        /** @return a description without the credential */
        @Override
        public String toString() {
            return "BrekClient.Builder{authScheme=" + authScheme + ", apiKey=" + (apiKey == null ? "unset" : "[redacted]")
                    + '}';
        }
    }
}
