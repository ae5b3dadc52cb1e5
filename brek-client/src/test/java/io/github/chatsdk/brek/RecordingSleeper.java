package io.github.chatsdk.brek;

import io.github.chatsdk.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records every requested delay and returns at once: no test sleeps. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }

    /** @return the delays requested so far, in order */
    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
