package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.RateLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs a call without blocking a thread: each attempt is enqueued on OkHttp's dispatcher
 * ({@link Call#enqueue}), each wait (a retry's delay, the rate limiter's hold) is a
 * {@link io.github.chatsdk.core.Sleeper#sleepAsync} future, each permit question a
 * {@link RateLimiter#tryAcquireAsync} stage. At most one of them is pending at a time, and
 * cancelling the call's future cancels it.
 */
final class AsyncDriver {
    private final Transport t;

    AsyncDriver(Transport t) {
        this.t = t;
    }

    <T> CompletableFuture<T> run(Exchange<T> x) {
        AsyncCall<T> a = new AsyncCall<>(x);
        t.inFlight.add(a);
        a.future.whenComplete((r, e) -> {
            t.inFlight.remove(a);
            if (a.future.isCancelled()) {
                a.cancelPending();
                x.callEnded(new CancellationException("The call was cancelled"));
            }
        });
        if (t.isClosed()) {
            a.abortClosed(); // closed between the check and the registration
        } else {
            a.next();
        }
        return a.future;
    }

    /** The exception of a call whose rate limiter failed: the attempt was not sent. */
    static ConnectionException limiterFailed(Exchange<?> x, Throwable e) {
        int next = x.attempt + 1;
        String what = " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + HttpLog.clip(e.getMessage(), 200)) + ")";
        String msg = x.attempt == 0
                ? "The rate limiter failed before the first attempt" + what + "; the request was not sent"
                : "The rate limiter failed before attempt " + next + what + "; attempt " + next + " was not sent"
                        + (x.maybeProcessed
                                ? "; an earlier attempt may have reached the server, so the outcome is unknown"
                                : "; the request was not delivered");
        return new ConnectionException(msg, e, x.attempt, x.key(), x.maybeProcessed);
    }

    /**
     * How long to hold the next attempt after the limiter asked for {@code wait}, or {@code null} to
     * send it now: when the limiter grants it, or when the call has waited its longest for permits
     * (then the attempt goes anyway and the server decides).
     */
    static Duration hold(Transport t, Exchange<?> x, Duration wait) {
        if (wait == null || wait.isZero() || wait.isNegative()) {
            return null;
        }
        Duration left = x.settings.maxPermitWait.minus(x.permitWaited);
        if (left.isZero() || left.isNegative()) {
            t.log.note(x.method(), x.template.url(), "sending without a rate-limit permit after waiting "
                    + x.permitWaited.toMillis() + " ms for one");
            return null;
        }
        Duration hold = wait.compareTo(left) < 0 ? wait : left;
        t.log.note(x.method(), x.template.url(), "waiting " + hold.toMillis() + " ms before sending: the rate limiter"
                + " holds the attempt");
        return hold;
    }

    /** One asynchronous call: the steps of its {@link Exchange}, driven by callbacks. */
    final class AsyncCall<T> implements Callback {
        final Exchange<T> x;
        final CompletableFuture<T> future = new CompletableFuture<>();
        private final Object lock = new Object();
        /** What is pending now: the OkHttp call, a wait or a permit question. */
        private Call call;
        private Future<?> pending;
        /** Whether an attempt is on its way and has not reported back: its outcome is unknown. */
        private volatile boolean sending;
        /** What the call is doing when it is not sending, for the message of {@link #abortClosed()}. */
        private volatile String waitingFor = "before its first attempt";

        AsyncCall(Exchange<T> x) {
            this.x = x;
        }

        /** Starts the next attempt: asks the limiter first. */
        void next() {
            if (future.isDone()) {
                return;
            }
            if (t.isClosed()) {
                abortClosed();
                return;
            }
            if (t.limiter == RateLimiter.none()) {
                send();
                return;
            }
            CompletionStage<Duration> answer;
            try {
                answer = t.limiter.tryAcquireAsync(x.permitRequest());
            } catch (RuntimeException e) {
                fail(limiterFailed(x, e));
                return;
            }
            CompletableFuture<Duration> f = answer.toCompletableFuture();
            hold(f);
            f.whenComplete((wait, e) -> {
                if (future.isDone()) {
                    return;
                }
                if (e != null) {
                    fail(limiterFailed(x, e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e));
                    return;
                }
                Duration hold = AsyncDriver.hold(t, x, wait);
                if (hold == null) {
                    send();
                } else {
                    waitingFor = "while the call waited for the rate limiter";
                    later(hold, () -> {
                        x.permitWaited = x.permitWaited.plus(hold);
                        x.permitRefusals++;
                        next();
                    });
                }
            });
        }

        private void send() {
            if (future.isDone()) {
                return;
            }
            if (t.isClosed()) {
                abortClosed();
                return;
            }
            Call c;
            try {
                Request request = t.decider.prepare(x);
                c = t.http.newCall(request);
                if (x.settings.timeout != null) {
                    c.timeout().timeout(x.settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            synchronized (lock) {
                call = c;
                pending = null;
            }
            if (future.isDone()) {
                return; // cancelled while the attempt was prepared: never sent
            }
            sending = true;
            t.attempts.start(c, x.state);
            c.enqueue(this);
        }

        @Override
        public void onFailure(Call c, IOException e) {
            t.attempts.end(c);
            sending = false;
            if (future.isDone()) {
                return; // cancelled (the failure is the cancellation) or already failed by close()
            }
            if (e.getCause() instanceof RejectedExecutionException) {
                // OkHttp's dispatcher refused to run the call: its executor was shut down
                if (t.isClosed()) {
                    abortClosed();
                } else {
                    fail(new ConnectionException("OkHttp's dispatcher refused the call (its executor is shut down)"
                            + " after " + x.attempt + (x.attempt == 1 ? " attempt" : " attempts")
                            + "; the request was not delivered", e, x.attempt, x.key(), x.maybeProcessed));
                }
                return;
            }
            // never c.isCanceled(): OkHttp cancels a call whose timeout expired, too
            decide(() -> t.decider.onFailure(x, e, x.state.canceled));
        }

        @Override
        public void onResponse(Call c, Response response) {
            t.attempts.end(c);
            sending = false;
            if (future.isDone()) {
                response.close();
                return;
            }
            decide(() -> t.decider.onResponse(x, response));
        }

        private void decide(Supplier<Decider.Step<T>> decision) {
            Decider.Step<T> step;
            try {
                step = decision.get();
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (step.error != null) {
                fail(step.error);
            } else if (step.retry == null) {
                x.callEnded(null);
                future.complete(step.result);
            } else {
                x.retryScheduled(step.retry);
                waitingFor = "while the call waited to retry";
                later(step.retry.delay, this::next);
            }
        }

        private void fail(RuntimeException e) {
            x.callEnded(e);
            future.completeExceptionally(e);
        }

        /** Runs {@code task} after {@code delay} (the sleeper's asynchronous wait), never blocking this thread. */
        private void later(Duration delay, Runnable task) {
            if (future.isDone()) {
                return;
            }
            CompletableFuture<Void> wait;
            try {
                wait = t.options.sleeper().sleepAsync(delay);
            } catch (RuntimeException e) {
                fail(new ConnectionException("The client's sleeper failed to schedule a wait after " + x.attempt
                        + " attempts", e, x.attempt, x.key(), x.maybeProcessed));
                return;
            }
            hold(wait);
            wait.whenComplete((v, e) -> {
                if (e == null) {
                    task.run();
                } else if (!(e instanceof CancellationException) && !future.isDone()) {
                    fail(new ConnectionException("The client's wait failed after " + x.attempt + " attempts", e,
                            x.attempt, x.key(), x.maybeProcessed));
                }
            });
        }

        /** Records what is pending, so that a cancellation can cancel it. */
        private void hold(Future<?> f) {
            synchronized (lock) {
                pending = f;
            }
            if (future.isDone()) {
                f.cancel(false);
            }
        }

        /** Cancels the OkHttp call in flight, the wait or the permit question, whichever is pending. */
        void cancelPending() {
            Call c;
            Future<?> p;
            synchronized (lock) {
                c = call;
                p = pending;
            }
            if (p != null) {
                p.cancel(false);
            }
            if (c != null) {
                ConnectionGuard.AttemptState s = x.state;
                if (s != null) {
                    s.canceled = true;
                }
                c.cancel();
            }
        }

        /** Fails the call because the client was closed while it was in flight. */
        void abortClosed() {
            if (future.isDone()) {
                return;
            }
            boolean inFlight = sending;
            ConnectionException e = Transport.closedDuringCall(x, inFlight,
                    inFlight ? "while attempt " + x.attempt + " was in flight" : waitingFor);
            x.callEnded(e);
            future.completeExceptionally(e);
            cancelPending();
        }
    }
}
