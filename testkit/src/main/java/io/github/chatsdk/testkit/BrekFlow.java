package io.github.chatsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What one Brek event does to a session: searches fill a shortlist, and the write kinds move a
 * booking through {@code price_changed} / {@code payment_required} → {@code booked} →
 * {@code cancelled}. Called with the session's monitor held.
 */
final class BrekFlow {
    private final BrekApi.BrekSession s;
    private final Ids ids;

    BrekFlow(BrekApi.BrekSession session, Ids ids) {
        this.s = session;
        this.ids = ids;
    }

    BrekApi.BrekSession.Outcome apply(String kind, String text, JsonObject payload, int year) {
        switch (kind) {
            case "search_query":
                return search(text != null ? text : JsonSupport.string(payload, "query").orElse(null), year);
            case "action_book_option":
                return book(JsonSupport.string(payload, "optionId").orElse(null));
            case "command_book_by_option_id":
                return book(JsonSupport.string(payload, "optionId")
                        .or(() -> text == null ? Optional.empty() : BrekCatalogue.anyUuid(text)).orElse(null));
            case "action_confirm_price_change":
                return confirmPriceChange(payload);
            case "action_confirm_payment_card":
                return confirmPaymentCard();
            case "action_cancel_booking":
                return cancel(payload);
            default:
                return outcome("unsupported_kind", "The Brek sandbox records kind=" + kind
                        + " but does not act on it. Known kinds: search_query (or plain text), "
                        + String.join(", ", List.of("action_book_option", "command_book_by_option_id",
                                "action_confirm_price_change", "action_confirm_payment_card", "action_cancel_booking"))
                        + ".", new JsonObject());
        }
    }

    private BrekApi.BrekSession.Outcome search(String text, int year) {
        if (text == null || text.isBlank()) {
            return clarify();
        }
        BrekCatalogue.Query q = BrekCatalogue.parse(text, year);
        if (q.city == null) {
            return clarify();
        }
        List<BrekCatalogue.Option> options = BrekCatalogue.search(q);
        for (BrekCatalogue.Option o : options) {
            s.options.put(o.optionId, o);
        }
        s.lastShortlist = options;
        JsonObject artifacts = new JsonObject();
        artifacts.add("shortlist", shortlist(options));
        if (options.isEmpty()) {
            return outcome("no_results", "I found no options matching your request in " + q.city
                    + ". Try fewer filters.", artifacts);
        }
        return outcome("shortlist", "I found options matching your request in " + q.city + ".", artifacts);
    }

    private static BrekApi.BrekSession.Outcome clarify() {
        JsonObject artifacts = new JsonObject();
        JsonArray cities = new JsonArray();
        List.of("Seattle", "New York", "Lisbon", "Tokyo").forEach(cities::add);
        artifacts.add("supportedCities", cities);
        return outcome("needs_clarification", "Where and when would you like to stay? For example: "
                + "\"Seattle Mar 20-23 1 room refundable\".", artifacts);
    }

    private BrekApi.BrekSession.Outcome book(String optionId) {
        if (optionId == null || optionId.isBlank()) {
            return outcome("option_not_found", "payload.optionId is required to book: pick an optionId from the"
                    + " shortlist.", lastShortlistArtifacts());
        }
        BrekCatalogue.Option option = s.options.get(optionId);
        if (option == null) {
            return outcome("option_not_found", "Option " + optionId + " is not in this session's shortlists."
                    + " Search first, then book one of the optionIds it returns.", lastShortlistArtifacts());
        }
        BrekApi.BrekSession.Booking current = s.booking;
        if (current != null && current.status.equals("confirmed")) {
            return outcome("already_booked", "You already have a confirmed booking (" + current.bookingId
                    + "). Cancel it before booking another option.", bookingArtifacts(current));
        }
        BrekApi.BrekSession.Booking booking = new BrekApi.BrekSession.Booking("BK-" + ids.upperAlnum(8), option);
        s.booking = booking;
        if (option.hotel.priceChanges) {
            booking.status = "price_changed";
            booking.newTotalPrice = option.changedTotal();
            JsonObject artifacts = bookingArtifacts(booking);
            JsonObject change = new JsonObject();
            change.addProperty("optionId", option.optionId);
            change.addProperty("previousTotalPrice", booking.totalPrice);
            change.addProperty("newTotalPrice", booking.newTotalPrice);
            change.addProperty("currency", option.hotel.currency);
            artifacts.add("priceChange", change);
            return outcome("price_changed", "The price of " + option.hotel.name + " changed from "
                    + money(booking.totalPrice, booking.option.hotel.currency) + " to " + money(booking.newTotalPrice, booking.option.hotel.currency)
                    + ". Confirm the new price to continue.", artifacts);
        }
        return paymentRequired(booking);
    }

    private BrekApi.BrekSession.Outcome paymentRequired(BrekApi.BrekSession.Booking booking) {
        booking.status = "pending_payment";
        JsonObject artifacts = bookingArtifacts(booking);
        JsonObject payment = new JsonObject();
        JsonObject card = new JsonObject();
        card.addProperty("brand", "visa");
        card.addProperty("last4", "4242");
        payment.add("cardOnFile", card);
        payment.addProperty("amount", booking.totalPrice);
        payment.addProperty("currency", booking.option.hotel.currency);
        artifacts.add("payment", payment);
        return outcome("payment_required", "Confirm the card on file (Visa ending 4242) to book "
                + booking.option.hotel.name + " for " + money(booking.totalPrice, booking.option.hotel.currency) + ".", artifacts);
    }

