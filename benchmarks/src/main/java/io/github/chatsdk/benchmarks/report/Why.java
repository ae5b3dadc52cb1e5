package io.github.chatsdk.benchmarks.report;

import java.util.Map;

/**
 * Why a goal can be missed: the known, structural reasons, printed in the report under each goal
 * the run missed. Keep these in step with {@code docs/README-performance.md}.
 */
final class Why {
    static final Map<String, String> TEXT = Map.of(
            "latency", "**Latency (1 thread)**: TODO",
            "latency8", "**Time per call (8 threads)**: TODO",
            "allocation", "**Allocation**: TODO",
            "coldstart", "**Cold start**: TODO",
            "footprint", "**Footprint**: a client's runtime class path grew past 4 MiB or gained Jackson or a "
                    + "logging framework: check `mvn dependency:tree` of that module for the new dependency.");

    private Why() {
    }
}
