package io.github.chatsdk.benchmarks;

import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.benchmarks.stock.helvia.ApiException;
import io.github.chatsdk.benchmarks.stock.helvia.model.EventResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Helvia {@code send} against the {@link LoopbackServer}: the hand-written floor, the
 * generated API, the facade. Each benchmark runs in its own fork and creates only its own client
 * (one per trial, shared by all benchmark threads, as an application would).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HelviaSendBenchmark {

    @State(Scope.Benchmark)
    public static class FloorState extends ClientState<HelviaVariants.Floor> {
        public FloorState() {
            super(HelviaVariants.Floor::new);
        }
    }

    @State(Scope.Benchmark)
    public static class GeneratedState extends ClientState<HelviaVariants.Generated> {
        public GeneratedState() {
            super(HelviaVariants.Generated::new);
        }
    }

    @State(Scope.Benchmark)
    public static class FacadeState extends ClientState<HelviaVariants.Facade> {
        public FacadeState() {
            super(HelviaVariants.Facade::new);
        }
    }

    /** (1) Hand-written OkHttp + Gson: the floor. */
    @Benchmark
    public HelviaVariants.FloorResponse floor(FloorState s) throws IOException {
        return s.client.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT);
    }

    /** (2) The generated EventsApi with a generated ApiClient. */
    @Benchmark
    public EventResponse generated(GeneratedState s) throws ApiException {
        return s.client.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT);
    }

    /** (3) The facade, synchronous. */
    @Benchmark
    public AgentReply facadeSync(FacadeState s) {
        return s.client.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT);
    }

    /** (4) The facade, async, joined: the caller waits as a synchronous caller would. */
    @Benchmark
    public AgentReply facadeAsync(FacadeState s) {
        return s.client.sendAsync(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).join();
    }

    @State(Scope.Benchmark)
    public static class AsyncFloorState extends ClientState<HelviaVariants.AsyncFloor> {
        public AsyncFloorState() {
            super(HelviaVariants.AsyncFloor::new);
        }
    }

    /** (1a) The async floor: hand-written OkHttp {@code enqueue} completing a future, joined like (4). */
    @Benchmark
    public HelviaVariants.FloorResponse floorAsync(AsyncFloorState s) {
        return s.client.sendAsync(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).join();
    }
}
