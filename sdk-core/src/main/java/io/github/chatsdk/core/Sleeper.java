package io.github.chatsdk.core;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How a client waits: between retry attempts and while a {@link RateLimiter} holds an attempt back.
 * Synchronous calls wait with {@link #sleep(Duration)} on the calling thread; asynchronous calls
 * with {@link #sleepAsync(Duration)}, which blocks no thread.
 *
 * <p>The default, {@link #system()}, sleeps the calling thread and schedules asynchronous waits on
 * the JDK's shared delay scheduler ({@link CompletableFuture#delayedExecutor}); a client therefore
 * owns no thread for waiting. Tests pass a sleeper that records the requested delays and returns at
 * once, so no test ever sleeps:
 *
 * <pre>{@code
 * List<Duration> delays = new CopyOnWriteArrayList<>();
 * Sleeper instant = Sleeper.of(delays::add);
 * BrekClient brek = BrekClient.builder().apiKey(key).sleeper(instant).build();
 * }</pre>
 */
public interface Sleeper {
    /**
     * Blocks the calling thread for {@code duration}.
     *
     * @param duration how long to wait; never negative
     * @throws InterruptedException when the waiting thread is interrupted (also how closing a client
     *     ends a synchronous wait)
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * A future that completes (with {@code null}) once {@code duration} has passed, without blocking
     * the caller. Cancelling the future abandons the wait. The future may complete on any thread; the
     * client's continuation runs there and only hands the next attempt to OkHttp's dispatcher.
     *
     * @param duration how long to wait; never negative
     * @return the future of the end of the wait
     */
    CompletableFuture<@Nullable Void> sleepAsync(Duration duration);

    /**
     * The sleeper that blocks with {@link Thread#sleep(long)} and schedules asynchronous waits on the
     * JDK's shared delay scheduler.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }

    /**
     * A sleeper that does not wait at all: it hands each requested delay to {@code recorder} and
     * returns at once, synchronously and asynchronously (the asynchronous future is already
     * complete). For tests.
     *
     * @param recorder receives every requested delay, in order
     * @return the sleeper
     */
    static Sleeper of(java.util.function.Consumer<Duration> recorder) {
        Objects.requireNonNull(recorder, "recorder == null");
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                recorder.accept(duration);
            }

            @Override
            public CompletableFuture<@Nullable Void> sleepAsync(Duration duration) {
                recorder.accept(duration);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public String toString() {
                return "Sleeper.of(" + recorder + ")";
            }
        };
    }
}

/** {@link Sleeper#system()}. */
final class SystemSleeper implements Sleeper {
    static final SystemSleeper INSTANCE = new SystemSleeper();
    /** Completes the future on the JDK's delay thread itself: the continuation only enqueues a call. */
    private static final Executor DIRECT = Runnable::run;

    private SystemSleeper() {
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = duration.toNanos();
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    @Override
    public CompletableFuture<@Nullable Void> sleepAsync(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long nanos = duration.toNanos();
        if (nanos <= 0) {
            done.complete(null);
            return done;
        }
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, DIRECT).execute(() -> done.complete(null));
        return done;
    }

    @Override
    public String toString() {
        return "Sleeper.system()";
    }
}
