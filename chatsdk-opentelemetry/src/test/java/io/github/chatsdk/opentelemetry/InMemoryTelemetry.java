package io.github.chatsdk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.chatsdk.testkit.SandboxRequest;
import io.github.chatsdk.testsupport.SpecValidator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The real OpenTelemetry SDK with its in-memory span exporter and a delta metric reader (each
 * collection holds what happened since the previous one), W3C trace context as propagator; and the
 * checks the tests share: spans by kind, metric points by attributes, every sandbox request valid
 * against the vendor spec.
 */
final class InMemoryTelemetry implements AutoCloseable {
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final InMemoryMetricReader metrics = InMemoryMetricReader.createDelta();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /** Forgets the spans and metrics so far. */
    void reset() {
        spans.reset();
        metrics.collectAllMetrics();
    }

    List<SpanData> spans(SpanKind kind) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).collect(Collectors.toList());
    }

    /** The attempt spans of a call span, in the order they started. */
    List<SpanData> children(SpanData parent) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .collect(Collectors.toList());
    }

    /** The metrics since the last collection, by name. */
    static Map<String, MetricData> byName(Collection<MetricData> collected) {
        return collected.stream().collect(Collectors.toMap(MetricData::getName, m -> m));
    }

    /** {@code count} of each histogram point, keyed by the values of {@code keys}. */
    static Map<List<Object>, Long> histogramCounts(MetricData m, AttributeKey<?>... keys) {
        return m.getHistogramData().getPoints().stream().collect(Collectors.toMap(p -> values(p.getAttributes(), keys),
                HistogramPointData::getCount, Long::sum));
    }

    static Map<List<Object>, Long> longValues(Collection<LongPointData> points, AttributeKey<?>... keys) {
        return points.stream().collect(Collectors.toMap(p -> values(p.getAttributes(), keys), LongPointData::getValue));
    }

    private static List<Object> values(io.opentelemetry.api.common.Attributes a, AttributeKey<?>... keys) {
        List<Object> v = new ArrayList<>();
        for (AttributeKey<?> k : keys) {
            v.add(a.get(k));
        }
        return v;
    }

    /** Every request the sandbox received conforms to the vendor spec (with its propagation headers). */
    static void assertRequestsConform(SpecValidator validator, List<SandboxRequest> log) {
        assertFalse(log.isEmpty(), "the sandbox received requests");
        for (SandboxRequest r : log) {
            String line = r.method() + " " + r.path() + r.query().map(q -> "?" + q).orElse("") + " HTTP/1.1";
            Headers.Builder headers = new Headers.Builder();
            r.headers().forEach((name, values) -> values.forEach(v -> headers.addUnsafeNonAscii(name, v)));
            Buffer body = new Buffer().writeUtf8(r.body());
            validator.assertValidRequest(new RecordedRequest(line, headers.build(), List.of(), body.size(), body,
                    r.sequence(), new Socket()));
        }
    }

    /** No attribute or event of any span carries {@code secret}. */
    void assertNoSpanCarries(String secret) {
        for (SpanData s : spans.getFinishedSpanItems()) {
            assertFalse(s.toString().contains(secret), s.toString());
        }
    }

    static String traceparent(SpanData s) {
        return "00-" + s.getTraceId() + "-" + s.getSpanId() + "-" + s.getSpanContext().getTraceFlags().asHex();
    }

    static void assertParent(SpanData parent, SpanData child) {
        assertEquals(parent.getTraceId(), child.getTraceId(), "same trace");
        assertEquals(parent.getSpanId(), child.getParentSpanId(), child.getName() + " is a child of " + parent.getName());
    }

    @Override
    public void close() {
        sdk.close();
    }
}
