package io.github.chatsdk.testsupport;

import io.github.chatsdk.core.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that never sleeps: it records every requested delay (thread-safe) and, when
 * given a {@link MutableClock}, moves that clock forward by the delay, as real time would.
 */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> delays = new ArrayList<>();
    private final MutableClock clock;

    /** A sleeper that only records. */
    public RecordingSleeper() {
        this(null);
    }

    /** A sleeper that records and moves {@code clock}. */
    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
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
}
