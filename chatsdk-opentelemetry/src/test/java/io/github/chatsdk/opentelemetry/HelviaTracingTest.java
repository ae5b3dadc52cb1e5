package io.github.chatsdk.opentelemetry;

import static io.github.chatsdk.opentelemetry.InMemoryTelemetry.assertParent;
import static io.github.chatsdk.opentelemetry.InMemoryTelemetry.traceparent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.Sleeper;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.testkit.Fault;
import io.github.chatsdk.testkit.HelviaSandbox;
import io.github.chatsdk.testkit.SandboxRequest;
import io.github.chatsdk.testsupport.SpecValidator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ChatSdkTelemetry} on a {@link HelviaClient} talking to the test kit's {@link HelviaSandbox}:
 * the same spans and metrics as for Brek, with Helvia's retry rules (a message is resent after a
 * 429, which refuses it unprocessed, never after a 503, which may have processed it).
 */
class HelviaTracingTest {
    private static final SpecValidator SPEC = SpecValidator.helvia();

    private final InMemoryTelemetry otel = new InMemoryTelemetry();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private HelviaSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = HelviaSandbox.start();
    }

    @AfterEach
    void stop() {
        try {
            InMemoryTelemetry.assertRequestsConform(SPEC, sandbox.requests());
            otel.assertNoSpanCarries(sandbox.token());
        } finally {
            sandbox.close();
            otel.close();
        }
    }

    private HelviaClient client() {
        return HelviaClient.builder().apiToken(sandbox.token()).handle(sandbox.handle()).baseUrl(sandbox.baseUrl())
                .sleeper(Sleeper.of(sleeps::add)).addListener(ChatSdkTelemetry.create(otel.sdk)).build();
    }

    @Test
    void aMessageRefusedWithA429IsResentAfterItsRetryAfterAndTracedAsOneCallWithTwoAttempts() {
        try (HelviaClient helvia = client()) {
            HelviaConversation chat = helvia.conversation("user-123");
            chat.start();
            otel.reset();
            sandbox.faults().next(Fault.status(429).retryAfter(Duration.ofSeconds(1)), 1);

            AgentReply reply = chat.say("Hello, I need help with time management");

            assertFalse(reply.texts().isEmpty(), reply.toString());
            assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
            SpanData call = otel.spans(SpanKind.INTERNAL).get(0);
            assertEquals(1, otel.spans(SpanKind.INTERNAL).size());
            assertEquals("helvia.messages.send", call.getName());
            assertFalse(call.getParentSpanContext().isValid(), "a root span: no span was current");
            assertEquals(2L, call.getAttributes().get(AttributeKey.longKey("chatsdk.attempts")));
            assertEquals("rate_limited", call.getEvents().get(0).getAttributes()
                    .get(AttributeKey.stringKey("chatsdk.retry.reason")));
            assertEquals(1000L, call.getEvents().get(0).getAttributes().get(AttributeKey.longKey("chatsdk.retry.delay_ms")));

            List<SpanData> attempts = otel.children(call);
            assertEquals(2, attempts.size());
            attempts.forEach(a -> assertParent(call, a));
            assertEquals(429L, attempts.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
            assertEquals("429", attempts.get(0).getAttributes().get(AttributeKey.stringKey("error.type")));
            assertEquals(200L, attempts.get(1).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
            assertEquals(1L, attempts.get(1).getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
            assertEquals(sandbox.url("/api/events"), attempts.get(1).getAttributes().get(AttributeKey.stringKey("url.full")));

            List<SandboxRequest> posts = sandbox.requests().stream().filter(r -> r.method().equals("POST"))
                    .collect(Collectors.toList());
            List<SandboxRequest> turn = posts.subList(posts.size() - 2, posts.size());
            assertEquals(traceparent(attempts.get(0)), turn.get(0).header("traceparent").orElseThrow());
            assertEquals(traceparent(attempts.get(1)), turn.get(1).header("traceparent").orElseThrow());

            Map<String, MetricData> m = InMemoryTelemetry.byName(otel.metrics.collectAllMetrics());
            assertEquals(Map.of(List.of("helvia.messages.send", "rate_limited"), 1L),
                    InMemoryTelemetry.longValues(m.get("chatsdk.retries").getLongSumData().getPoints(),
                            AttributeKey.stringKey("chatsdk.operation"), AttributeKey.stringKey("chatsdk.retry.reason")));
            assertEquals(Map.of(List.of("POST", 429L), 1L, List.of("POST", 200L), 1L),
                    InMemoryTelemetry.histogramCounts(m.get("http.client.request.duration"),
                            AttributeKey.stringKey("http.request.method"), AttributeKey.longKey("http.response.status_code")));
            assertEquals(Map.of(List.of("helvia.messages.send"), 1L),
                    InMemoryTelemetry.histogramCounts(m.get("chatsdk.call.duration"), AttributeKey.stringKey("chatsdk.operation")));
        }
    }

    @Test
    void aMessageThatGetsA503IsNotResentAndItsOneAttemptAndTheCallEndInError() {
        try (HelviaClient helvia = client()) {
            HelviaConversation chat = helvia.conversation("user-123");
            sandbox.faults().nextStatus(503, 1);

            assertThrows(InternalServerException.class, chat::start);

            SpanData call = otel.spans(SpanKind.INTERNAL).get(0);
            assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
            assertEquals(1L, call.getAttributes().get(AttributeKey.longKey("chatsdk.attempts")));
            assertEquals(0, call.getEvents().stream().filter(e -> e.getName().equals("chatsdk.retry")).count());
            List<SpanData> attempts = otel.children(call);
            assertEquals(1, attempts.size());
            assertEquals(StatusCode.ERROR, attempts.get(0).getStatus().getStatusCode());
            assertFalse(sandbox.requests().get(0).header("traceparent").isEmpty());
        }
    }
}
