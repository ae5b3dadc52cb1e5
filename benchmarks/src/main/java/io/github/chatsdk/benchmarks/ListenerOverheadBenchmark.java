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
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
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

    /** The floor's state: the same as {@link BrekSendEventBenchmark}'s. */
    @State(Scope.Benchmark)
    public static class FloorState extends ClientState<BrekVariants.Floor> {
        public FloorState() {
            super(BrekVariants.Floor::new);
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

    /**
     * The listener alone, without HTTP: the five events of a one-attempt call (call started,
     * attempt started with propagation, attempt ended with a 200 and rate-limit headers, call
     * ended) delivered to {@link ChatSdkTelemetry} by synthetic event objects; on the SDK each span is
     * exported on the calling thread (a simple processor: at this rate a batch processor's queue
     * would overflow and drop spans, which would make the row cheaper than it is). Much less swayed
     * by a loaded machine than the loopback rows, it is what the listener adds to each call.
     */
    @State(Scope.Benchmark)
    public static class EventsState {
        OpenTelemetrySdk sdk;
        final DiscardingSpans exporter = new DiscardingSpans();
        ChatSdkTelemetry noop;
        ChatSdkTelemetry real;

        @Setup(Level.Trial)
        public void setUp() {
            noop = ChatSdkTelemetry.create(OpenTelemetry.noop());
            sdk = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder()
                            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                    .setMeterProvider(SdkMeterProvider.builder()
                            .registerMetricReader(PeriodicMetricReader.create(new DiscardingMetrics())).build())
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
            real = ChatSdkTelemetry.create(sdk);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            sdk.close();
        }
    }

    /** One call's events through {@code listener}; returns what the listener wrote into the attempt. */
    static Object oneCall(ChatSdkTelemetry listener) {
        SyntheticCall call = new SyntheticCall();
        SyntheticAttempt attempt = new SyntheticAttempt();
        listener.callStarted(call);
        listener.attemptStarted(call, attempt);
        listener.attemptEnded(call, SyntheticEnd.OK);
        listener.callEnded(call, SyntheticCallEnd.OK);
        return attempt.header;
    }

    /** The events of one call on {@code OpenTelemetry.noop()}. */
    @Benchmark
    public Object eventsNoop(EventsState s) {
        return oneCall(s.noop);
    }

    /** The events of one call on the real SDK. */
    @Benchmark
    public Object eventsSdk(EventsState s) {
        return oneCall(s.real);
    }

    static final class SyntheticCall implements io.github.chatsdk.core.CallListener.Call {
        private static final java.time.Instant START = java.time.Instant.parse("2026-03-01T12:00:00Z");
        private final java.util.concurrent.ConcurrentMap<Object, Object> attributes =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public long id() {
            return 1;
        }

        @Override
        public String operation() {
            return "brek.events.send";
        }

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String url() {
            return "http://127.0.0.1:8080/api/partner/v1/core-chat/events";
        }

        @Override
        public java.util.Optional<String> idempotencyKey() {
            return java.util.Optional.of("chatsdk_4dc05016-9d27-41fd-b0b5-9cfdc21afbe1");
        }

        @Override
        public boolean async() {
            return false;
        }

        @Override
        public java.time.Instant startedAt() {
            return START;
        }

        @Override
        public java.util.concurrent.ConcurrentMap<Object, Object> attributes() {
            return attributes;
        }
    }

    static final class SyntheticAttempt implements io.github.chatsdk.core.CallListener.AttemptStart {
        String header;

        @Override
        public int number() {
            return 1;
        }

        @Override
        public java.time.Duration permitWait() {
            return java.time.Duration.ZERO;
        }

        @Override
        public void header(String name, String value) {
            header = value;
        }
    }

    enum SyntheticEnd implements io.github.chatsdk.core.CallListener.AttemptEnd {
        OK;

        private static final java.util.Optional<io.github.chatsdk.core.RateLimit> RATE_LIMIT =
                java.util.Optional.of(new io.github.chatsdk.core.RateLimit(120L, 117L, null));

        @Override
        public int number() {
            return 1;
        }

        @Override
        public java.util.OptionalInt statusCode() {
            return java.util.OptionalInt.of(200);
        }

        @Override
        public java.util.Optional<Throwable> failure() {
            return java.util.Optional.empty();
        }

        @Override
        public boolean mayHaveBeenDelivered() {
            return true;
        }

        @Override
        public java.time.Duration duration() {
            return java.time.Duration.ofMillis(42);
        }

        @Override
        public java.util.Optional<String> requestId() {
            return java.util.Optional.of("4719aaf0-2061-46f8-9d06-d64a52e98f38");
        }

        @Override
        public java.util.Optional<io.github.chatsdk.core.RateLimit> rateLimit() {
            return RATE_LIMIT;
        }
    }

    enum SyntheticCallEnd implements io.github.chatsdk.core.CallListener.CallEnd {
        OK;

        @Override
        public boolean succeeded() {
            return true;
        }

        @Override
        public java.util.Optional<Throwable> failure() {
            return java.util.Optional.empty();
        }

        @Override
        public int attempts() {
            return 1;
        }

        @Override
        public java.util.OptionalInt statusCode() {
            return java.util.OptionalInt.of(200);
        }

        @Override
        public java.time.Duration duration() {
            return java.time.Duration.ofMillis(43);
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
