package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.core.RateLimit;
import io.github.chatsdk.core.RateLimiter;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.HttpResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The decisions both drivers share, so that a synchronous and an asynchronous call make exactly the
 * same attempts and end with exactly the same result or exception: how each attempt's request is
 * prepared, and what an attempt's response or failure means (a result, an exception, or another
 * attempt after a delay). The drivers only move between these steps and wait.
 */
final class Decider {
    private final ApiProfile profile;
    private final String userAgent;
    private final HttpLog log;
    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final Clock clock;
    private final AtomicBoolean limiterFailureLogged = new AtomicBoolean();

    Decider(ApiProfile profile, String userAgent, HttpLog log, RetryPolicy policy, RateLimiter limiter, Clock clock) {
        this.profile = profile;
        this.userAgent = userAgent;
        this.log = log;
        this.policy = policy;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** What to do after an attempt: return a result, fail with an exception, or retry after a delay. */
    static final class Step<T> {
        final T result;
        final RuntimeException error;
        final RetryPolicy.Decision retry;

        private Step(T result, RuntimeException error, RetryPolicy.Decision retry) {
            this.result = result;
            this.error = error;
            this.retry = retry;
        }

        static <T> Step<T> done(T result) {
            return new Step<>(result, null, null);
        }

        static <T> Step<T> fail(RuntimeException error) {
            return new Step<>(null, error, null);
        }

        static <T> Step<T> retry(RetryPolicy.Decision decision) {
            return new Step<>(null, null, decision);
        }
    }

    int maxAttempts(Exchange<?> x) {
        return x.settings.maxRetries + 1 + x.freeResends + x.staleResends;
    }

    /**
     * The next attempt's request: a copy of the call's request with the client's and the call's
     * headers, the headers listeners add, the User-Agent, the credential (where the spec asks for
     * one), the retry count and the per-call timeouts.
     */
    Request prepare(Exchange<?> x) {
        x.attempt++;
        Map<String, String> added = x.attemptStarted();
        Request.Builder b = x.template.newBuilder();
        for (Map.Entry<String, String> h : x.settings.headers.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        for (Map.Entry<String, String> h : added.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        b.header("User-Agent", userAgent);
        x.secret = HttpLog.Secret.NONE;
        if (x.operation.request().authenticated()) {
            AuthHeader auth = profile.auth();
            String value = auth.value();
            b.header(auth.name(), value);
            x.secret = new HttpLog.Secret(auth.secretOf(value));
        }
        if (x.attempt > 1) {
            b.header(Transport.RETRY_COUNT_HEADER, Integer.toString(x.attempt - 1));
        }
        x.state = new ConnectionGuard.AttemptState(x.settings.timeouts);
        Request request = b.build();
        log.request(request, x.attempt, maxAttempts(x), x.secret);
        x.attemptStartNanos = System.nanoTime();
        if (limiter != RateLimiter.none()) {
            x.attemptSentAt = clock.instant();
        }
        return request;
    }

    /** The decision after an attempt that got a response; reads (boundedly) and closes it. */
    <T> Step<T> onResponse(Exchange<T> x, Response response) {
        x.delivered = true;
        String key = x.key();
        HttpLog.Secret secret = x.secret;
        try (Response r = response) {
            int code = r.code();
            x.lastStatus = code;
            if (code != 429) { // a 429 is a refusal: the request was not processed
                x.maybeProcessedBy = "HTTP " + code + " to attempt " + x.attempt;
                x.maybeProcessed = true;
            }
            RateLimit rateLimit = RateLimitHeaders.of(r.headers(), clock);
            ResponseMeta meta = new ResponseMeta(code, r.headers(), rateLimit, x.attempt);
            feedback(x, code, rateLimit);
            log.response(x.template, r, x.attempt, maxAttempts(x), x.millisSinceAttemptStart(), secret);
            String requestId = r.header("x-request-id");
            if (code >= 200 && code < 300) {
                return onSuccess(x, r, meta, requestId);
            }
            Bodies.Read body = Bodies.read(r.body(), Bodies.MAX_ERROR_BODY);
            log.responseBody(x.template, body.text, body.complete, secret);
            x.attemptEnded(code, null, true, requestId, rateLimit);
            RetryPolicy.Decision d = policy.afterStatus(code, x.operation.retrySafe(), x.retriesLeft(),
                    rateLimit == null ? null : rateLimit.retryAfter().orElse(null), x.retries + 1);
            if (d.retry()) {
                log.retry(x.template, d.delay, "HTTP " + code + (rateLimit != null && rateLimit.retryAfter().isPresent()
                        ? ", Retry-After" : ""));
                return Step.retry(d);
            }
            if (d.note != null) {
                log.note(x.template, d.note);
            }
            ApiError error = ErrorMapping.parse(x.operation.errors(), secret.scrub(body.text));
            return Step.fail(ErrorMapping.errorFor(meta, error, key));
        }
    }

    private <T> Step<T> onSuccess(Exchange<T> x, Response r, ResponseMeta meta, String requestId) {
        String key = x.key();
        HttpLog.Secret secret = x.secret;
        RateLimit rateLimit = meta.rateLimit().orElse(null);
        int code = r.code();
        String unusable = Bodies.unusableSuccess(r);
        if (unusable != null) {
            Bodies.Read body = Bodies.read(r.body(), Bodies.MAX_ERROR_BODY);
            log.responseBody(x.template, body.text, false, secret);
            x.attemptEnded(code, null, true, requestId, rateLimit);
            return Step.fail(new MalformedResponseException(
                    ApiError.unparsed(ErrorMapping.truncate(secret.scrub(body.text))), meta, key, new IOException(unusable)));
        }
        Bodies.Read body = Bodies.read(r.body(), Bodies.MAX_SUCCESS_BODY);
        if (body.failure instanceof Bodies.TooLarge) {
            x.attemptEnded(code, null, true, requestId, rateLimit);
            return Step.fail(new MalformedResponseException(
                    ApiError.unparsed(ErrorMapping.truncate(secret.scrub(body.text))), meta, key, body.failure));
        }
        if (body.failure != null) {
            // the server answered 2xx: the request was accepted, only its body broke off
            log.failure(x.template, "body of HTTP " + code + " broke off", body.failure, x.attempt, maxAttempts(x),
                    x.millisSinceAttemptStart(), secret);
            x.attemptEnded(code, body.failure, true, requestId, rateLimit);
            Failures.Failure f = Failures.classify(body.failure, x.state, false, Thread.currentThread().isInterrupted());
            RetryPolicy.Decision d = f.resend == Failures.Resend.NEVER ? RetryPolicy.Decision.STOP
                    : policy.afterBrokenBody(x.operation.retrySafe(), x.retriesLeft(), f.timeout, x.retries + 1);
            if (d.retry()) {
                log.retry(x.template, d.delay, "body of HTTP " + code + " broke off");
                return Step.retry(d);
            }
            return Step.fail(Failures.exception(f, x.attempt, key, true, x.write, code));
        }
        log.responseBody(x.template, body.text, true, secret);
        x.attemptEnded(code, null, true, requestId, rateLimit);
        HttpResult result = new HttpResult(body.text, meta, secret::scrub);
        try {
            return Step.done(x.operation.mapper().map(result));
        } catch (ChatSdkException e) {
            return Step.fail(e);
        } catch (Exception e) {
            return Step.fail(ErrorMapping.malformed(result, key, e));
        }
    }

    /** The decision after an attempt that produced no response. */
    <T> Step<T> onFailure(Exchange<T> x, IOException e, boolean canceled) {
        Failures.Failure f = Failures.classify(e, x.state, canceled, Thread.currentThread().isInterrupted());
        if (f.delivered) {
            x.delivered = true;
            x.maybeProcessedBy = "attempt " + x.attempt + " failed after it was sent";
            x.maybeProcessed = true;
        }
        x.lastStatus = 0;
        log.failure(x.template, f.delivered ? "failed" : "not delivered", e, x.attempt, maxAttempts(x),
                x.millisSinceAttemptStart(), x.secret);
        x.attemptEnded(0, e, f.delivered, null, null);
        RetryPolicy.Decision d = policy.afterFailure(f, x.operation.retrySafe(), x.retriesLeft(), x.freeResendsLeft(f),
                x.retries + 1);
        if (d.retry()) {
            log.retry(x.template, d.delay, e.getClass().getSimpleName()
                    + (!d.free ? "" : d.stale ? ", not delivered: resent at once on another connection"
                            : ", not delivered (refused stream): resent at once"));
            return Step.retry(d);
        }
        return Step.fail(Failures.exception(f, x.attempt, x.key(), x.maybeProcessed, x.write, 0));
    }

    /** Tells the rate limiter what the response said; a limiter that throws here is logged once and ignored. */
    private void feedback(Exchange<?> x, int code, RateLimit rateLimit) {
        if (limiter == RateLimiter.none()) {
            return;
        }
        String name = x.operation.name();
        Instant sentAt = x.attemptSentAt;
        try {
            limiter.onResponse(new RateLimiter.Response() {
                @Override
                public String operation() {
                    return name;
                }

                @Override
                public int statusCode() {
                    return code;
                }

                @Override
                public Optional<RateLimit> rateLimit() {
                    return Optional.ofNullable(rateLimit);
                }

                @Override
                public Optional<Instant> sentAt() {
                    return Optional.ofNullable(sentAt);
                }
            });
        } catch (RuntimeException e) {
            if (limiterFailureLogged.compareAndSet(false, true)) {
                HttpLog.warning("chatsdk: the rate limiter " + limiter.getClass().getName()
                        + " threw in onResponse; ignored (logged once)", e);
            }
        }
    }
}
