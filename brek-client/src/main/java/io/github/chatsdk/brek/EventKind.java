package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;

/**
 * The kind of a Brek event. The constants are the kinds the API documents; any other kind the
 * server reports passes through {@link #of(String)} unchanged.
 *
 * <p>Write kinds ({@link #isWrite()}) book, confirm or cancel: the API requires an idempotency
 * key for them, and the client always sends one.
 */
public final class EventKind {
    /** A natural-language search turn (what a text event is recorded as). */
    public static final EventKind SEARCH_QUERY = new EventKind("search_query", false);
    /** Book the option with the given id, as a command. */
    public static final EventKind COMMAND_BOOK_BY_OPTION_ID = new EventKind("command_book_by_option_id", true);
    /** Book a shortlisted option ({@code payload.optionId}). */
    public static final EventKind ACTION_BOOK_OPTION = new EventKind("action_book_option", true);
    /** Accept a changed price. */
    public static final EventKind ACTION_CONFIRM_PRICE_CHANGE = new EventKind("action_confirm_price_change", true);
    /** Confirm the payment card. */
    public static final EventKind ACTION_CONFIRM_PAYMENT_CARD = new EventKind("action_confirm_payment_card", true);
    /** Cancel a booking. */
    public static final EventKind ACTION_CANCEL_BOOKING = new EventKind("action_cancel_booking", true);

    private static final Map<String, EventKind> KNOWN = Map.of(
            SEARCH_QUERY.value, SEARCH_QUERY,
            COMMAND_BOOK_BY_OPTION_ID.value, COMMAND_BOOK_BY_OPTION_ID,
            ACTION_BOOK_OPTION.value, ACTION_BOOK_OPTION,
            ACTION_CONFIRM_PRICE_CHANGE.value, ACTION_CONFIRM_PRICE_CHANGE,
            ACTION_CONFIRM_PAYMENT_CARD.value, ACTION_CONFIRM_PAYMENT_CARD,
            ACTION_CANCEL_BOOKING.value, ACTION_CANCEL_BOOKING);

    private final String value;
    private final boolean write;

    private EventKind(String value, boolean write) {
        this.value = value;
        this.write = write;
    }

    /**
     * The kind for a wire value: a constant when the value is documented, otherwise a new
     * non-write kind that carries the value unchanged.
     *
     * @param value the wire value, such as {@code action_book_option}
     * @return the kind
     */
    public static EventKind of(String value) {
        Objects.requireNonNull(value, "kind == null");
        EventKind known = KNOWN.get(value);
        return known != null ? known : new EventKind(value, false);
    }

    /**
     * The wire value, such as {@code action_book_option}.
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * Whether this kind changes a booking, so that the API requires an idempotency key.
     *
     * @return {@code true} for the documented write kinds
     */
    public boolean isWrite() {
        return write;
    }

    /**
     * Whether the API documents this kind.
     *
     * @return {@code false} for a kind only seen in a server response
     */
    public boolean isKnown() {
        return KNOWN.get(value) == this;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof EventKind && ((EventKind) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
