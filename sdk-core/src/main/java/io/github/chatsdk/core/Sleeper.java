package io.github.chatsdk.core;

import java.time.Duration;

/**
 * Waits between retry attempts. The default sleeps the calling thread; tests inject one that
 * records the requested delays and returns at once, so no test ever sleeps.
 */
@FunctionalInterface
public interface Sleeper {
    /** The sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; never negative
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
