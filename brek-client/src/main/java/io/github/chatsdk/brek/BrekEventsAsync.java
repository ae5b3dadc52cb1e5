package io.github.chatsdk.brek;

import io.github.chatsdk.core.RequestOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The asynchronous twins of {@link BrekEvents}: same requests, idempotency keys, retries, results
 * and exceptions, delivered through a {@link CompletableFuture} (see {@link BrekClientAsync} for
 * the rules). Obtain it from {@code brek.async().events()}; thread-safe.
 *
 * <p>The idempotency key (the event's, or one generated when the method is called) is sent on
 * every attempt and reported on the result and on the exception, as with the synchronous calls.
 */
public final class BrekEventsAsync {
    private final BrekClient client;

    BrekEventsAsync(BrekClient client) {
        this.client = client;
    }

    /**
     * Sends one event; see {@link BrekEvents#send(SendEvent)}.
     *
     * @param event the event
     * @return the future of what the agent did with it
     */
    public CompletableFuture<EventResult> send(SendEvent event) {
        return send(event, RequestOptions.defaults());
    }

    /**
     * Sends one event with per-call options; see {@link BrekEvents#send(SendEvent, RequestOptions)}.
     *
     * @param event the event
     * @param options retries, timeouts and extra headers for this call
     * @return the future of what the agent did with it
     */
    public CompletableFuture<EventResult> send(SendEvent event, RequestOptions options) {
        return send(() -> event, options);
    }

    /**
     * Sends a natural-language turn; see {@link BrekEvents#sendText(String, String, String)}.
     *
     * @param sessionId the session
     * @param actorId the actor who speaks
     * @param text what the actor says
     * @return the future of the result
     */
    public CompletableFuture<EventResult> sendText(String sessionId, String actorId, String text) {
        return sendText(sessionId, actorId, text, RequestOptions.defaults());
    }

    /**
     * {@link #sendText(String, String, String)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param actorId the actor who speaks
     * @param text what the actor says
     * @param options the options of this call
     * @return the future of the result
     */
    public CompletableFuture<EventResult> sendText(String sessionId, String actorId, String text, RequestOptions options) {
        return send(() -> SendEvent.text(sessionId, actorId, text), options);
    }

    /**
     * Books a shortlisted option with a generated idempotency key; see
     * {@link BrekEvents#bookOption(String, String)}.
     *
     * @param sessionId the session
     * @param optionId the option's id
     * @return the future of the result
     */
    public CompletableFuture<EventResult> bookOption(String sessionId, String optionId) {
        return bookOption(sessionId, optionId, RequestOptions.defaults());
    }

    /**
     * {@link #bookOption(String, String)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param optionId the option's id
     * @param options the options of this call
     * @return the future of the result
     */
    public CompletableFuture<EventResult> bookOption(String sessionId, String optionId, RequestOptions options) {
        return send(() -> BrekEvents.bookOptionEvent(sessionId, optionId), options);
    }

    /**
     * Books an option by id as a command; see {@link BrekEvents#bookByOptionId(String, String)}.
     *
     * @param sessionId the session
     * @param optionId the option id
     * @return the future of the result
     */
    public CompletableFuture<EventResult> bookByOptionId(String sessionId, String optionId) {
        return bookByOptionId(sessionId, optionId, RequestOptions.defaults());
    }

    /**
     * {@link #bookByOptionId(String, String)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param optionId the option id
     * @param options the options of this call
     * @return the future of the result
     */
    public CompletableFuture<EventResult> bookByOptionId(String sessionId, String optionId, RequestOptions options) {
        return send(() -> BrekEvents.bookByOptionIdEvent(sessionId, optionId), options);
    }

    /**
     * Accepts a changed price; see {@link BrekEvents#confirmPriceChange(String, Map)}.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @return the future of the result
     */
    public CompletableFuture<EventResult> confirmPriceChange(String sessionId, Map<String, ?> payload) {
        return confirmPriceChange(sessionId, payload, RequestOptions.defaults());
    }

    /**
     * {@link #confirmPriceChange(String, Map)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @param options the options of this call
     * @return the future of the result
     */
    public CompletableFuture<EventResult> confirmPriceChange(String sessionId, Map<String, ?> payload, RequestOptions options) {
        return send(() -> SendEvent.ofKind(sessionId, EventKind.ACTION_CONFIRM_PRICE_CHANGE).payload(payload), options);
    }

    /**
     * Confirms the payment card; see {@link BrekEvents#confirmPaymentCard(String, Map)}.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @return the future of the result
     */
    public CompletableFuture<EventResult> confirmPaymentCard(String sessionId, Map<String, ?> payload) {
        return confirmPaymentCard(sessionId, payload, RequestOptions.defaults());
    }

    /**
     * {@link #confirmPaymentCard(String, Map)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @param options the options of this call
     * @return the future of the result
     */
    public CompletableFuture<EventResult> confirmPaymentCard(String sessionId, Map<String, ?> payload, RequestOptions options) {
        return send(() -> SendEvent.ofKind(sessionId, EventKind.ACTION_CONFIRM_PAYMENT_CARD).payload(payload), options);
    }

    /**
     * Cancels a booking; see {@link BrekEvents#cancelBooking(String, Map)}.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @return the future of the result
     */
    public CompletableFuture<EventResult> cancelBooking(String sessionId, Map<String, ?> payload) {
        return cancelBooking(sessionId, payload, RequestOptions.defaults());
    }

    /**
     * {@link #cancelBooking(String, Map)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @param options the options of this call
     * @return the future of the result
     */
    public CompletableFuture<EventResult> cancelBooking(String sessionId, Map<String, ?> payload, RequestOptions options) {
        return send(() -> SendEvent.ofKind(sessionId, EventKind.ACTION_CANCEL_BOOKING).payload(payload), options);
    }

    /** Builds the event inside the future's failure handling, so that bad input fails the future. */
    private CompletableFuture<EventResult> send(Supplier<SendEvent> event, RequestOptions options) {
        return client.core().runAsync(() -> client.events().operation(event.get()), options);
    }
}
