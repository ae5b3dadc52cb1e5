package io.github.chatsdk.benchmarks;

import java.time.Duration;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The one JMH state shape of the benchmarks: a loopback server and one client of a variant pointed
 * at it, per trial, shared by all benchmark threads (as an application shares its client). A
 * benchmark's {@code @State} classes extend it and name only the variant.
 *
 * @param <C> the variant's client
 */
public abstract class ClientState<C extends AutoCloseable> {
    private final Duration latency;
    private final Function<String, C> open;
    /** The loopback server of the trial. */
    protected LoopbackServer server;
    /** The client of the trial. */
    public C client;

    /** @param open builds the variant's client for a base URL */
    protected ClientState(Function<String, C> open) {
        this(Duration.ZERO, open);
    }

    /**
     * @param latency how long the server takes to answer each request
     * @param open builds the variant's client for a base URL
     */
    protected ClientState(Duration latency, Function<String, C> open) {
        this.latency = latency;
        this.open = open;
    }

    /** Starts the server and the client. */
    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackServer.start(latency);
        client = open.apply(server.baseUrl());
    }

    /**
     * Closes the client and the server.
     *
     * @throws Exception when the client's close fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        server.close();
    }
}
