package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekAuthScheme;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventKind;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.SessionEvent;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.ConflictException;
import io.github.chatsdk.core.NotFoundException;
import io.github.chatsdk.core.PermissionDeniedException;
import io.github.chatsdk.core.RateLimitException;
import io.github.chatsdk.core.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Brek facade of this project against the sandbox: what a user of both would write. */
class BrekClientAgainstSandboxTest {
    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-02-18T23:22:10Z"));

    @RegisterExtension
    static final BrekSandboxExtension BREK = new BrekSandboxExtension(
            BrekSandbox.builder().partner("test-key", "acme").rateLimitPerMinute(50).clock(CLOCK));

    final List<Duration> sleeps = new ArrayList<>();

    BrekClient client(BrekSandbox brek, BrekAuthScheme scheme) {
        return BrekClient.builder().apiKey("test-key").authScheme(scheme).baseUrl(brek.baseUrl())
                .sleeper(Sleeper.of(sleeps::add)).maxRetries(2).build();
    }

    @AfterEach
    void everyExchangeConforms() {
        SpecChecks.assertLogConforms(SpecChecks.BREK, true, BREK.sandbox().requests());
    }

    @ParameterizedTest
    @EnumSource(BrekAuthScheme.class)
    void aWholeBookingWithEachAuthScheme(BrekAuthScheme scheme) {
        BrekSandbox brek = BREK.sandbox();
        try (BrekClient client = client(brek, scheme)) {
            Session s = client.sessions().create(CreateSession.forActor("partner_user_001").timezoneOffsetMinutes(-480));
            assertEquals("partner-chat:" + s.sessionId(), s.conversationId().orElseThrow());
            assertEquals(-480, s.timezoneOffsetMinutes().orElseThrow());
            assertFalse(s.workspaceId().isPresent());
            assertEquals("acme", s.partnerId().orElseThrow());

            EventResult found = client.events().sendText(s.sessionId(), "partner_user_001",
                    "Seattle Mar 20-23 1 room refundable");
            assertEquals("shortlist", found.status());
            ShortlistOption inn = found.shortlist().get(0);
            assertEquals("Inn at the Market", inn.name().orElseThrow());
            assertEquals("979.38", inn.totalPrice().orElseThrow().toPlainString());
            assertEquals(48L, found.meta().rateLimit().orElseThrow().remaining().getAsLong());

            EventResult booked = client.events().bookOption(s.sessionId(), inn.optionId());
            assertEquals("payment_required", booked.status());
            assertEquals("booked", client.events().confirmPaymentCard(s.sessionId(), Map.of()).status());
            EventResult cancelled = client.events().cancelBooking(s.sessionId(), Map.of());
            assertEquals("cancelled", cancelled.status());
            @SuppressWarnings("unchecked")
            Map<String, Object> booking = (Map<String, Object>) cancelled.artifacts().get("booking");
            assertEquals("cancelled", booking.get("status"));

            List<String> history = client.sessions().get(s.sessionId()).events().stream()
                    .map(e -> e.kind().map(EventKind::value).orElse("?") + "=" + e.resultStatus().orElse("?"))
                    .collect(Collectors.toList());
            assertEquals(List.of("search_query=shortlist", "action_book_option=payment_required",
                    "action_confirm_payment_card=booked", "action_cancel_booking=cancelled"), history);
            SessionEvent first = client.sessions().get(s.sessionId()).events().get(0);
            assertEquals(found.eventId(), first.eventId().orElseThrow());
        }
        String header = scheme == BrekAuthScheme.BEARER ? "authorization"
                : scheme == BrekAuthScheme.LEGACY_API_KEY ? "api-key" : "x-partner-api-key";
        for (SandboxRequest r : brek.requests()) {
            assertTrue(r.header(header).isPresent(), r.toString());
            long schemes = List.of("authorization", "api-key", "x-partner-api-key").stream()
                    .filter(h -> r.header(h).isPresent()).count();
            assertEquals(1, schemes, "exactly one scheme is sent");
        }
    }

