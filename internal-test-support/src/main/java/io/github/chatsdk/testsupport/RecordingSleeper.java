package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one test sleeper: it records every delay a client asks for, synchronous or asynchronous, and
 * never sleeps. By default both kinds of wait end at once (an asynchronous wait is an already
 * completed future); a {@linkplain #holding() holding} sleeper keeps the asynchronous waits pending
 * until {@link #runPending()}, so a test can look at a call parked between attempts. With a
 * {@link MutableClock}, each wait also moves the clock, so time-based logic (rate-limit windows,
 * {@code Retry-After} dates) sees the time pass.
 */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> delays = new ArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final MutableClock clock;
    private final boolean hold;
    private int asyncWaits;

    private RecordingSleeper(MutableClock clock, boolean hold) {
        this.clock = clock;
        this.hold = hold;
    }

    /** A sleeper that only records. */
    public RecordingSleeper() {
        this(null, false);
    }

    /** A sleeper that records and moves {@code clock} by every delay. */
    public RecordingSleeper(MutableClock clock) {
        this(clock, false);
    }

    /** A sleeper that records, and keeps each asynchronous wait pending until {@link #runPending()}. */
    public static RecordingSleeper holding() {
        return new RecordingSleeper(null, true);
    }

    /** A holding sleeper (see {@link #holding()}) that also moves {@code clock} by every delay. */
    public static RecordingSleeper holding(MutableClock clock) {
        return new RecordingSleeper(clock, true);
    }

    @Override
    public void sleep(Duration duration) {
        record(duration);
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        synchronized (delays) {
            asyncWaits++;
        }
        record(duration);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (hold) {
            synchronized (pending) {
                pending.add(done);
            }
        } else {
            done.complete(null);
        }
        return done;
    }

    private void record(Duration duration) {
        synchronized (delays) {
            delays.add(duration);
        }
        if (clock != null) {
            clock.advance(duration);
        }
    }

    /** Every delay requested so far, in order. */
    public List<Duration> delays() {
        synchronized (delays) {
            return List.copyOf(delays);
        }
    }

    /** How many of the delays were asked asynchronously ({@link #sleepAsync}). */
    public int asyncWaits() {
        synchronized (delays) {
            return asyncWaits;
        }
    }

    /** The asynchronous waits a holding sleeper keeps, cancelled ones included. */
    public List<CompletableFuture<Void>> pending() {
        synchronized (pending) {
            return List.copyOf(pending);
        }
    }

    /**
     * Ends every asynchronous wait kept so far (a cancelled one stays cancelled), in order.
     *
     * @return how many waits ended that had not been cancelled
     */
    public int runPending() {
        List<CompletableFuture<Void>> waits;
        synchronized (pending) {
            waits = new ArrayList<>(pending);
            pending.clear();
        }
        int ran = 0;
        for (CompletableFuture<Void> w : waits) {
            if (w.complete(null)) {
                ran++;
            }
        }
        return ran;
    }
}
