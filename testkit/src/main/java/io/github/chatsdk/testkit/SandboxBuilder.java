package io.github.chatsdk.testkit;

import java.time.Clock;
import java.util.Objects;

/**
 * What the builders of both sandboxes share: the clock, the seed of generated ids and the port.
 * Obtain a builder from {@link BrekSandbox#builder()} or {@link HelviaSandbox#builder()}. Not
 * thread-safe; {@link #start()} may be called more than once, each time for a new, independent
 * sandbox.
 *
 * @param <B> the builder type
 * @param <S> the sandbox type
 */
public abstract class SandboxBuilder<B extends SandboxBuilder<B, S>, S extends Sandbox> {
    /** The seed both sandboxes start from, so that runs repeat. */
    static final long DEFAULT_SEED = 20260218L;

    Clock clock = Clock.systemUTC();
    long seed = DEFAULT_SEED;
    int port;

    SandboxBuilder() {
    }

    /**
     * The sandbox's clock: of timestamps, generated ids and (Brek) rate-limit windows; default the
     * system clock in UTC. A {@link ManualClock} lets a test move time on.
     *
     * @param clock the clock
     * @return this builder
     */
    public final B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        return self();
    }

    /**
     * The seed of the random parts of generated ids (Brek: session suffixes, request and booking
     * ids; Helvia: sender ids).
     *
     * @param seed any value; the default is fixed, so runs repeat
     * @return this builder
     */
    public final B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * The port to listen on; default 0, a free port chosen by the system (use that in tests).
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public final B port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return self();
    }

    /**
     * Starts a sandbox with this configuration.
     *
     * @return the running sandbox; close it when done
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public abstract S start();

    /** A copy whose later changes do not affect this builder (the sandbox keeps one for its reset). */
    abstract B copy();

    /** Copies the shared settings into {@code other} and returns it. */
    final B copySharedInto(B other) {
        SandboxBuilder<B, S> o = other;
        o.clock = clock;
        o.seed = seed;
        o.port = port;
        return other;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