    private BrekApi.BrekSession.Outcome confirmPriceChange(JsonObject payload) {
        BrekApi.BrekSession.Booking booking = s.booking;
        if (booking == null || !booking.status.equals("price_changed")) {
            return outcome("invalid_state", "There is no price change to confirm.", stateArtifacts());
        }
        JsonElement accept = payload.get("accept");
        if (accept != null && accept.isJsonPrimitive() && accept.getAsJsonPrimitive().isBoolean()
                && !accept.getAsBoolean()) {
            booking.status = "declined";
            s.booking = null;
            JsonObject artifacts = bookingArtifacts(booking);
            artifacts.add("shortlist", shortlist(s.lastShortlist));
            return outcome("price_change_declined", "You declined the new price of " + booking.option.hotel.name
                    + "; nothing was booked. Pick another option from the shortlist.", artifacts);
        }
        booking.totalPrice = booking.newTotalPrice;
        booking.newTotalPrice = null;
        return paymentRequired(booking);
    }

    private BrekApi.BrekSession.Outcome confirmPaymentCard() {
        BrekApi.BrekSession.Booking booking = s.booking;
        if (booking == null || booking.status.equals("cancelled")) {
            return outcome("invalid_state", "There is no booking waiting for payment. Book an option first.",
                    stateArtifacts());
        }
        if (booking.status.equals("price_changed")) {
            return outcome("invalid_state", "The price changed: confirm the price change first"
                    + " (action_confirm_price_change).", bookingArtifacts(booking));
        }
        if (booking.status.equals("confirmed")) {
            return outcome("already_booked", "Booking " + booking.bookingId + " is already confirmed.",
                    bookingArtifacts(booking));
        }
        booking.status = "confirmed";
        BrekCatalogue.Option o = booking.option;
        return outcome("booked", "Booked: " + o.hotel.name + ", " + o.nights + (o.nights == 1 ? " night" : " nights")
                + ", " + money(booking.totalPrice, booking.option.hotel.currency) + ". Your booking id is " + booking.bookingId + ".",
                bookingArtifacts(booking));
    }

    private BrekApi.BrekSession.Outcome cancel(JsonObject payload) {
        BrekApi.BrekSession.Booking booking = s.booking;
        if (booking == null) {
            return outcome("invalid_state", "There is no booking to cancel.", stateArtifacts());
        }
        Optional<String> asked = JsonSupport.string(payload, "bookingId");
        if (asked.isPresent() && !asked.get().equals(booking.bookingId)) {
            return outcome("booking_not_found", "Booking " + asked.get() + " is not part of this session; its booking"
                    + " is " + booking.bookingId + ".", bookingArtifacts(booking));
        }
        if (booking.status.equals("cancelled")) {
            return outcome("invalid_state", "Booking " + booking.bookingId + " is already cancelled.",
                    bookingArtifacts(booking));
        }
        boolean charged = booking.status.equals("confirmed");
        BigDecimal refund = charged && booking.option.hotel.refundable ? booking.totalPrice
                : BigDecimal.ZERO.setScale(booking.option.hotel.scale());
        booking.status = "cancelled";
        JsonObject artifacts = bookingArtifacts(booking);
        JsonObject refundJson = new JsonObject();
        refundJson.addProperty("amount", refund);
        refundJson.addProperty("currency", booking.option.hotel.currency);
        artifacts.add("refund", refundJson);
        String name = booking.option.hotel.name;
        String message;
        if (!charged) {
            message = "Booking " + booking.bookingId + " at " + name + " is cancelled before payment: nothing was charged.";
        } else if (booking.option.hotel.refundable) {
            message = "Booking " + booking.bookingId + " at " + name + " is cancelled. " + money(refund, booking.option.hotel.currency)
                    + " will be refunded.";
        } else {
            message = "Booking " + booking.bookingId + " at " + name + " is cancelled. The rate was non-refundable:"
                    + " no refund.";
        }
        return outcome("cancelled", message, artifacts);
    }

    private JsonObject lastShortlistArtifacts() {
        JsonObject artifacts = new JsonObject();
        if (!s.lastShortlist.isEmpty()) {
            artifacts.add("shortlist", shortlist(s.lastShortlist));
        }
        return artifacts;
    }

    private JsonObject stateArtifacts() {
        return s.booking == null ? new JsonObject() : bookingArtifacts(s.booking);
    }

    private static JsonObject bookingArtifacts(BrekApi.BrekSession.Booking b) {
        JsonObject booking = new JsonObject();
        booking.addProperty("bookingId", b.bookingId);
        booking.addProperty("optionId", b.option.optionId);
        booking.addProperty("name", b.option.hotel.name);
        booking.addProperty("status", b.status);
        booking.addProperty("totalPrice", b.totalPrice);
        booking.addProperty("currency", b.option.hotel.currency);
        JsonObject artifacts = new JsonObject();
        artifacts.add("booking", booking);
        return artifacts;
    }

    static JsonArray shortlist(List<BrekCatalogue.Option> options) {
        JsonArray list = new JsonArray();
        for (BrekCatalogue.Option o : options) {
            JsonObject item = new JsonObject();
            item.addProperty("optionId", o.optionId);
            item.addProperty("name", o.hotel.name);
            item.addProperty("pricePerNight", o.hotel.pricePerNight);
            item.addProperty("totalPrice", o.totalPrice);
            item.addProperty("currency", o.hotel.currency);
            item.addProperty("refundable", o.hotel.refundable);
            item.addProperty("rating", o.hotel.rating);
            list.add(item);
        }
        return list;
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }

    private static BrekApi.BrekSession.Outcome outcome(String status, String message, JsonObject artifacts) {
        return new BrekApi.BrekSession.Outcome(status, message, artifacts);
    }
}
