package io.github.chatsdk.opentelemetry;

import io.github.chatsdk.core.CallListener;
import io.github.chatsdk.core.RateLimit;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * OpenTelemetry traces and metrics for the chatsdk clients: a {@link CallListener} to add to a
 * client builder. It depends on the OpenTelemetry API only; the application brings the SDK (or the
 * Java agent) and hands over its {@link OpenTelemetry}.
 *
 * <pre>{@code
 * OpenTelemetry otel = ...;                          // your SDK, or GlobalOpenTelemetry.get()
 * ChatSdkTelemetry telemetry = ChatSdkTelemetry.create(otel);
 * BrekClient brek = BrekClient.builder().apiKey(key).addListener(telemetry).build();
 * HelviaClient helvia = HelviaClient.builder().apiToken(jwt).handle("my-agent").addListener(telemetry).build();
 * }</pre>
 *
 * <h2>Spans</h2>
 * One {@link SpanKind#INTERNAL INTERNAL} span per logical call, named by its operation
 * ({@code brek.sessions.create}, {@code brek.sessions.get}, {@code brek.events.send},
 * {@code helvia.messages.send}, {@code helvia.health.check}), a child of the span current when the
 * call was made. Under it, one {@link SpanKind#CLIENT CLIENT} span per HTTP attempt, named by the
 * HTTP method, with the stable HTTP client semantic conventions. Waits between attempts are the
 * gaps between the attempt spans; each retry decision is an event on the call span.
 *
 * <table>
 *   <caption>Span attributes</caption>
 *   <tr><th>attribute</th><th>on</th><th>value</th></tr>
 *   <tr><td>{@code chatsdk.operation}</td><td>call, attempt</td><td>the operation name</td></tr>
 *   <tr><td>{@code chatsdk.idempotency_key}</td><td>call</td><td>the key every attempt carried, when the
 *       request has one</td></tr>
 *   <tr><td>{@code chatsdk.attempts}</td><td>call</td><td>how many attempts were sent</td></tr>
 *   <tr><td>{@code chatsdk.request_id}</td><td>call (last), attempt</td><td>the response's {@code x-request-id}</td></tr>
 *   <tr><td>{@code chatsdk.rate_limit.remaining}</td><td>call (last), attempt</td><td>the response's
 *       {@code x-ratelimit-remaining}</td></tr>
 *   <tr><td>{@code http.response.status_code}</td><td>call (last), attempt</td><td>the status, when there was a
 *       response</td></tr>
 *   <tr><td>{@code error.type}</td><td>call, attempt</td><td>on failure: the status code ({@code "503"}) of an
 *       attempt, else the exception's class name</td></tr>
 *   <tr><td>{@code http.request.method}, {@code server.address}, {@code server.port}, {@code url.full}</td>
 *       <td>attempt</td><td>the request; the URL never carries a credential</td></tr>
 *   <tr><td>{@code http.request.resend_count}</td><td>attempt</td><td>1 for the second attempt, 2 for the third;
 *       absent on the first</td></tr>
 * </table>
 *
 * <p>A retry is an event {@code chatsdk.retry} on the call span with {@code chatsdk.retry.attempt}
 * (the number of the attempt that follows), {@code chatsdk.retry.delay_ms} and
 * {@code chatsdk.retry.reason} ({@code server_error}, {@code rate_limited}, {@code request_timeout},
 * {@code not_delivered}, {@code connection_failed}, {@code timeout}). A span that ends in failure
 * has status {@link StatusCode#ERROR ERROR}; the call span records the exception the caller
 * receives.
 *
 * <h2>Propagation</h2>
 * Each attempt carries the trace context of its attempt span (W3C {@code traceparent}, with the
 * propagators the {@link OpenTelemetry} instance is configured with), so the server's spans join
 * the trace. On by default; {@link Builder#propagation(boolean)} turns it off.
 *
 * <h2>Metrics</h2>
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><th>instrument</th><th>kind, unit</th><th>attributes</th></tr>
 *   <tr><td>{@code http.client.request.duration}</td><td>histogram, s, per attempt</td>
 *       <td>{@code http.request.method}, {@code server.address}, {@code server.port},
 *       {@code http.response.status_code}, {@code error.type}</td></tr>
 *   <tr><td>{@code chatsdk.call.duration}</td><td>histogram, s, per call (waits included)</td>
 *       <td>{@code chatsdk.operation}, {@code error.type}</td></tr>
 *   <tr><td>{@code chatsdk.retries}</td><td>counter, {@code {retry}}</td>
 *       <td>{@code chatsdk.operation}, {@code chatsdk.retry.reason}</td></tr>
 *   <tr><td>{@code chatsdk.rate_limit.remaining}</td><td>gauge, {@code {request}}, the last value seen</td>
 *       <td>{@code chatsdk.api} ({@code brek}, {@code helvia}), {@code server.address}, {@code server.port}</td></tr>
 * </table>
 *
 * <h2>With the OpenTelemetry Java agent</h2>
 * The agent instruments OkHttp itself and makes its own CLIENT span per attempt. To get each
 * attempt once, either turn the agent's OkHttp instrumentation off
 * ({@code -Dotel.instrumentation.okhttp.enabled=false}: this listener's attempt spans remain), or
 * turn this listener's off with {@link Builder#httpClientTelemetry(boolean) httpClientTelemetry(false)}
 * (the call spans, their retry events and the {@code chatsdk.*} metrics remain).
 *
 * <p>Thread-safe: one instance can serve any number of clients and calls. It never throws into a
 * call, and keeps no state beyond the calls in flight.
 */
public final class ChatSdkTelemetry implements CallListener {
    /** The instrumentation scope of the spans and metrics. */
    static final String SCOPE = "io.github.chatsdk.opentelemetry";
    /** Bucket boundaries the HTTP semantic conventions advise for {@code http.client.request.duration}. */
    static final java.util.List<Double> DURATION_BUCKETS = java.util.List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1,
            0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    private static final TextMapSetter<AttemptStart> SETTER = (attempt, name, value) -> {
        if (attempt != null) {
            attempt.header(name, value);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean propagation;
    private final boolean httpClientTelemetry;
    private final DoubleHistogram attemptDuration;
    private final DoubleHistogram callDuration;
    private final LongCounter retries;
    private final LongGauge rateLimitRemaining;

    private ChatSdkTelemetry(Builder b) {
        String version = Version.get();
        this.tracer = b.openTelemetry.tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
        Meter meter = b.openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.propagator = b.openTelemetry.getPropagators().getTextMapPropagator();
        this.propagation = b.propagation;
        this.httpClientTelemetry = b.httpClientTelemetry;
        this.attemptDuration = meter.histogramBuilder("http.client.request.duration")
                .setDescription("Duration of HTTP client requests.")
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.callDuration = meter.histogramBuilder("chatsdk.call.duration")
                .setDescription("Duration of chatsdk calls, from the call to its result or exception: every"
                        + " attempt and every wait between them.")
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.retries = meter.counterBuilder("chatsdk.retries")
                .setDescription("Attempts the chatsdk clients decided to send again, by reason.")
                .setUnit("{retry}")
                .build();
        this.rateLimitRemaining = meter.gaugeBuilder("chatsdk.rate_limit.remaining")
                .setDescription("Requests left in the API's rate-limit window, as the last response said"
                        + " (x-ratelimit-remaining).")
                .setUnit("{request}")
                .ofLongs()
                .build();
    }

    /**
     * A listener with the defaults: attempt spans and metrics on, propagation on.
     *
     * @param openTelemetry where spans and metrics go, and the propagators to use
     * @return the listener, to add to any number of client builders
     */
    public static ChatSdkTelemetry create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * A builder, to turn propagation or the per-attempt HTTP client telemetry off.
     *
     * @param openTelemetry where spans and metrics go, and the propagators to use
     * @return the builder
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    // ---- the events -------------------------------------------------------------------------

    @Override
    public void callStarted(Call call) {
        Context parent = Context.current();
        SpanBuilder b = tracer.spanBuilder(call.operation())
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(parent)
                .setAttribute(Names.OPERATION, call.operation());
        Optional<String> key = call.idempotencyKey();
        if (key.isPresent()) {
            b.setAttribute(Names.IDEMPOTENCY_KEY, key.get());
        }
        Span span = b.startSpan();
        call.attributes().put(this, new CallState(parent, span, Origin.of(call.url())));
    }

    @Override
    public void attemptStarted(Call call, AttemptStart attempt) {
        CallState state = state(call);
        if (state == null) {
            return;
        }
        Span current = state.span;
        if (httpClientTelemetry) {
            SpanBuilder b = tracer.spanBuilder(call.method())
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(state.parent.with(state.span))
                    .setAttribute(Names.HTTP_REQUEST_METHOD, call.method())
                    .setAttribute(Names.SERVER_ADDRESS, state.origin.host)
                    .setAttribute(Names.SERVER_PORT, (long) state.origin.port)
                    .setAttribute(Names.URL_FULL, call.url())
                    .setAttribute(Names.OPERATION, call.operation());
            if (attempt.number() > 1) {
                b.setAttribute(Names.HTTP_RESEND_COUNT, (long) (attempt.number() - 1));
            }
            current = b.startSpan();
            state.attempt = current;
        }
        if (propagation) {
            propagator.inject(state.parent.with(current), attempt, SETTER);
        }
    }

    @Override
    public void attemptEnded(Call call, AttemptEnd end) {
        CallState state = state(call);
        if (state == null) {
            return;
        }
        OptionalInt status = end.statusCode();
        Optional<Throwable> failure = end.failure();
        String errorType = failure.isPresent() ? failure.get().getClass().getName()
                : status.isPresent() && status.getAsInt() >= 400 ? Integer.toString(status.getAsInt()) : null;
        String requestId = end.requestId().orElse(null);
        long remaining = remaining(end.rateLimit());
        state.lastStatus = status.isPresent() ? status.getAsInt() : 0;
        if (requestId != null) {
            state.requestId = requestId;
        }
        if (remaining >= 0) {
            state.remaining = remaining;
            rateLimitRemaining.set(remaining, state.origin.rateLimitAttributes(call.operation()));
        }
        Span span = state.attempt;
        state.attempt = null;
        if (!httpClientTelemetry || span == null) {
            return;
        }
        if (status.isPresent()) {
            span.setAttribute(Names.HTTP_RESPONSE_STATUS_CODE, (long) status.getAsInt());
        }
        if (requestId != null) {
            span.setAttribute(Names.REQUEST_ID, requestId);
        }
        if (remaining >= 0) {
            span.setAttribute(Names.RATE_LIMIT_REMAINING, remaining);
        }
        if (errorType != null) {
            span.setAttribute(Names.ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR);
            failure.ifPresent(span::recordException);
        }
        span.end();
        AttributesBuilder a = Attributes.builder()
                .put(Names.HTTP_REQUEST_METHOD, call.method())
                .put(Names.SERVER_ADDRESS, state.origin.host)
                .put(Names.SERVER_PORT, (long) state.origin.port);
        if (status.isPresent()) {
            a.put(Names.HTTP_RESPONSE_STATUS_CODE, (long) status.getAsInt());
        }
        if (errorType != null) {
            a.put(Names.ERROR_TYPE, errorType);
        }
        attemptDuration.record(seconds(end.duration()), a.build());
    }

    @Override
    public void retryScheduled(Call call, Retry retry) {
        String reason = Names.reason(retry.reason());
        CallState state = state(call);
        if (state != null) {
            state.span.addEvent(Names.RETRY_EVENT, Attributes.of(
                    Names.RETRY_ATTEMPT, (long) retry.nextAttempt(),
                    Names.RETRY_DELAY_MS, retry.delay().toMillis(),
                    Names.RETRY_REASON, reason));
        }
        retries.add(1, Attributes.of(Names.OPERATION, call.operation(), Names.RETRY_REASON, reason));
    }

    @Override
    public void callEnded(Call call, CallEnd end) {
        CallState state = state(call);
        Optional<Throwable> failure = end.failure();
        String errorType = failure.map(t -> t.getClass().getName()).orElse(null);
        if (state != null) {
            call.attributes().remove(this);
            Span span = state.span;
            span.setAttribute(Names.ATTEMPTS, (long) end.attempts());
            if (state.lastStatus != 0) {
                span.setAttribute(Names.HTTP_RESPONSE_STATUS_CODE, (long) state.lastStatus);
            }
            if (state.requestId != null) {
                span.setAttribute(Names.REQUEST_ID, state.requestId);
            }
            if (state.remaining >= 0) {
                span.setAttribute(Names.RATE_LIMIT_REMAINING, state.remaining);
            }
            if (errorType != null) {
                span.setAttribute(Names.ERROR_TYPE, errorType);
                span.setStatus(StatusCode.ERROR);
                span.recordException(failure.get());
            }
            span.end();
        }
        callDuration.record(seconds(end.duration()), errorType == null
                ? Attributes.of(Names.OPERATION, call.operation())
                : Attributes.of(Names.OPERATION, call.operation(), Names.ERROR_TYPE, errorType));
    }

    private CallState state(Call call) {
        Object s = call.attributes().get(this);
        return s instanceof CallState ? (CallState) s : null;
    }

    private static long remaining(Optional<RateLimit> rateLimit) {
        if (rateLimit.isEmpty()) {
            return -1;
        }
        java.util.OptionalLong r = rateLimit.get().remaining();
        return r.isPresent() ? r.getAsLong() : -1;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return "ChatSdkTelemetry{propagation=" + propagation + ", httpClientTelemetry=" + httpClientTelemetry + '}';
    }

    /** What this listener keeps for one call in flight, in {@link Call#attributes()}. */
    private static final class CallState {
        /** The context the call was made in: the parent of the call span, and whose baggage propagates. */
        final Context parent;
        final Span span;
        final Origin origin;
        /** The attempt span open now; attempts never overlap. */
        volatile Span attempt;
        volatile int lastStatus;
        volatile String requestId;
        volatile long remaining = -1;

        CallState(Context parent, Span span, Origin origin) {
            this.parent = parent;
            this.span = span;
            this.origin = origin;
        }
    }

    /**
     * Configures a {@link ChatSdkTelemetry}. Not thread-safe; {@link #build()} may be called more than
     * once.
     */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean propagation = true;
        private boolean httpClientTelemetry = true;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
        }

        /**
         * Whether each attempt carries the trace context to the server ({@code traceparent}, and
         * whatever else the configured propagators write). On by default. Turn it off for a server
         * that must not learn your trace ids.
         *
         * @param enabled whether to propagate
         * @return this builder
         */
        public Builder propagation(boolean enabled) {
            this.propagation = enabled;
            return this;
        }

        /**
         * Whether to make the HTTP client telemetry of each attempt: its CLIENT span and its
         * {@code http.client.request.duration} measurement. On by default. Turn it off when
         * another instrumentation of OkHttp makes them already, as the OpenTelemetry Java agent
         * does: then only the call spans (with their retry events) and the {@code chatsdk.*}
         * metrics are made, and propagation, when on, carries the call span's context.
         *
         * @param enabled whether to make attempt spans and the attempt histogram
         * @return this builder
         */
        public Builder httpClientTelemetry(boolean enabled) {
            this.httpClientTelemetry = enabled;
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return a new listener with this configuration
         */
        public ChatSdkTelemetry build() {
            return new ChatSdkTelemetry(this);
        }
    }
}
