package io.github.chatsdk.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The fault queue of one sandbox. Each incoming request, of any path (health checks included),
 * takes the fault at the head of the queue, if any; faults apply in the order they were queued.
 * Thread-safe; obtain it from {@code sandbox.faults()}.
 *
 * <pre>{@code
 * sandbox.faults()
 *         .nextStatus(503, 2)                          // requests 1 and 2: 503, not processed
 *         .nextDisconnect(1)                           // request 3: connection closed, not processed
 *         .nextDelay(Duration.ofMillis(500), 1);       // request 4: processed after 500 ms
 * // request 5 and later: normal
 * }</pre>
 */
public final class Faults {
    private final Deque<Fault> queue = new ArrayDeque<>();

    Faults() {
    }

    /**
     * Queues a fault for the next {@code times} requests (after the faults already queued).
     *
     * @param fault the fault
     * @param times how many requests it applies to; at least 1
     * @return this queue, for chaining
     */
    public Faults next(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault == null");
        if (times < 1) {
            throw new IllegalArgumentException("times < 1: " + times);
        }
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.addLast(fault);
            }
        }
        return this;
    }

    /**
     * The next {@code times} requests answer {@code status} with an error body in the API's shape
     * and are not processed ({@link Fault#status(int)}).
     *
     * @param status an HTTP status from 400 to 599, such as 503
     * @param times how many requests; at least 1
     * @return this queue
     */
    public Faults nextStatus(int status, int times) {
        return next(Fault.status(status), times);
    }

    /**
     * The next request answers {@code status} ({@link Fault#status(int)}).
     *
     * @param status an HTTP status from 400 to 599
     * @return this queue
     */
    public Faults nextStatus(int status) {
        return nextStatus(status, 1);
    }

    /**
     * The next {@code times} requests are read, then the connection is closed without a response;
     * they are not processed ({@link Fault#disconnect()}).
     *
     * @param times how many requests; at least 1
     * @return this queue
     */
    public Faults nextDisconnect(int times) {
        return next(Fault.disconnect(), times);
    }

    /**
     * The next {@code times} requests are processed, then the connection is closed without the
     * response ({@link Fault#disconnectAfterProcessing()}).
     *
     * @param times how many requests; at least 1
     * @return this queue
     */
    public Faults nextDisconnectAfterProcessing(int times) {
        return next(Fault.disconnectAfterProcessing(), times);
    }

    /**
     * The next {@code times} requests are processed normally after waiting {@code delay}
     * ({@link Fault#delay(Duration)}).
     *
     * @param delay the wait; not negative
     * @param times how many requests; at least 1
     * @return this queue
     */
    public Faults nextDelay(Duration delay, int times) {
        return next(Fault.delay(delay), times);
    }

    /**
     * The faults still queued, head first.
     *
     * @return a snapshot
     */
    public List<Fault> pending() {
        synchronized (queue) {
            return List.copyOf(new ArrayList<>(queue));
        }
    }

    /** Drops every queued fault. */
    public void clear() {
        synchronized (queue) {
            queue.clear();
        }
    }

    /** The fault for the request that just arrived, or {@code null}. */
    Fault poll() {
        synchronized (queue) {
            return queue.pollFirst();
        }
    }

    @Override
    public String toString() {
        return "Faults" + pending();
    }
}