    @Test
    void retriesA503WithTheSameKeyAndBooksOnce(BrekSandbox brek) {
        try (BrekClient client = client(brek, BrekAuthScheme.PARTNER_API_KEY)) {
            Session s = client.sessions().create(CreateSession.forActor("u"));
            String option = client.events().sendText(s.sessionId(), "u", "Tokyo").shortlist().get(0).optionId();
            brek.faults().nextStatus(503, 2);
            EventResult r = client.events().bookOption(s.sessionId(), option);
            assertEquals("payment_required", r.status());
            assertEquals(3, r.meta().attempts());
            List<SandboxRequest> attempts = brek.requests().stream()
                    .filter(q -> q.idempotencyKey().orElse("").equals(r.idempotencyKey())).collect(Collectors.toList());
            assertEquals(3, attempts.size());
            assertEquals(2, brek.recordedEventCount(), "search + one booking");
            assertEquals(2, sleeps.size());
        }
    }

    @Test
    void aLostBookingResponseIsRetriedAndReplayed(BrekSandbox brek) {
        try (BrekClient client = client(brek, BrekAuthScheme.PARTNER_API_KEY)) {
            Session s = client.sessions().create(CreateSession.forActor("u"));
            String option = client.events().sendText(s.sessionId(), "u", "Lisbon").shortlist().get(0).optionId();
            brek.faults().nextDisconnectAfterProcessing(1);
            EventResult r = client.events().send(SendEvent.ofKind(s.sessionId(), EventKind.ACTION_BOOK_OPTION)
                    .payload(Map.of("optionId", option)).idempotencyKey("shop:" + s.sessionId() + ":book:001"));
            assertEquals("payment_required", r.status());
            assertEquals(2, brek.requests().stream()
                    .filter(q -> q.idempotencyKey().orElse("").equals("shop:" + s.sessionId() + ":book:001")).count());
            assertEquals(1, brek.requests().stream().filter(SandboxRequest::replayed).count());
            assertEquals(2, brek.recordedEventCount(s.sessionId()));
        }
    }

    @Test
    void errorsMapToTypedExceptions(BrekSandbox brek) {
        try (BrekClient client = client(brek, BrekAuthScheme.PARTNER_API_KEY);
                BrekClient stranger = BrekClient.builder().apiKey("wrong").baseUrl(brek.baseUrl()).build()) {
            Session s = client.sessions().create(CreateSession.forActor("owner"));
            NotFoundException nf = assertThrows(NotFoundException.class, () -> client.sessions().get("sess_unknown"));
            assertEquals("session_not_found", nf.errorCode().orElseThrow());
            assertEquals(nf.requestId().orElseThrow(), nf.meta().requestId().orElseThrow());
            ConflictException c = assertThrows(ConflictException.class,
                    () -> client.events().sendText(s.sessionId(), "intruder", "Seattle"));
            assertEquals("actor.actorId does not match the session owner (owner).", c.errorMessage().orElseThrow());
            assertThrows(PermissionDeniedException.class, () -> stranger.sessions().create(CreateSession.forActor("x")));
            assertThrows(NotFoundException.class, () -> client.sessions().get("a/b"));
        }
        try (BrekClient noRetry = BrekClient.builder().apiKey("test-key").baseUrl(brek.baseUrl()).maxRetries(0).build()) {
            brek.faults().nextStatus(401);
            assertThrows(AuthenticationException.class, () -> noRetry.sessions().create(CreateSession.forActor("x")));
            brek.faults().nextStatus(400);
            assertThrows(BadRequestException.class, () -> noRetry.sessions().create(CreateSession.forActor("x")));
        }
    }

    @Test
    void theRealRateLimitSurfacesAsRateLimitException(BrekSandbox brek) {
        CLOCK.advance(Duration.ofMinutes(1));
        try (BrekClient client = BrekClient.builder().apiKey("test-key").baseUrl(brek.baseUrl()).maxRetries(0).build()) {
            Session s = client.sessions().create(CreateSession.forActor("u"));
            for (int i = 0; i < 49; i++) {
                client.sessions().get(s.sessionId());
            }
            RateLimitException e = assertThrows(RateLimitException.class, () -> client.sessions().get(s.sessionId()));
            assertEquals("rate_limited", e.errorCode().orElseThrow());
            assertEquals(0L, e.rateLimit().orElseThrow().remaining().getAsLong());
            assertEquals(Duration.ofSeconds(50), e.retryAfter().orElseThrow());
        } finally {
            CLOCK.advance(Duration.ofMinutes(1));
        }
    }
}
