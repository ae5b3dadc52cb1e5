package io.github.chatsdk.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@value #CALLS} asynchronous calls at once through one client, against a {@link LoopbackServer}
 * that takes {@link #LATENCY} (100 ms) to answer each: one operation is the wall time from the
 * first call to the last answer, so the ideal is 100 ms. The facade runs with its default settings
 * (256 calls in flight, per host too; up to 256 idle connections kept); the async floor is a
 * hand-written OkHttp {@code enqueue} with its dispatcher and pool raised to the same 256 (with
 * OkHttp's own default of 5 per host, 200 calls take 40 rounds of 100 ms). One benchmark thread: the
 * concurrency is the calls'. Run by {@code benchmarks/run.sh} on its own (it is excluded from the
 * latency and throughput runs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class FanOutBenchmark {
    /** Calls sent at once per operation. */
    public static final int CALLS = 200;
    /** How long the server takes to answer each call. */
    public static final Duration LATENCY = Duration.ofMillis(100);
    /** The dispatcher limit and idle pool of the async floor: the facade's defaults. */
    static final int FLOOR_MAX_REQUESTS = 256;

    @State(Scope.Benchmark)
    public static class BrekFloor extends ClientState<BrekVariants.AsyncFloor> {
        public BrekFloor() {
            super(LATENCY, url -> new BrekVariants.AsyncFloor(url, FLOOR_MAX_REQUESTS));
        }
    }

    @State(Scope.Benchmark)
    public static class BrekFacade extends ClientState<BrekVariants.Facade> {
        public BrekFacade() {
            super(LATENCY, BrekVariants.Facade::new);
        }
    }

    @State(Scope.Benchmark)
    public static class HelviaFloor extends ClientState<HelviaVariants.AsyncFloor> {
        public HelviaFloor() {
            super(LATENCY, url -> new HelviaVariants.AsyncFloor(url, FLOOR_MAX_REQUESTS));
        }
    }

    @State(Scope.Benchmark)
    public static class HelviaFacade extends ClientState<HelviaVariants.Facade> {
        public HelviaFacade() {
            super(LATENCY, HelviaVariants.Facade::new);
        }
    }

    /** Sends {@value #CALLS} calls at once, then waits for all of them. */
    private static int burst(Supplier<CompletableFuture<?>> call) {
        CompletableFuture<?>[] calls = new CompletableFuture<?>[CALLS];
        for (int i = 0; i < CALLS; i++) {
            calls[i] = call.get();
        }
        CompletableFuture.allOf(calls).join();
        return calls.length;
    }

    /** Brek send event, the async floor: {@value #CALLS} {@code enqueue}s, then all their futures. */
    @Benchmark
    public int brekFloorAsync(BrekFloor s) {
        return burst(() -> s.client.sendTextAsync(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT));
    }

    /** Brek send event, the facade: {@value #CALLS} {@code brek.async().events().sendText(...)}, then all. */
    @Benchmark
    public int brekFacadeAsync(BrekFacade s) {
        return burst(() -> s.client.sendTextAsync(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT));
    }

    /** Helvia send, the async floor. */
    @Benchmark
    public int helviaFloorAsync(HelviaFloor s) {
        return burst(() -> s.client.sendAsync(HelviaVariants.SENDER_ID, HelviaVariants.TEXT));
    }

    /** Helvia send, the facade: {@value #CALLS} {@code helvia.async()} sends, then all. */
    @Benchmark
    public int helviaFacadeAsync(HelviaFacade s) {
        return burst(() -> s.client.sendAsync(HelviaVariants.SENDER_ID, HelviaVariants.TEXT));
    }
}
