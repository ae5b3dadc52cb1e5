package io.github.chatsdk.helvia;

import io.github.chatsdk.core.RequestOptions;
import java.util.Objects;

/**
 * The messages of the Helvia.ai Bot API ({@code POST /api/events}): {@code helvia.messages()}.
 * For a dialogue with one user, {@link HelviaClient#conversation(String)} keeps the sender, the
 * language and the tags for you; this service sends any {@link HelviaMessage} as it is.
 *
 * <pre>{@code
 * AgentReply reply = helvia.messages().send(HelviaMessage.text("Hello").sender("user-123"));
 * }</pre>
 *
 * <p>A message is not idempotent (the agent would answer twice): it is resent only when it
 * certainly never reached the server, or after a 429 (which the server refused unprocessed).
 */
public final class HelviaMessages {
    private final HelviaClient client;

    HelviaMessages(HelviaClient client) {
        this.client = client;
    }

    /**
     * Sends one message to the agent and returns its reply. The handle is the message's, else the
     * client's.
     *
     * @param message the message
     * @return the agent's reply
     * @throws io.github.chatsdk.core.InvalidInputException when no handle is set (nothing is sent)
     * @throws io.github.chatsdk.core.BadRequestException on 400 ({@code Validator errors: ...})
     * @throws io.github.chatsdk.core.AuthenticationException on 401 (see {@link HelviaError#reasonOf})
     * @throws io.github.chatsdk.core.PermissionDeniedException on 403 ({@code Unknown principal})
     * @throws io.github.chatsdk.core.ServiceException on another error response, or a 2xx that
     *     cannot be read ({@link io.github.chatsdk.core.MalformedResponseException})
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived
     */
    public AgentReply send(HelviaMessage message) {
        return send(message, RequestOptions.defaults());
    }

    /**
     * Sends one message with per-call options, for example a shorter timeout or
     * {@code maxRetries(0)}. A message is resent only when it certainly was not processed, whatever
     * the options say.
     *
     * <pre>{@code
     * AgentReply reply = helvia.messages().send(HelviaMessage.text("Hello").sender("user-123"),
     *         RequestOptions.builder().timeout(Duration.ofSeconds(10)).build());
     * }</pre>
     *
     * @param message the message
     * @param options retries, timeouts, extra headers and listeners for this call
     * @return the agent's reply
     * @see #send(HelviaMessage) for the exceptions
     */
    public AgentReply send(HelviaMessage message, RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        return client.core().run(client.sendOperation(message), options);
    }

    @Override
    public String toString() {
        return "HelviaMessages{" + client + '}';
    }
}
