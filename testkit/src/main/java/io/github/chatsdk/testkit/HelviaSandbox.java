package io.github.chatsdk.testkit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process fake of the Helvia.ai Bot API on a free loopback port, for tests and examples:
 * point your code at {@link #baseUrl()} instead of {@code https://bot-v5.helvia.ai}. Every
 * response it gives is valid against the published spec.
 *
 * <pre>{@code
 * try (HelviaSandbox helvia = HelviaSandbox.start()) {
 *     MyChatBridge bridge = new MyChatBridge(helvia.baseUrl(), helvia.token(), helvia.handle()); // your code
 *     bridge.onUserMessage("user-123", "I need help with time management");
 *
 *     SandboxRequest sent = helvia.requests().get(0);
 *     assertEquals("user-123", sent.jsonString("sender.id").orElseThrow());
 *     assertEquals(Set.of("vip"), helvia.tags("user-123"));
 * }
 * }</pre>
 *
 * With JUnit 5, {@link HelviaSandboxExtension} starts and stops it for you.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li><b>Health.</b> {@code GET /api/events} answers {@code {"status":"ok"}}, without auth.</li>
 *   <li><b>Auth.</b> Tokens map to the handles they own ({@link Builder#token(String, String...)};
 *       by default {@value #DEFAULT_TOKEN} owns {@value #DEFAULT_HANDLE}). A missing
 *       {@code Authorization} header, or one that does not start with {@code Bearer } (matched
 *       case-sensitively, as Prism does): 401 {@code Unauthorized}; an unknown token: 401
 *       {@code Invalid token}; a handle the token does not own: 403 {@code Unknown principal}.</li>
 *   <li><b>Validation.</b> 400 {@code Validator errors: "handle" is required},
 *       {@code "message" is required}, {@code "message" must contain at least one of [text, payload]},
 *       {@code "sender.id" is required}, {@code "tagOperations" must contain at least one of [add, remove]}
 *       and the like (the first problem only); 400 {@code Invalid JSON payload} for a body that is
 *       not JSON. Validation comes after the token check and before the handle check.</li>
 *   <li><b>The agent</b> is a "Productivity Coach". The postback {@code {type: node, data: greeting}}
 *       answers two texts, {@code Hi! I'm the Productivity Coach.} and {@code How can I help you
 *       today?}. Text turns answer by keyword, several in Markdown: "time" (node
 *       {@code time_management}), "procrastinat…" ({@code procrastination}), "focus"
 *       ({@code focus}), "help", "bye" ({@code goodbye}), "hi"/"hello" ({@code greeting}); anything
 *       else is echoed ({@code fallback}: {@code You said: "…"}). A {@code node} or {@code intent}
 *       postback runs the node of that id; an {@code action} postback answers {@code Done: N
 *       actions received.} {@code altText} is the text with the Markdown stripped.</li>
 *   <li><b>Language.</b> {@code language} {@code EL} or {@code DE} makes the greeting, the goodbye
 *       and the fallback Greek or German; the choice sticks to the sender until changed.</li>
 *   <li><b>Options.</b> {@code includeMetadata} adds {@code responsesIds} and {@code nodesIds}
 *       (distinct, in order); {@code includeStrippedMarkdownTextResponses} adds
 *       {@code responsesStrippedMarkdownText}. Response ids are {@code TX_<uuid>}, name-based on
 *       handle, node and text, so the same reply always has the same id.</li>
 *   <li><b>Senders.</b> {@code sender.id} keys the conversation; without {@code sender}, each
 *       request gets a new {@code api_subscriber_<24 hex>} ({@link #senderIds()} lists them).</li>
 *   <li><b>Tags.</b> {@code tagOperations} adds, then removes, tags of the sender:
 *       {@link #tags(String)}.</li>
 *   <li><b>Faults</b> and a <b>request log</b>: {@link #faults()}, {@link #requests()}.</li>
 * </ul>
 *
 * <p>Thread-safe: concurrent requests are served in parallel. Replies are deterministic; the
 * generated sender ids come from a seeded generator ({@link Builder#seed(long)}).
 * {@link #reset()} forgets senders, tags and languages too.
 */
public final class HelviaSandbox extends Sandbox {
    /** The token a sandbox accepts when the builder names none. */
    public static final String DEFAULT_TOKEN = "helvia-sandbox-token";
    /** The handle the default token owns (the spec's example handle). */
    public static final String DEFAULT_HANDLE = "my-agent-handle";

    private final HelviaApi api;
    private final String token;
    private final String handle;

    private HelviaSandbox(Builder b, Map<String, Set<String>> tokens, HelviaApi api) {
        super(new SandboxServer("helvia-sandbox", b.port, api, b.clock));
        Map.Entry<String, Set<String>> first = tokens.entrySet().iterator().next();
        this.token = first.getKey();
        this.handle = first.getValue().iterator().next();
        this.api = api;
    }

    /**
     * Starts a sandbox with the defaults: token {@value #DEFAULT_TOKEN} owning handle
     * {@value #DEFAULT_HANDLE}.
     *
     * @return the running sandbox; close it when done
     */
    public static HelviaSandbox start() {
        return builder().start();
    }

    /**
     * A builder for a sandbox with other tokens and handles.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }




    /**
     * A token the sandbox accepts: the first one configured, or {@value #DEFAULT_TOKEN}.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * The first handle {@link #token()} owns.
     *
     * @return the handle
     */
    public String handle() {
        return handle;
    }



    /**
     * The tags a sender has now, after every {@code tagOperations} so far.
     *
     * @param senderId the {@code sender.id}
     * @return the tags in the order they were added; empty for an unknown sender
     */
    public Set<String> tags(String senderId) {
        return api.tags(Objects.requireNonNull(senderId, "senderId == null"));
    }

    /**
     * The sender ids seen so far, given or generated ({@code api_subscriber_...}), first seen first.
     *
     * @return a snapshot
     */
    public List<String> senderIds() {
        return api.senderIds();
    }

    /**
     * The language the agent answers a sender in, once a request set one.
     *
     * @param senderId the {@code sender.id}
     * @return {@code EN}, {@code EL} or {@code DE}; empty when no request of that sender named a language
     */
    public Optional<String> language(String senderId) {
        return api.language(Objects.requireNonNull(senderId, "senderId == null"));
    }



    @Override
    public String toString() {
        return "HelviaSandbox{" + baseUrl() + ", handle=" + handle + "}";
    }

    /**
     * Configures a {@link HelviaSandbox}. Not thread-safe; {@link #start()} may be called more than
     * once, each time for a new, independent sandbox.
     */
    public static final class Builder extends SandboxBuilder<Builder, HelviaSandbox> {
        private final Map<String, Set<String>> tokens = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Accepts {@code token} for the given handles (adding to the handles it already has).
         * Naming any token replaces the default one; the first token is {@link HelviaSandbox#token()}.
         *
         * @param token the bearer token; not blank, no spaces
         * @param handles the agent handles it owns; at least one, none blank
         * @return this builder
         */
        public Builder token(String token, String... handles) {
            Objects.requireNonNull(token, "token == null");
            if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("token is blank or has whitespace");
            }
            Objects.requireNonNull(handles, "handles == null");
            if (handles.length == 0) {
                throw new IllegalArgumentException("a token needs at least one handle");
            }
            Set<String> owned = tokens.computeIfAbsent(token, t -> new LinkedHashSet<>());
            for (String h : handles) {
                Objects.requireNonNull(h, "handle == null");
                if (h.isBlank()) {
                    throw new IllegalArgumentException("handle is blank");
                }
                owned.add(h);
            }
            return this;
        }

        /**
         * Starts a sandbox with this configuration.
         *
         * @return the running sandbox; close it when done
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        @Override
        public HelviaSandbox start() {
            Map<String, Set<String>> owned = tokens.isEmpty() ? Map.of(DEFAULT_TOKEN, Set.of(DEFAULT_HANDLE)) : tokens;
            return new HelviaSandbox(this, owned, new HelviaApi(owned, seed));
        }

        @Override
        Builder copy() {
            Builder b = copySharedInto(new Builder());
            tokens.forEach((k, v) -> b.tokens.put(k, new LinkedHashSet<>(v)));
            return b;
        }
    }
}
