package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    static final String SESSIONS = BrekSandboxTest.SESSIONS;
    static final String EVENTS = BrekSandboxTest.EVENTS;
    static final String CREATE = "{\"actor\":{\"actorId\":\"partner_user_001\"}}";

    BrekSandbox brek;
    HelviaSandbox helvia;
    Http brekHttp;
    Http helviaHttp;
    String key;

    @BeforeEach
    void start() {
        brek = BrekSandbox.start();
        helvia = HelviaSandbox.start();
        key = brek.apiKey();
        brekHttp = new Http(brek.baseUrl(), SpecChecks.BREK, true);
        helviaHttp = new Http(helvia.baseUrl(), SpecChecks.HELVIA, false);
    }

    @AfterEach
    void checkAndStop() {
        try {
            SpecChecks.assertLogConforms(SpecChecks.BREK, true, brek.requests());
            SpecChecks.assertLogConforms(SpecChecks.HELVIA, false, helvia.requests());
        } finally {
            brek.close();
            helvia.close();
        }
    }

    Http.Res create() {
        return brekHttp.post(SESSIONS, CREATE, "x-partner-api-key", key);
    }

    @Test
    void nextStatusAnswersThatStatusNTimesWithoutProcessing() {
        brek.faults().nextStatus(503, 2);
        Http.Res first = create();
        assertEquals(503, first.status);
        assertEquals("service_unavailable", first.json().get("code").getAsString());
        assertEquals(false, first.json().get("success").getAsBoolean());
        assertTrue(first.json().get("details").isJsonNull());
        assertEquals(first.json().get("requestId").getAsString(), first.header("x-request-id"));
        assertEquals(503, create().status);
        assertEquals(200, create().status);
        List<SandboxRequest> log = brek.requests();
        assertEquals(3, log.size());
        assertEquals(Fault.status(503), log.get(0).fault().orElseThrow());
        assertFalse(log.get(2).fault().isPresent());
        assertTrue(brek.faults().pending().isEmpty());
    }

    @Test
    void injected500HasTheUnambiguousSpecShapeAndRetryAfter() {
        brek.faults().next(Fault.status(500).retryAfter(Duration.ofMillis(1500)), 1);
        Http.Res r = create();
        assertEquals(500, r.status);
        assertFalse(r.json().has("code"));
        assertEquals("2", r.header("retry-after"));
    }

    @Test
    void injected429LooksLikeTheRealRateLimit() {
        brek.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(7)), 1);
        Http.Res r = create();
        assertEquals(429, r.status);
        assertEquals("rate_limited", r.json().get("code").getAsString());
        assertEquals("Exceeded 120 requests per minute", r.json().get("error").getAsString());
        assertEquals("acme", r.json().getAsJsonObject("details").get("partnerId").getAsString());
        assertEquals("0", r.header("x-ratelimit-remaining"));
        assertEquals("7", r.header("retry-after"));
    }

    @Test
    void otherInjectedStatusesKeepTheErrorShape() {
        for (int status : List.of(400, 401, 403, 404, 408, 409, 502, 504)) {
            brek.faults().nextStatus(status);
            helvia.faults().nextStatus(status);
            Http.Res b = create();
            assertEquals(status, b.status);
            assertTrue(b.json().has("code"), b.body);
            Http.Res h = helviaHttp.post("/api/events", HelviaSandboxTest.GREETING, "Authorization",
                    "Bearer " + helvia.token());
            assertEquals(status, h.status);
            assertEquals("error", h.json().get("status").getAsString());
        }
    }

    @Test
    void nextDisconnectClosesTheConnectionAndProcessesNothing() throws Exception {
        brek.faults().nextDisconnect(1);
        IOException e = assertThrows(IOException.class,
                () -> brekHttp.sendOrThrow("POST", SESSIONS, CREATE, "x-partner-api-key", key));
        assertFalse(e instanceof InterruptedIOException, "a hang-up, not a timeout: " + e);
        SandboxRequest dropped = brek.requests().get(0);
        assertEquals(0, dropped.responseStatus());
        assertFalse(dropped.responseDelivered());
        assertEquals(CREATE, dropped.body(), "the request was read in full");
        assertEquals(Fault.Kind.DISCONNECT, dropped.fault().orElseThrow().kind());
        Http.Res next = create();
        assertEquals(200, next.status);
        assertEquals("119", next.header("x-ratelimit-remaining"), "the dropped request was never processed");
    }

    @Test
    void aLostResponseOfABookingIsReplayedOnRetryAndBooksOnce() throws Exception {
        String s = create().data().get("sessionId").getAsString();
        String inn = BrekSandboxTest.optionNamed(brekHttp.post(EVENTS, "{\"sessionId\":\"" + s + "\",\"text\":\"Seattle\"}",
                "x-partner-api-key", key), "Inn at the Market");
        String book = "{\"sessionId\":\"" + s + "\",\"kind\":\"action_book_option\",\"payload\":{\"optionId\":\"" + inn
                + "\"},\"idempotencyKey\":\"K-1\"}";
        brek.faults().nextDisconnectAfterProcessing(1);
        assertThrows(IOException.class, () -> brekHttp.sendOrThrow("POST", EVENTS, book, "x-partner-api-key", key));
        assertEquals("payment_required", brek.sessionStatus(s).orElseThrow(), "it was processed");
        SandboxRequest lost = brek.requests().get(2);
        assertEquals(200, lost.responseStatus());
        assertFalse(lost.responseDelivered());

        Http.Res retry = brekHttp.post(EVENTS, book, "x-partner-api-key", key);
        assertEquals("true", retry.header("idempotent-replayed"));
        assertEquals(lost.responseBody(), retry.body);
        assertEquals(2, brek.recordedEventCount(), "search + exactly one booking");
        assertEquals(2, brek.requests().stream()
                .filter(r -> r.idempotencyKey().orElse("").equals("K-1")).count());
    }

    @Test
    void nextDelayAnswersLater() {
        brek.faults().nextDelay(Duration.ofMillis(300), 1);
        long start = System.nanoTime();
        assertEquals(200, create().status);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 300);
        assertEquals(200, create().status);
        assertEquals(Fault.delay(Duration.ofMillis(300)), brek.requests().get(0).fault().orElseThrow());
        assertFalse(brek.requests().get(1).fault().isPresent(), "only the next request was delayed");
    }

    @Test
    void aClientThatTimesOutStillHasItsRequestProcessed() throws Exception {
        brek.faults().nextDelay(Duration.ofMillis(600), 1);
        Http impatient = brekHttp.withReadTimeout(Duration.ofMillis(100));
        assertThrows(InterruptedIOException.class,
                () -> impatient.sendOrThrow("POST", SESSIONS, CREATE, "x-partner-api-key", key));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (brek.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(200, brek.requests().get(0).responseStatus());
        assertTrue(brek.requests().get(0).responseDelivered(), "sent, though nobody read it");
    }

    @Test
    void aDelayedStatusAndChainedFaultsApplyInOrder() throws Exception {
        brek.faults().next(Fault.status(502).delayed(Duration.ofMillis(100)), 1).nextDisconnect(1).nextStatus(504);
        assertEquals(3, brek.faults().pending().size());
        long start = System.nanoTime();
        assertEquals(502, create().status);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 100);
        assertThrows(IOException.class, () -> brekHttp.sendOrThrow("POST", SESSIONS, CREATE, "x-partner-api-key", key));
        assertEquals(504, create().status);
        assertEquals(200, create().status);
    }

    @Test
    void clearDropsQueuedFaults() {
        helvia.faults().nextStatus(503, 5);
        helvia.faults().clear();
        assertEquals(200, helviaHttp.get("/api/events").status);
    }

    @Test
    void helviaFaultsHitHealthChecksToo() throws Exception {
        helvia.faults().next(Fault.status(503).retryAfter(Duration.ofSeconds(3)), 1).nextDisconnect(1);
        Http.Res r = helviaHttp.get("/api/events");
        assertEquals(503, r.status);
        assertEquals("Service unavailable (injected by HelviaSandbox)", r.json().get("error").getAsString());
        assertEquals("3", r.header("retry-after"));
        assertThrows(IOException.class, () -> helviaHttp.sendOrThrow("POST", "/api/events",
                HelviaSandboxTest.GREETING, "Authorization", "Bearer " + helvia.token()));
        assertTrue(helvia.senderIds().isEmpty(), "the dropped greeting was not processed");
        assertEquals(200, helviaHttp.get("/api/events").status);
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
        assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofMillis(-1)));
        assertThrows(IllegalStateException.class, () -> Fault.disconnect().retryAfter(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> brek.faults().nextStatus(503, 0));
        assertTrue(Fault.delay(Duration.ZERO).processesRequest());
        assertTrue(Fault.disconnectAfterProcessing().processesRequest());
        assertFalse(Fault.disconnectAfterProcessing().sendsResponse());
        assertEquals("Fault{STATUS 503, delay=PT1S}", Fault.status(503).delayed(Duration.ofSeconds(1)).toString());
    }
}
