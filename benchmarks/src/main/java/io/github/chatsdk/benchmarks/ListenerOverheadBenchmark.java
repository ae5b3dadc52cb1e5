package io.github.chatsdk.benchmarks;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.opentelemetry.ChatSdkTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What observing a call costs: Brek {@code send event} through the facade against the
 * {@link LoopbackServer}, with no listener, with {@code chatsdk-opentelemetry} on
 * {@link OpenTelemetry#noop()}, and with it on the real SDK (every span sampled, a batch span
 * processor and a periodic metric reader whose exporters discard what they get, W3C propagation).
 * The hand-written OkHttp + Gson call is the floor, as in {@link BrekSendEventBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListenerOverheadBenchmark {

    @State(Scope.Benchmark)
    public static class FloorState {
        LoopbackServer server;
        BrekVariants.Floor client;

        @Setup(Level.Trial)
        public void setUp() {
            server = LoopbackServer.start();
            client = new BrekVariants.Floor(server.baseUrl());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            server.close();
        }
    }

    /** The facade with the listener {@link #listener()} makes, if any. */
    public abstract static class FacadeState {
        LoopbackServer server;
        BrekClient brek;

        /** The listener to add, or {@code null}. */
        abstract ChatSdkTelemetry listener();

        @Setup(Level.Trial)
        public void setUp() {
            server = LoopbackServer.start();
            BrekClient.Builder b = BrekClient.builder().apiKey(BrekVariants.API_KEY).baseUrl(server.baseUrl());
            ChatSdkTelemetry l = listener();
            if (l != null) {
                b.addListener(l);
            }
            brek = b.build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            brek.close();
            server.close();
            closeTelemetry();
        }

        void closeTelemetry() {
        }
    }

    @State(Scope.Benchmark)
    public static class NoListenerState extends FacadeState {
        @Override
        ChatSdkTelemetry listener() {
            return null;
        }
    }

    @State(Scope.Benchmark)
    public static class NoopOtelState extends FacadeState {
        @Override
        ChatSdkTelemetry listener() {
            return ChatSdkTelemetry.create(OpenTelemetry.noop());
        }
    }

    @State(Scope.Benchmark)
    public static class SdkOtelState extends FacadeState {
        OpenTelemetrySdk sdk;
        final DiscardingSpans exporter = new DiscardingSpans();

        @Override
        ChatSdkTelemetry listener() {
            sdk = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder()
                            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build())
                    .setMeterProvider(SdkMeterProvider.builder()
                            .registerMetricReader(PeriodicMetricReader.create(new DiscardingMetrics())).build())
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
            return ChatSdkTelemetry.create(sdk);
        }

        @Override
        void closeTelemetry() {
            sdk.close();
            if (exporter.spans.get() == 0) {
                throw new IllegalStateException("the SDK exported no span: the benchmark measured nothing");
            }
        }
    }

    /** A span exporter that counts and drops what it gets: the SDK's work without a backend's. */
    static final class DiscardingSpans implements SpanExporter {
        final AtomicLong spans = new AtomicLong();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAndGet(batch.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** A metric exporter that drops what it gets. */
    static final class DiscardingMetrics implements MetricExporter {
        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }
    }

    /** The hand-written OkHttp + Gson call: the floor. */
    @Benchmark
    public BrekVariants.FloorResponse floor(FloorState s) throws IOException {
        return s.client.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }

    /** The facade without a listener. */
    @Benchmark
    public EventResult noListener(NoListenerState s) {
        return s.brek.events().sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }

    /** The facade with {@code ChatSdkTelemetry} on {@code OpenTelemetry.noop()}. */
    @Benchmark
    public EventResult otelNoop(NoopOtelState s) {
        return s.brek.events().sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }

    /** The facade with {@code ChatSdkTelemetry} on the real SDK. */
    @Benchmark
    public EventResult otelSdk(SdkOtelState s) {
        return s.brek.events().sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }
}
