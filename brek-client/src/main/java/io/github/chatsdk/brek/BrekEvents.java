package io.github.chatsdk.brek;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.chatsdk.brek.internal.BrekJson;
import io.github.chatsdk.brek.internal.generated.api.EventsApi;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequest;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequestActor;
import io.github.chatsdk.brek.internal.generated.model.SendEventResponse;
import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.Check;
import io.github.chatsdk.core.internal.HttpResult;
import io.github.chatsdk.core.internal.Json;
import io.github.chatsdk.core.internal.Operation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Event operations ({@code POST /api/partner/v1/core-chat/events}): natural-language turns,
 * explicit kinds, and a named helper per write kind. Obtain it from {@link BrekClient#events()};
 * thread-safe.
 *
 * <p>Every event carries an idempotency key: the caller's, or one generated once per call. The
 * same key goes out on every retry, so a retried event is applied at most once, and the key is on
 * the {@link EventResult} and on any exception.
 */
public final class BrekEvents {
    private final BrekClient client;

    BrekEvents(BrekClient client) {
        this.client = client;
    }

    /**
     * Sends one event.
     *
     * @param event the event
     * @return what the agent did with it
     * @throws io.github.chatsdk.core.ServiceException on an error response (the exception carries the key)
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived; when
     *     {@code outcomeUnknown()} is true, resend with the same key
     */
    public EventResult send(SendEvent event) {
        return send(event, RequestOptions.defaults());
    }

    /**
     * Sends one event with per-call options, for example {@code maxRetries(0)} or a shorter timeout.
     * The event's idempotency key (given or generated) is the same on every attempt.
     *
     * <pre>{@code
     * EventResult r = brek.events().send(SendEvent.text(sessionId, actorId, "hi"),
     *         RequestOptions.builder().timeout(Duration.ofSeconds(10)).build());
     * }</pre>
     *
     * @param event the event
     * @param options retries, timeouts and extra headers for this call
     * @return what the agent did with it
     * @throws io.github.chatsdk.core.ServiceException on an error response (the exception carries the key)
     * @throws io.github.chatsdk.core.ConnectionException when no response arrived; when
     *     {@code outcomeUnknown()} is true, resend with the same key
     */
    public EventResult send(SendEvent event, RequestOptions options) {
        Objects.requireNonNull(options, "options == null");
        return client.core().run(operation(event), options);
    }

    /**
     * {@code POST /events} for {@code event}, with its idempotency key (the event's, else a new
     * one): shared by the synchronous and asynchronous calls.
     */
    Operation<EventResult> operation(SendEvent event) {
        Objects.requireNonNull(event, "event == null");
        event.validate();
        String key = event.idempotencyKey().orElseGet(IdempotencyKeys::random);
        SendEventRequest body = new SendEventRequest().sessionId(event.sessionId()).idempotencyKey(key);
        event.actorId().ifPresent(a -> body.actor(new SendEventRequestActor().actorId(a)));
        event.text().ifPresent(body::text);
        event.kind().ifPresent(k -> body.kind(k.value()));
        event.payload().ifPresent(body::payload);
        // every event carries a key, so resending it is safe: the server applies it at most once
        return Operation.of("brek.events.send", EventsApi.sendPartnerCoreChatEvent(body), true, BrekJson.ERROR_PARSER,
                result -> parse(result, key)).idempotencyKey(key);
    }

    /**
     * Reads a send-event body: parsed once into a tree, checked with the generated validation (the
     * same checks the generated binding makes: required members, their JSON types), then read
     * from the tree. The generated model is bound from the same tree only if
     * {@link EventResult#raw()} is called.
     */
    private static EventResult parse(HttpResult result, String key) throws java.io.IOException {
        JsonObject tree = JsonParser.parseString(result.body()).getAsJsonObject();
        SendEventResponse.validateJsonElement(tree);
        JsonObject data = tree.getAsJsonObject("data");
        JsonObject event = data.getAsJsonObject("event");
        JsonObject r = data.getAsJsonObject("result");
        JsonElement artifactsJson = r.get("artifacts");
        if (artifactsJson != null && !artifactsJson.isJsonNull() && !artifactsJson.isJsonObject()) {
            // Gson would read [] or [[k, v]] as a map: a documented object of another type is malformed
            throw new IllegalStateException("result.artifacts is not a JSON object");
        }
        return new EventResult(text(data, "sessionId"), text(event, "id"), EventKind.of(text(event, "kind")),
                text(r, "status"), text(r.getAsJsonObject("message"), "text"), text(r, "traceId"), artifactsJson,
                shortlist(artifactsJson), key, result.meta(), result.body());
    }

    /** A member the generated validation has checked to be absent, null or a primitive, as the generated model reads it. */
    private static String text(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /**
     * Sends a natural-language turn, such as {@code "Seattle Mar 20-23 1 room refundable"}.
     *
     * @param sessionId the session
     * @param actorId the actor who speaks (the session's owner)
     * @param text what the actor says
     * @return the result, typically status {@code shortlist} with {@link EventResult#shortlist()}
     */
    public EventResult sendText(String sessionId, String actorId, String text) {
        return sendText(sessionId, actorId, text, RequestOptions.defaults());
    }

    /**
     * {@link #sendText(String, String, String)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param actorId the actor who speaks (the session's owner)
     * @param text what the actor says
     * @param options the options of this call
     * @return the result, typically status {@code shortlist} with {@link EventResult#shortlist()}
     */
    public EventResult sendText(String sessionId, String actorId, String text, RequestOptions options) {
        return send(SendEvent.text(sessionId, actorId, text), options);
    }

    /**
     * Books a shortlisted option ({@code action_book_option}, payload {@code {optionId}}) with a
     * generated idempotency key. To choose the key, use {@link #send(SendEvent)}.
     *
     * @param sessionId the session
     * @param optionId the option's id from {@link ShortlistOption#optionId()}
     * @return the result
     */
    public EventResult bookOption(String sessionId, String optionId) {
        return bookOption(sessionId, optionId, RequestOptions.defaults());
    }

    /**
     * {@link #bookOption(String, String)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param optionId the option's id from {@link ShortlistOption#optionId()}
     * @param options the options of this call
     * @return the result
     */
    public EventResult bookOption(String sessionId, String optionId, RequestOptions options) {
        return send(bookOptionEvent(sessionId, optionId), options);
    }

    /**
     * Books an option by id as a command ({@code command_book_by_option_id}, payload {@code {optionId}}).
     *
     * @param sessionId the session
     * @param optionId the option id
     * @return the result
     */
    public EventResult bookByOptionId(String sessionId, String optionId) {
        return bookByOptionId(sessionId, optionId, RequestOptions.defaults());
    }

    /**
     * {@link #bookByOptionId(String, String)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param optionId the option id
     * @param options the options of this call
     * @return the result
     */
    public EventResult bookByOptionId(String sessionId, String optionId, RequestOptions options) {
        return send(bookByOptionIdEvent(sessionId, optionId), options);
    }

    /**
     * Accepts a changed price ({@code action_confirm_price_change}).
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @return the result
     */
    public EventResult confirmPriceChange(String sessionId, Map<String, ?> payload) {
        return confirmPriceChange(sessionId, payload, RequestOptions.defaults());
    }

    /**
     * {@link #confirmPriceChange(String, Map)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @param options the options of this call
     * @return the result
     */
    public EventResult confirmPriceChange(String sessionId, Map<String, ?> payload, RequestOptions options) {
        return send(SendEvent.ofKind(sessionId, EventKind.ACTION_CONFIRM_PRICE_CHANGE).payload(payload), options);
    }

    /**
     * Confirms the payment card ({@code action_confirm_payment_card}).
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @return the result
     */
    public EventResult confirmPaymentCard(String sessionId, Map<String, ?> payload) {
        return confirmPaymentCard(sessionId, payload, RequestOptions.defaults());
    }

    /**
     * {@link #confirmPaymentCard(String, Map)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @param options the options of this call
     * @return the result
     */
    public EventResult confirmPaymentCard(String sessionId, Map<String, ?> payload, RequestOptions options) {
        return send(SendEvent.ofKind(sessionId, EventKind.ACTION_CONFIRM_PAYMENT_CARD).payload(payload), options);
    }

    /**
     * Cancels a booking ({@code action_cancel_booking}).
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @return the result
     */
    public EventResult cancelBooking(String sessionId, Map<String, ?> payload) {
        return cancelBooking(sessionId, payload, RequestOptions.defaults());
    }

    /**
     * {@link #cancelBooking(String, Map)} with per-call options: retries, timeouts, extra headers and
     * listeners for this call only.
     *
     * @param sessionId the session
     * @param payload the action's payload (may be empty)
     * @param options the options of this call
     * @return the result
     */
    public EventResult cancelBooking(String sessionId, Map<String, ?> payload, RequestOptions options) {
        return send(SendEvent.ofKind(sessionId, EventKind.ACTION_CANCEL_BOOKING).payload(payload), options);
    }

    static SendEvent bookOptionEvent(String sessionId, String optionId) {
        return SendEvent.ofKind(sessionId, EventKind.ACTION_BOOK_OPTION)
                .payload(Map.of("optionId", Check.nonBlank("payload.optionId", optionId)));
    }

    static SendEvent bookByOptionIdEvent(String sessionId, String optionId) {
        return SendEvent.ofKind(sessionId, EventKind.COMMAND_BOOK_BY_OPTION_ID)
                .payload(Map.of("optionId", Check.nonBlank("payload.optionId", optionId)));
    }

    /** The typed view of {@code artifacts.shortlist}; exact prices come from the JSON text. */
    private static List<ShortlistOption> shortlist(JsonElement artifacts) {
        if (artifacts == null || !artifacts.isJsonObject()) {
            return List.of();
        }
        JsonElement list = artifacts.getAsJsonObject().get("shortlist");
        if (list == null || !list.isJsonArray()) {
            return List.of();
        }
        JsonArray items = (JsonArray) list;
        List<ShortlistOption> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonElement item = items.get(i);
            if (!item.isJsonObject()) {
                continue;
            }
            JsonObject o = item.getAsJsonObject();
            String optionId = Json.string(o, "optionId");
            if (optionId == null) {
                continue;
            }
            JsonPrimitive rating = number(o, "rating");
            JsonElement refundable = o.get("refundable");
            out.add(new ShortlistOption(optionId, Json.string(o, "name"), decimal(o, "pricePerNight"),
                    decimal(o, "totalPrice"), Json.string(o, "currency"),
                    refundable != null && refundable.isJsonPrimitive() && refundable.getAsJsonPrimitive().isBoolean()
                            ? refundable.getAsBoolean() : null,
                    rating == null ? null : rating.getAsDouble(), o));
        }
        return Collections.unmodifiableList(out);
    }

    private static JsonPrimitive number(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsJsonPrimitive() : null;
    }

    private static BigDecimal decimal(JsonObject o, String member) {
        JsonPrimitive p = number(o, member);
        return p == null ? null : p.getAsBigDecimal();
    }
}
