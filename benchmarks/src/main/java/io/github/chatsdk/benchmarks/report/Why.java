package io.github.chatsdk.benchmarks.report;

import java.util.Map;

/**
 * Why a goal can be missed: the known, structural reasons, printed in the report under each goal
 * the run missed. Keep these in step with the README's Performance section.
 */
final class Why {
    static final Map<String, String> TEXT = Map.of(
            "latencyAsync", "**Async latency (1 thread).** Both async variants hand the call to OkHttp's dispatcher "
                    + "thread and wake the caller from it; the facade adds the same per-call work as the synchronous "
                    + "one (validation, the idempotency key, two interceptors, the body as a String, `ResponseMeta`) "
                    + "plus its completion stage. See the latency reason for how small the difference is on a real "
                    + "network.",
            "fanout", "**200 concurrent calls.** The burst opens up to 200 connections at once on a loopback "
                    + "server that starts a thread for each: on 2 shared cores, connecting and the server's thread "
                    + "start-up, not the client, bound the wall time; compare with the async floor's row, which pays "
                    + "the same. Reused connections (the pool keeps 256 idle by default) make later bursts cheaper.",
            "latency", "**Latency (1 thread).** Against a loopback server a call costs a few tens of "
                    + "microseconds, most of it two thread wake-ups and OkHttp's own work, so a few microseconds "
                    + "of client CPU are several percent. Per call the facade still does work the floor does "
                    + "not: it validates the event and generates its idempotency key, builds the request "
                    + "through the generated operation class (three parameter maps, header selection, the URL), "
                    + "copies it once to add User-Agent and the credential, goes through two more interceptors "
                    + "(per-call timeouts, same-origin redirects), reads the body into a String (kept for error "
                    + "reports) and parses it into a tree checked by the generated validation, and builds "
                    + "`ResponseMeta` with the rate-limit headers. On a real network (milliseconds per call) "
                    + "the difference is far below the noise. On a loaded machine the error bars of this run "
                    + "are wider than the gap: see the load and the calibration (the loopback round trip is "
                    + "the thread wake-up time) in the machine table, and the median-iteration ratio.",
            "latency8", "**Time per call (8 threads).** 8 client threads and the server's threads share 2 cores, "
                    + "so throughput is bound by CPU: every microsecond of client CPU per call shows, for the same "
                    + "reasons as the 1-thread latency.",
            "allocation", "**Allocation.** The facade allocates for the request it builds through the generated "
                    + "operation class (parameter maps, the body, one request copy per attempt) and for the "
                    + "response tree it parses; see the README's Performance section for what was removed.",
            "coldstart", "**Cold start.** The facade's first call loads and initializes more than the floor's: "
                    + "sdk-core, the facade, the generated operation class and `ApiClient` (about 150 more classes), "
                    + "the transport's interceptors and `System.Logger`. The generated `JSON` class (GsonFire and "
                    + "an adapter factory per model, formerly most of the gap) is no longer on this path. With the "
                    + "machine loaded, the spread of the floor's own runs (p25 to p75) is often as wide as the gap.",
            "footprint", "**Footprint.** A client's runtime class path grew past 4 MiB or gained Jackson or a "
                    + "logging framework: check `mvn dependency:tree` of that module for the new dependency.");

    private Why() {
    }
}
