package io.github.chatsdk.opentelemetry;

import static io.github.chatsdk.opentelemetry.InMemoryTelemetry.assertParent;
import static io.github.chatsdk.opentelemetry.InMemoryTelemetry.traceparent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.Sleeper;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.SandboxRequest;
import io.github.chatsdk.testsupport.SpecValidator;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ChatSdkTelemetry} on a {@link BrekClient} talking to the test kit's {@link BrekSandbox},
 * seen from the real OpenTelemetry SDK's in-memory exporter and metric reader, and from the
 * sandbox's request log (the {@code traceparent} it received).
 */
class BrekTracingTest {
    private static final SpecValidator SPEC = SpecValidator.brek();
    private static final AttributeKey<String> TEST = AttributeKey.stringKey("test");

    private final InMemoryTelemetry otel = new InMemoryTelemetry();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private BrekSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = BrekSandbox.start();
    }

    @AfterEach
    void stop() {
        try {
            InMemoryTelemetry.assertRequestsConform(SPEC, sandbox.requests());
            otel.assertNoSpanCarries(sandbox.apiKey());
        } finally {
            sandbox.close();
            otel.close();
        }
    }

    private BrekClient client(ChatSdkTelemetry telemetry) {
        return BrekClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).sleeper(Sleeper.of(sleeps::add))
                .addListener(telemetry).build();
    }

    /** A session with a shortlist: the option to book. */
    private static String[] sessionAndOption(BrekClient brek) {
        Session s = brek.sessions().create(CreateSession.forActor("partner_user_001"));
        EventResult found = brek.events().sendText(s.sessionId(), "partner_user_001", "Seattle Mar 20-23 1 room refundable");
        return new String[] {s.sessionId(), found.shortlist().get(0).optionId()};
    }

    private List<SandboxRequest> requestsWithKey(String key) {
        return sandbox.requests().stream().filter(r -> r.idempotencyKey().orElse("").equals(key))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aBookingWhoseFirstAttemptGetsA503IsOneCallSpanWithTwoAttemptSpans(boolean async) {
        try (BrekClient brek = client(ChatSdkTelemetry.create(otel.sdk))) {
            String[] so = sessionAndOption(brek);
            otel.reset();
            sandbox.faults().nextStatus(503, 1);

            Span test = otel.sdk.getTracer("test").spanBuilder("checkout").setAttribute(TEST, "booking").startSpan();
            EventResult booked;
            try (Scope ignored = test.makeCurrent()) {
                booked = async ? brek.async().events().bookOption(so[0], so[1]).join()
                        : brek.events().bookOption(so[0], so[1]);
            } finally {
                test.end();
            }
            assertEquals("payment_required", booked.status());

            // the trace: checkout > brek.events.send > POST (503), POST (200)
            SpanData checkout = otel.spans(SpanKind.INTERNAL).stream().filter(s -> s.getName().equals("checkout"))
                    .findFirst().orElseThrow();
            List<SpanData> calls = otel.spans(SpanKind.INTERNAL).stream()
                    .filter(s -> s.getName().equals("brek.events.send")).collect(Collectors.toList());
            assertEquals(1, calls.size(), "one span for the logical call");
            SpanData call = calls.get(0);
            assertParent(checkout, call);
            List<SpanData> attempts = otel.children(call);
            assertEquals(2, attempts.size(), "one CLIENT span per attempt");
            assertEquals(2, otel.spans(SpanKind.CLIENT).size());
            SpanData first = attempts.get(0);
            SpanData second = attempts.get(1);
            for (SpanData a : attempts) {
                assertParent(call, a);
                assertEquals(SpanKind.CLIENT, a.getKind());
                assertEquals("POST", a.getName());
                assertEquals("POST", a.getAttributes().get(AttributeKey.stringKey("http.request.method")));
                assertEquals("127.0.0.1", a.getAttributes().get(AttributeKey.stringKey("server.address")));
                assertEquals(sandbox.port(), a.getAttributes().get(AttributeKey.longKey("server.port")));
                assertEquals(sandbox.url("/api/partner/v1/core-chat/events"),
                        a.getAttributes().get(AttributeKey.stringKey("url.full")));
                assertEquals("brek.events.send", a.getAttributes().get(AttributeKey.stringKey("chatsdk.operation")));
            }
            assertEquals(503L, first.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
            assertEquals("503", first.getAttributes().get(AttributeKey.stringKey("error.type")));
            assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
            assertNull(first.getAttributes().get(AttributeKey.longKey("http.request.resend_count")),
                    "the first attempt is no resend");
            assertEquals(200L, second.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
            assertEquals(1L, second.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
            assertNull(second.getAttributes().get(AttributeKey.stringKey("error.type")));
            assertEquals(StatusCode.UNSET, second.getStatus().getStatusCode());
            assertEquals(booked.meta().requestId().orElseThrow(),
                    second.getAttributes().get(AttributeKey.stringKey("chatsdk.request_id")));
            assertTrue(first.getEndEpochNanos() <= second.getStartEpochNanos(), "attempts one after the other");

            // the call span: operation, key, attempts, the retry decision
            assertEquals("brek.events.send", call.getAttributes().get(AttributeKey.stringKey("chatsdk.operation")));
            assertEquals(booked.idempotencyKey(), call.getAttributes().get(AttributeKey.stringKey("chatsdk.idempotency_key")));
            assertEquals(2L, call.getAttributes().get(AttributeKey.longKey("chatsdk.attempts")));
            assertEquals(200L, call.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
            assertEquals(booked.meta().rateLimit().orElseThrow().remaining().getAsLong(),
                    call.getAttributes().get(AttributeKey.longKey("chatsdk.rate_limit.remaining")));
            assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
            List<EventData> events = call.getEvents();
            assertEquals(1, events.size());
            assertEquals("chatsdk.retry", events.get(0).getName());
            assertEquals(2L, events.get(0).getAttributes().get(AttributeKey.longKey("chatsdk.retry.attempt")));
            assertEquals("server_error", events.get(0).getAttributes().get(AttributeKey.stringKey("chatsdk.retry.reason")));
            assertEquals(List.of(sleeps.get(sleeps.size() - 1).toMillis()),
                    List.of(events.get(0).getAttributes().get(AttributeKey.longKey("chatsdk.retry.delay_ms"))));

            // the server received each attempt's own trace context
            List<SandboxRequest> sent = requestsWithKey(booked.idempotencyKey());
            assertEquals(2, sent.size());
            assertEquals(503, sent.get(0).responseStatus());
            assertEquals(traceparent(first), sent.get(0).header("traceparent").orElseThrow());
            assertEquals(traceparent(second), sent.get(1).header("traceparent").orElseThrow());

            // the metrics of the booking
            java.util.Collection<MetricData> collected = otel.metrics.collectAllMetrics();
            TraceDump.write("booking-503-" + (async ? "async" : "sync"), otel.spans.getFinishedSpanItems(), collected,
                    sent.stream().map(r -> r.method() + " " + r.path() + " -> " + r.responseStatus() + "  traceparent: "
                            + r.header("traceparent").orElse("-")).collect(Collectors.toList()));
            Map<String, MetricData> m = InMemoryTelemetry.byName(collected);
            assertEquals(Map.of(List.of("POST", 503L, "503", "127.0.0.1", (long) sandbox.port()), 1L,
                    List.of("POST", 200L, "", "127.0.0.1", (long) sandbox.port()), 1L),
                    InMemoryTelemetry.histogramCounts(m.get("http.client.request.duration"),
                            AttributeKey.stringKey("http.request.method"), AttributeKey.longKey("http.response.status_code"),
                            AttributeKey.stringKey("error.type"), AttributeKey.stringKey("server.address"),
                            AttributeKey.longKey("server.port")).entrySet().stream()
                            .collect(Collectors.toMap(e -> e.getKey().stream().map(v -> v == null ? "" : v)
                                    .collect(Collectors.toList()), Map.Entry::getValue)));
            assertEquals("s", m.get("http.client.request.duration").getUnit());
            assertEquals(Map.of(List.of("brek.events.send"), 1L),
                    InMemoryTelemetry.histogramCounts(m.get("chatsdk.call.duration"), AttributeKey.stringKey("chatsdk.operation")));
            assertEquals(Map.of(List.of("brek.events.send", "server_error"), 1L),
                    InMemoryTelemetry.longValues(m.get("chatsdk.retries").getLongSumData().getPoints(),
                            AttributeKey.stringKey("chatsdk.operation"), AttributeKey.stringKey("chatsdk.retry.reason")));
            assertEquals(Map.of(List.of("brek", "127.0.0.1", (long) sandbox.port()),
                            booked.meta().rateLimit().orElseThrow().remaining().getAsLong()),
                    InMemoryTelemetry.longValues(m.get("chatsdk.rate_limit.remaining").getLongGaugeData().getPoints(),
                            AttributeKey.stringKey("chatsdk.api"), AttributeKey.stringKey("server.address"),
                            AttributeKey.longKey("server.port")));
        }
    }

    @Test
    void aCallThatFailsAfterEveryRetryEndsItsSpanInErrorWithTheExceptionTheCallerGets() {
        try (BrekClient brek = client(ChatSdkTelemetry.create(otel.sdk))) {
            String[] so = sessionAndOption(brek);
            otel.reset();
            sandbox.faults().nextStatus(503, 3);

            InternalServerException e = assertThrows(InternalServerException.class,
                    () -> brek.events().bookOption(so[0], so[1]));

            SpanData call = otel.spans(SpanKind.INTERNAL).get(0);
            assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
            assertEquals(InternalServerException.class.getName(), call.getAttributes().get(AttributeKey.stringKey("error.type")));
            assertEquals(3L, call.getAttributes().get(AttributeKey.longKey("chatsdk.attempts")));
            assertEquals(List.of("chatsdk.retry", "chatsdk.retry", "exception"),
                    call.getEvents().stream().map(EventData::getName).collect(Collectors.toList()));
            assertEquals(e.getMessage(), call.getEvents().get(2).getAttributes()
                    .get(AttributeKey.stringKey("exception.message")));
            List<SpanData> attempts = otel.children(call);
            assertEquals(List.of(503L, 503L, 503L), attempts.stream()
                    .map(a -> a.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                    .collect(Collectors.toList()));
            assertEquals(List.of(1L, 2L), attempts.subList(1, 3).stream()
                    .map(a -> a.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
                    .collect(Collectors.toList()));
            Map<String, MetricData> m = InMemoryTelemetry.byName(otel.metrics.collectAllMetrics());
            assertEquals(Map.of(List.of("brek.events.send", InternalServerException.class.getName()), 1L),
                    InMemoryTelemetry.histogramCounts(m.get("chatsdk.call.duration"),
                            AttributeKey.stringKey("chatsdk.operation"), AttributeKey.stringKey("error.type")));
            assertEquals(Map.of(List.of("brek.events.send", "server_error"), 2L),
                    InMemoryTelemetry.longValues(m.get("chatsdk.retries").getLongSumData().getPoints(),
                            AttributeKey.stringKey("chatsdk.operation"), AttributeKey.stringKey("chatsdk.retry.reason")));
        }
    }

    @Test
    void withPropagationOffTheServerReceivesNoTraceContextButTheSpansAreStillMade() {
        try (BrekClient brek = client(ChatSdkTelemetry.builder(otel.sdk).propagation(false).build())) {
            String[] so = sessionAndOption(brek);
            sandbox.faults().nextStatus(503, 1);
            brek.events().bookOption(so[0], so[1]);

            assertEquals(4, sandbox.requests().size(), "create, search, booking twice");
            for (SandboxRequest r : sandbox.requests()) {
                assertFalse(r.header("traceparent").isPresent(), r.toString());
                assertFalse(r.header("tracestate").isPresent(), r.toString());
            }
            assertEquals(3, otel.spans(SpanKind.INTERNAL).size());
            assertEquals(4, otel.spans(SpanKind.CLIENT).size());
        }
    }

    @Test
    void withHttpClientTelemetryOffOnlyCallSpansAreMadeAndTheServerGetsTheCallsContext() {
        try (BrekClient brek = client(ChatSdkTelemetry.builder(otel.sdk).httpClientTelemetry(false).build())) {
            String[] so = sessionAndOption(brek);
            otel.reset();
            sandbox.faults().nextStatus(503, 1);
            EventResult booked = brek.events().bookOption(so[0], so[1]);

            assertEquals(0, otel.spans(SpanKind.CLIENT).size(), "no attempt spans");
            SpanData call = otel.spans(SpanKind.INTERNAL).get(0);
            assertEquals(2L, call.getAttributes().get(AttributeKey.longKey("chatsdk.attempts")));
            assertEquals(1, call.getEvents().size(), "the retry event stays");
            for (SandboxRequest r : requestsWithKey(booked.idempotencyKey())) {
                assertEquals(traceparent(call), r.header("traceparent").orElseThrow());
            }
            Map<String, MetricData> m = InMemoryTelemetry.byName(otel.metrics.collectAllMetrics());
            assertFalse(m.containsKey("http.client.request.duration"), m.keySet().toString());
            assertTrue(m.containsKey("chatsdk.call.duration"));
            assertTrue(m.containsKey("chatsdk.retries"));
            assertTrue(m.containsKey("chatsdk.rate_limit.remaining"));
        }
    }

    @Test
    void onTheNoopOpenTelemetryCallsWorkAndNothingIsPropagated() {
        try (BrekClient brek = client(ChatSdkTelemetry.create(OpenTelemetry.noop()))) {
            String[] so = sessionAndOption(brek);
            sandbox.faults().nextStatus(503, 1);
            assertEquals("payment_required", brek.events().bookOption(so[0], so[1]).status());
            assertTrue(sandbox.requests().stream().noneMatch(r -> r.header("traceparent").isPresent()));
        }
    }

    @Test
    void oneListenerOnTwoClientsKeepsTheirCallsApartAndCallsInParallelEachGetTheirOwnSpans() throws Exception {
        ChatSdkTelemetry telemetry = ChatSdkTelemetry.create(otel.sdk);
        try (BrekClient a = client(telemetry); BrekClient b = client(telemetry)) {
            Session s = a.sessions().create(CreateSession.forActor("u"));
            otel.reset();
            Function<BrekClient, java.util.concurrent.CompletableFuture<EventResult>> search =
                    c -> c.async().events().sendText(s.sessionId(), "u", "Tokyo");
            List<java.util.concurrent.CompletableFuture<EventResult>> futures = List.of(search.apply(a),
                    search.apply(b), search.apply(a), search.apply(b));
            List<String> keys = futures.stream().map(f -> {
                try {
                    return f.join().idempotencyKey();
                } catch (CompletionException e) {
                    throw e;
                }
            }).collect(Collectors.toList());

            List<SpanData> calls = otel.spans(SpanKind.INTERNAL);
            assertEquals(4, calls.size());
            assertEquals(keys.stream().sorted().collect(Collectors.toList()), calls.stream()
                    .map(c -> c.getAttributes().get(AttributeKey.stringKey("chatsdk.idempotency_key"))).sorted()
                    .collect(Collectors.toList()));
            for (SpanData call : calls) {
                List<SpanData> attempts = otel.children(call);
                assertEquals(1, attempts.size());
                String key = call.getAttributes().get(AttributeKey.stringKey("chatsdk.idempotency_key"));
                assertEquals(traceparent(attempts.get(0)), requestsWithKey(key).get(0).header("traceparent").orElseThrow(),
                        "each request carries its own attempt's context");
            }
        }
    }
}
