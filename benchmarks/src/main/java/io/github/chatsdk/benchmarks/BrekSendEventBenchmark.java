package io.github.chatsdk.benchmarks;

import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.benchmarks.stock.brek.ApiException;
import io.github.chatsdk.benchmarks.stock.brek.model.SendEventResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Brek {@code send event} against the {@link LoopbackServer}: the hand-written floor, the
 * generated API, the facade. Each benchmark runs in its own fork and creates only its own client
 * (one per trial, shared by all benchmark threads, as an application would).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BrekSendEventBenchmark {

    @State(Scope.Benchmark)
    public static class FloorState extends ClientState<BrekVariants.Floor> {
        public FloorState() {
            super(BrekVariants.Floor::new);
        }
    }

    @State(Scope.Benchmark)
    public static class GeneratedState extends ClientState<BrekVariants.Generated> {
        public GeneratedState() {
            super(BrekVariants.Generated::new);
        }
    }

    @State(Scope.Benchmark)
    public static class FacadeState extends ClientState<BrekVariants.Facade> {
        public FacadeState() {
            super(BrekVariants.Facade::new);
        }
    }

    /** (1) Hand-written OkHttp + Gson: the floor. */
    @Benchmark
    public BrekVariants.FloorResponse floor(FloorState s) throws IOException {
        return s.client.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }

    /** (2) The generated EventsApi with a generated ApiClient. */
    @Benchmark
    public SendEventResponse generated(GeneratedState s) throws ApiException {
        return s.client.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }

    /** (3) The facade, synchronous. */
    @Benchmark
    public EventResult facadeSync(FacadeState s) {
        return s.client.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
    }

    /** (4) The facade, async, joined: the caller waits as a synchronous caller would. */
    @Benchmark
    public EventResult facadeAsync(FacadeState s) {
        return s.client.sendTextAsync(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT).join();
    }

    @State(Scope.Benchmark)
    public static class AsyncFloorState extends ClientState<BrekVariants.AsyncFloor> {
        public AsyncFloorState() {
            super(BrekVariants.AsyncFloor::new);
        }
    }

    /** (1a) The async floor: hand-written OkHttp {@code enqueue} completing a future, joined like (4). */
    @Benchmark
    public BrekVariants.FloorResponse floorAsync(AsyncFloorState s) {
        return s.client.sendTextAsync(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT).join();
    }
}
