package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventKind;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.IdempotencyKeys;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.Sleeper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End-to-end flows of the Brek client against the sandbox, beyond {@link BrekClientAgainstSandboxTest}:
 * price changes, refunds, a resubmit after an unknown outcome, the real rate limit (retried after
 * {@code Retry-After}, or waited out by the client-side limiter), and faults on calls that must not
 * be resent. Each test has a sandbox of its own on a manual clock; the client's sleeper moves that
 * clock instead of sleeping, so nothing here waits for real.
 */
class BrekClientFlowsTest {
    static final String ACTOR = "partner_user_001";

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T09:00:10Z"));
    final List<Duration> sleeps = new ArrayList<>();
    BrekSandbox brek;

    @BeforeEach
    void start() {
        brek = BrekSandbox.builder().partner("flow-key", "acme").rateLimitPerMinute(10).clock(clock).start();
    }

    @AfterEach
    void everyExchangeConformsAndStop() {
        try {
            SpecChecks.assertLogConforms(SpecChecks.BREK, true, brek.requests());
        } finally {
            brek.close();
        }
    }

    BrekClient.Builder builder() {
        return BrekClient.builder().apiKey("flow-key").baseUrl(brek.baseUrl()).clock(clock)
                .sleeper(Sleeper.of(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }));
    }

    static Map<String, Object> artifact(EventResult r, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.artifacts().get(name);
        return a;
    }

    static ShortlistOption option(EventResult search, String name) {
        return search.shortlist().stream().filter(o -> o.name().orElse("").equals(name)).findFirst().orElseThrow();
    }

    List<String> history(BrekClient client, String sessionId) {
        return client.sessions().get(sessionId).events().stream()
                .map(e -> e.kind().map(EventKind::value).orElse("?") + "=" + e.resultStatus().orElse("?"))
                .collect(Collectors.toList());
    }

    @Test
    void aPriceChangeIsConfirmedPaidAndCancelledWithoutRefundForANonRefundableRate() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            EventResult search = client.events().sendText(s.sessionId(), ACTOR, "Seattle Mar 20-23 non-refundable");
            ShortlistOption sorrento = option(search, "Hotel Sorrento");
            assertEquals(new BigDecimal("881.46"), sorrento.totalPrice().orElseThrow());

            EventResult changed = client.events().bookOption(s.sessionId(), sorrento.optionId());
            assertEquals("price_changed", changed.status());
            Map<String, Object> change = artifact(changed, "priceChange");
            assertEquals(881.46, ((Number) change.get("previousTotalPrice")).doubleValue());
            assertEquals(943.16, ((Number) change.get("newTotalPrice")).doubleValue(), "+7 %");

            EventResult confirmed = client.events().confirmPriceChange(s.sessionId(), Map.of("accept", true));
            assertEquals("payment_required", confirmed.status());
            assertEquals(943.16, ((Number) artifact(confirmed, "payment").get("amount")).doubleValue());

            EventResult booked = client.events().confirmPaymentCard(s.sessionId(), Map.of());
            assertEquals("booked", booked.status());
            String bookingId = (String) artifact(booked, "booking").get("bookingId");

            EventResult cancelled = client.events().cancelBooking(s.sessionId(), Map.of("bookingId", bookingId));
            assertEquals("cancelled", cancelled.status());
            assertEquals(0.0, ((Number) artifact(cancelled, "refund").get("amount")).doubleValue());
            assertTrue(cancelled.messageText().contains("non-refundable"), cancelled.messageText());

            assertEquals(List.of("search_query=shortlist", "action_book_option=price_changed",
                    "action_confirm_price_change=payment_required", "action_confirm_payment_card=booked",
                    "action_cancel_booking=cancelled"), history(client, s.sessionId()));
            List<String> keys = brek.requests().stream().map(r -> r.idempotencyKey().orElse(null))
                    .filter(k -> k != null).collect(Collectors.toList());
            assertEquals(5, keys.size(), "every event carries a key");
            assertEquals(5, keys.stream().distinct().count(), "each its own");
        }
    }

    @Test
    void aRefundableBookingCancelledAfterPaymentIsRefundedInFull() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            EventResult search = client.events().sendText(s.sessionId(), ACTOR, "Lisbon 2 nights refundable cheapest");
            ShortlistOption memmo = option(search, "Memmo Alfama");
            client.events().bookByOptionId(s.sessionId(), memmo.optionId());
            assertEquals("booked", client.events().confirmPaymentCard(s.sessionId(), Map.of()).status());

            EventResult cancelled = client.events().cancelBooking(s.sessionId(), Map.of());
            Map<String, Object> refund = artifact(cancelled, "refund");
            assertEquals(memmo.totalPrice().orElseThrow().doubleValue(), ((Number) refund.get("amount")).doubleValue());
            assertEquals("EUR", refund.get("currency"));
            assertEquals("invalid_state", client.events().cancelBooking(s.sessionId(), Map.of()).status(),
                    "a second cancel changes nothing");
        }
    }

    @Test
    void aDeclinedPriceChangeBooksNothingAndOffersTheShortlistAgain() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            EventResult search = client.events().sendText(s.sessionId(), ACTOR, "Tokyo 1 night");
            client.events().bookOption(s.sessionId(), option(search, "Hoshinoya Tokyo").optionId());

            EventResult declined = client.events().confirmPriceChange(s.sessionId(), Map.of("accept", false));

            assertEquals("price_change_declined", declined.status());
            assertEquals(search.shortlist(), declined.shortlist());
            assertEquals("invalid_state", client.events().confirmPaymentCard(s.sessionId(), Map.of()).status());
        }
    }

    @Test
    void aBookingWhoseOutcomeIsUnknownIsResubmittedWithItsKeyAndBookedOnce() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            String optionId = client.events().sendText(s.sessionId(), ACTOR, "New York").shortlist().get(0).optionId();
            SendEvent book = SendEvent.ofKind(s.sessionId(), EventKind.ACTION_BOOK_OPTION)
                    .payload(Map.of("optionId", optionId))
                    .idempotencyKey(IdempotencyKeys.deterministic("shop", s.sessionId(), "book", 1));
            brek.faults().nextDisconnectAfterProcessing(1);

            ConnectionException lost = assertThrows(ConnectionException.class,
                    () -> client.events().send(book, RequestOptions.builder().maxRetries(0).build()));
            assertTrue(lost.outcomeUnknown());
            assertEquals("shop:" + s.sessionId() + ":book:001", lost.idempotencyKey().orElseThrow());
            assertEquals(2, brek.recordedEventCount(s.sessionId()), "the booking was applied");

            // after a restart: the same event, rebuilt with the key the exception named
            EventResult again = client.events().send(SendEvent.ofKind(s.sessionId(), EventKind.ACTION_BOOK_OPTION)
                    .payload(Map.of("optionId", optionId)).idempotencyKey(lost.idempotencyKey().orElseThrow()));

            assertEquals("payment_required", again.status());
            assertEquals("true", again.meta().header("idempotent-replayed").orElseThrow());
            assertEquals(2, brek.recordedEventCount(s.sessionId()), "and not applied twice");
            assertEquals(again.eventId(), client.sessions().get(s.sessionId()).events().get(1).eventId().orElseThrow());
        }
    }

    @Test
    void aWriteThatExhaustsItsRetriesOn503CanBeResubmittedWithTheKeyOfTheException() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            String optionId = client.events().sendText(s.sessionId(), ACTOR, "Lisbon").shortlist().get(0).optionId();
            brek.faults().nextStatus(503, 3);

            InternalServerException e = assertThrows(InternalServerException.class,
                    () -> client.events().bookOption(s.sessionId(), optionId));
            assertEquals(3, e.attempts());
            String key = e.idempotencyKey().orElseThrow();
            assertTrue(e.getMessage().contains(key), e.getMessage());
            assertEquals(3, brek.requests().stream().filter(r -> r.idempotencyKey().orElse("").equals(key)).count());

            EventResult booked = client.events().send(SendEvent.ofKind(s.sessionId(), EventKind.ACTION_BOOK_OPTION)
                    .payload(Map.of("optionId", optionId)).idempotencyKey(key));
            assertEquals("payment_required", booked.status());
            assertTrue(booked.meta().header("idempotent-replayed").isEmpty(), "nothing was applied before");
            assertEquals(2, brek.recordedEventCount(s.sessionId()));
        }
    }

    @Test
    void theRealRateLimitIsRetriedAfterRetryAfterInTheNextWindow() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            for (int i = 0; i < 9; i++) {
                client.sessions().get(s.sessionId());
            }

            EventResult found = client.events().sendText(s.sessionId(), ACTOR, "Seattle");

            assertEquals("shortlist", found.status());
            assertEquals(2, found.meta().attempts());
            assertEquals(List.of(Duration.ofSeconds(50)), sleeps, "Retry-After: until 09:01:00");
            assertEquals(9L, found.meta().rateLimit().orElseThrow().remaining().getAsLong(), "a new window");
            assertEquals(List.of(429, 200), brek.requests().stream().skip(10).map(SandboxRequest::responseStatus)
                    .collect(Collectors.toList()));
        }
    }

    @Test
    void aRateLimitedSessionCreationWaitsOutRetryAfterAndIsResentOnce() {
        try (BrekClient client = builder().build()) {
            for (int i = 0; i < 10; i++) {
                client.sessions().create(CreateSession.forActor(ACTOR));
            }

            Session created = client.sessions().create(CreateSession.forActor(ACTOR));

            assertEquals(2, created.meta().attempts(), "a 429 is a refusal: the create was not processed, so it is resent");
            assertEquals(List.of(Duration.ofSeconds(50)), sleeps, "Retry-After: until the next window");
            assertEquals(List.of(429, 200), brek.requests().stream().skip(10).map(SandboxRequest::responseStatus)
                    .collect(Collectors.toList()));
        }
    }

    @Test
    void aRateLimitedSessionCreationFailsAtOnceWhenRetryAfterIsBeyondTheClientsLimit() {
        try (BrekClient client = builder().maxRetryAfter(Duration.ofSeconds(10)).build()) {
            for (int i = 0; i < 10; i++) {
                client.sessions().create(CreateSession.forActor(ACTOR));
            }

            RateLimitException e = assertThrows(RateLimitException.class,
                    () -> client.sessions().create(CreateSession.forActor(ACTOR)));

            assertEquals(1, e.attempts());
            assertEquals(Duration.ofSeconds(50), e.retryAfter().orElseThrow());
            assertEquals(10L, e.rateLimit().orElseThrow().limit().getAsLong());
            assertTrue(sleeps.isEmpty());
            assertEquals(11, brek.requests().size());
        }
    }

    @Test
    void theClientSideLimiterWaitsForTheNextWindowInsteadOfBeingRefused() {
        try (BrekClient client = builder().waitWhenRateLimited(true).build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            for (int i = 0; i < 12; i++) {
                client.sessions().get(s.sessionId());
            }

            assertTrue(brek.requests().stream().noneMatch(r -> r.responseStatus() == 429),
                    "the server never had to refuse a request");
            assertEquals(13, brek.requests().size());
            assertEquals(1, sleeps.size(), "one wait, after the 10th request: " + sleeps);
            assertTrue(sleeps.get(0).compareTo(Duration.ofSeconds(50)) >= 0, sleeps.toString());
        }
    }

    @Test
    void gatewayErrorsOnAGetAreRetriedUntilItSucceeds() {
        try (BrekClient client = builder().build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            brek.faults().nextStatus(502).nextStatus(504);

            assertEquals(s.sessionId(), client.sessions().get(s.sessionId()).sessionId());

            assertEquals(List.of(200, 502, 504, 200), brek.requests().stream().map(SandboxRequest::responseStatus)
                    .collect(Collectors.toList()));
            assertEquals(2, sleeps.size());
        }
    }

    @Test
    void sessionCreationIsNotResentOnceItMayHaveArrived() {
        try (BrekClient client = builder().build()) {
            brek.faults().nextDisconnect(1);
            ConnectionException lost = assertThrows(ConnectionException.class,
                    () -> client.sessions().create(CreateSession.forActor(ACTOR)));
            assertTrue(lost.outcomeUnknown());

            brek.faults().nextStatus(503);
            InternalServerException failed = assertThrows(InternalServerException.class,
                    () -> client.sessions().create(CreateSession.forActor(ACTOR)));
            assertEquals(1, failed.attempts());

            assertEquals(2, brek.requests().size());
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test
    void aBookingSlowerThanTheReadTimeoutIsRetriedAndBookedOnce() throws Exception {
        try (BrekClient client = BrekClient.builder().apiKey("flow-key").baseUrl(brek.baseUrl())
                .sleeper(Sleeper.of(d -> { })).build()) {
            Session s = client.sessions().create(CreateSession.forActor(ACTOR));
            String optionId = client.events().sendText(s.sessionId(), ACTOR, "Tokyo").shortlist().get(0).optionId();
            brek.faults().nextDelay(Duration.ofMillis(1200), 1);

            EventResult booked = client.events().send(SendEvent.ofKind(s.sessionId(), EventKind.ACTION_BOOK_OPTION)
                    .payload(Map.of("optionId", optionId)), RequestOptions.builder().readTimeout(Duration.ofMillis(500)).build());

            assertEquals("payment_required", booked.status());
            assertTrue(booked.meta().attempts() >= 2, "the first attempt timed out");
            // the slow first attempt is still processed when its delay is over: by then it is a replay
            int expected = 2 + booked.meta().attempts();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (brek.requests().size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(expected, brek.requests().size(), brek.requests().toString());
            assertEquals(2, brek.recordedEventCount(s.sessionId()), "search and one booking");
        }
    }
}
