package io.github.chatsdk.core.internal.transport;

import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.RateLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs a call on the calling thread: ask the rate limiter, send an attempt with
 * {@link Call#execute()}, take the {@link Decider}'s step, wait with the
 * {@link io.github.chatsdk.core.Sleeper}, again. A wait ends early when the client is closed: the
 * call then sends nothing more and fails at once.
 */
final class SyncDriver {
    private final Transport t;
    /** The threads waiting between attempts (or for a permit) now; {@link #closed()} interrupts them. */
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

    SyncDriver(Transport t) {
        this.t = t;
    }

    <T> T run(Exchange<T> x) {
        try {
            while (true) {
                checkOpen(x, "before attempt " + (x.attempt + 1));
                awaitPermit(x);
                Request request = t.decider.prepare(x);
                Call call = t.http.newCall(request);
                if (x.settings.timeout != null) {
                    call.timeout().timeout(x.settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                Decider.Step<T> step;
                try {
                    step = t.decider.onResponse(x, execute(call, x));
                } catch (IOException e) {
                    // never call.isCanceled(): OkHttp cancels a call whose timeout expired, too
                    step = t.decider.onFailure(x, e, x.state.canceled);
                }
                if (step.error != null) {
                    throw step.error;
                }
                if (step.retry == null) {
                    x.callEnded(null);
                    return step.result;
                }
                x.retryScheduled(step.retry);
                await(x, step.retry.delay, "while the call waited to retry");
            }
        } catch (RuntimeException e) {
            x.callEnded(e);
            throw e;
        }
    }

    /** Executes the attempt's call, its state visible to the interceptors while it runs. */
    private Response execute(Call call, Exchange<?> x) throws IOException {
        t.attempts.start(call, x.state);
        try {
            return call.execute();
        } finally {
            t.attempts.end(call);
        }
    }

    /** Asks the limiter until it grants the next attempt, waiting in between; bounded by the call's permit wait. */
    private void awaitPermit(Exchange<?> x) {
        RateLimiter limiter = t.limiter;
        if (limiter == RateLimiter.none()) {
            return;
        }
        while (true) {
            Duration wait;
            try {
                wait = limiter.tryAcquire(x.permitRequest());
            } catch (RuntimeException e) {
                throw AsyncDriver.limiterFailed(x, e);
            }
            Duration hold = AsyncDriver.hold(t, x, wait);
            if (hold == null) {
                return;
            }
            await(x, hold, "while the call waited for the rate limiter");
            x.permitWaited = x.permitWaited.plus(hold);
            x.permitRefusals++;
        }
    }

    /** Waits {@code delay} with the sleeper; {@link #closed()} ends the wait, and the call. */
    private void await(Exchange<?> x, Duration delay, String when) {
        Waiter w = new Waiter(Thread.currentThread());
        waiting.add(w);
        try {
            checkWaiting(x, when);
            t.options.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            if (!w.interruptedByClose) {
                Thread.currentThread().interrupt();
                throw new ConnectionException("Interrupted " + when + " after " + x.attempt
                        + (x.attempt == 1 ? " attempt" : " attempts"), e, x.attempt, x.key(), x.maybeProcessed);
            }
        } finally {
            synchronized (w) {
                waiting.remove(w);
                if (w.interruptedByClose) {
                    Thread.interrupted(); // the interrupt was ours, not the caller's
                }
            }
        }
        checkWaiting(x, when);
    }

    /** A call in a wait (even before its first attempt) that the client's closing ended: it says what it had sent. */
    private void checkWaiting(Exchange<?> x, String when) {
        if (t.isClosed()) {
            throw Transport.closedDuringCall(x, false, when);
        }
    }

    private void checkOpen(Exchange<?> x, String when) {
        if (t.isClosed()) {
            throw x.attempt == 0 ? new IllegalStateException("This client is closed")
                    : Transport.closedDuringCall(x, false, when);
        }
    }

    /** The client is closing: end every wait now. */
    void closed() {
        for (Waiter w : waiting) {
            synchronized (w) {
                if (waiting.contains(w)) {
                    w.interruptedByClose = true;
                    w.thread.interrupt();
                }
            }
        }
    }

    /** A thread in a wait. */
    private static final class Waiter {
        final Thread thread;
        volatile boolean interruptedByClose;

        Waiter(Thread thread) {
            this.thread = thread;
        }
    }
}
