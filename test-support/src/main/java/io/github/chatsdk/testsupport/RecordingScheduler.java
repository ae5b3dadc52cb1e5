package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} for asynchronous calls under test: it never waits. Every
 * scheduled delay is handed to a {@link Sleeper} (a {@link RecordingSleeper} records it and moves
 * its clock), so the same assertions on {@code sleeper.delays()} hold for synchronous and
 * asynchronous calls. In the default mode the task then runs at once on the scheduling thread; a
 * {@linkplain #holding holding} scheduler keeps the tasks until {@link #runPending()}, so a test
 * can act (cancel a call) while a retry is pending. Thread-safe.
 */
public final class RecordingScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Sleeper recorder;
    private final boolean hold;
    private final List<Task<?>> pending = new ArrayList<>();
    private volatile boolean shutdown;

    private RecordingScheduler(Sleeper recorder, boolean hold) {
        this.recorder = Objects.requireNonNull(recorder, "recorder == null");
        this.hold = hold;
    }

    /** A scheduler that reports each delay to {@code recorder} and runs the task at once. */
    public static RecordingScheduler instant(Sleeper recorder) {
        return new RecordingScheduler(recorder, false);
    }

    /** A scheduler that reports each delay to {@code recorder} and keeps the task until {@link #runPending()}. */
    public static RecordingScheduler holding(Sleeper recorder) {
        return new RecordingScheduler(recorder, true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(() -> {
            command.run();
            return null;
        }, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Duration d = Duration.ofNanos(unit.toNanos(delay));
        try {
            recorder.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Task<V> task = new Task<>(callable, d);
        if (hold) {
            synchronized (pending) {
                pending.add(task);
            }
        } else {
            task.run();
        }
        return task;
    }

    /** The tasks a holding scheduler keeps, cancelled ones included. */
    public List<ScheduledFuture<?>> pending() {
        synchronized (pending) {
            return List.copyOf(pending);
        }
    }

    /**
     * Runs every task kept so far (a cancelled task does nothing), in order.
     *
     * @return how many tasks ran without having been cancelled
     */
    public int runPending() {
        List<Task<?>> tasks;
        synchronized (pending) {
            tasks = new ArrayList<>(pending);
            pending.clear();
        }
        int ran = 0;
        for (Task<?> t : tasks) {
            if (!t.isCancelled()) {
                t.run();
                ran++;
            }
        }
        return ran;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the SDK schedules single tasks only");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the SDK schedules single tasks only");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        synchronized (pending) {
            List<Runnable> left = new ArrayList<>(pending);
            pending.clear();
            return left;
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    private static final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Duration delay;

        Task(Callable<V> callable, Duration delay) {
            super(callable);
            this.delay = delay;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
