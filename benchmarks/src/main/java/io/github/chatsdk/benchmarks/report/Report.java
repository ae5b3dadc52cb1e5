package io.github.chatsdk.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code benchmarks/results/latest.md} from what {@code benchmarks/run.sh} collected: the
 * two JMH result files (1-thread average time, 8-thread throughput, both with {@code -prof gc}),
 * the cold-start results, the machine description and the runtime dependency lists of the
 * published modules.
 *
 * <p>Usage: {@code Report --raw DIR --root PROJECT_DIR --out FILE}
 */
public final class Report {
    /** Facade sync latency may be at most this multiple of the floor's. */
    static final double LATENCY_GOAL = 1.05;
    /** Allocation per call may be at most this multiple of the floor's. */
    static final double ALLOCATION_GOAL = 1.25;
    /** Facade cold start may be at most this multiple of the floor's. */
    static final double COLD_START_GOAL = 1.2;
    /** 200 concurrent async calls against a 100 ms server may take at most this multiple of 100 ms. */
    static final double FANOUT_GOAL = 2.0;
    /** Runtime footprint of each client. */
    static final long FOOTPRINT_GOAL_BYTES = 4L * 1024 * 1024;
    static final List<String> PUBLISHED_MODULES = List.of("sdk-core", "brek-client", "helvia-client", "testkit");
    static final List<String> CLIENTS = List.of("brek-client", "helvia-client");
    static final List<String> VARIANTS = List.of("floor", "floorAsync", "generated", "facadeSync", "facadeAsync");
    static final Map<String, String> VARIANT_NAMES = Map.of(
            "floor", "(1) hand-written OkHttp + Gson (floor)",
            "floorAsync", "(1a) hand-written OkHttp `enqueue` + `CompletableFuture` (async floor)",
            "generated", "(2) generated `EventsApi` + `ApiClient`",
            "facadeSync", "(3) facade, synchronous",
            "facadeAsync", "(4) facade, async");
    /** The fan-out benchmark's variants, per API: the async floor and the facade. */
    static final Map<String, String> FANOUT_APIS = new LinkedHashMap<>();

    static {
        FANOUT_APIS.put("brek", "Brek `send event`");
        FANOUT_APIS.put("helvia", "Helvia `send`");
    }
    static final Map<String, String> APIS = new LinkedHashMap<>();

    static {
        APIS.put("BrekSendEventBenchmark", "Brek `send event` (POST /api/partner/v1/core-chat/events)");
        APIS.put("HelviaSendBenchmark", "Helvia `send` (POST /api/events)");
    }

    /** Where {@link #line(String)} writes: the sections first (they collect the goals), then the head. */
    private StringBuilder md = new StringBuilder();
    private final List<String[]> goals = new ArrayList<>();

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path raw = null;
        Path root = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--raw":
                    raw = Paths.get(args[++i]);
                    break;
                case "--root":
                    root = Paths.get(args[++i]);
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (raw == null || root == null || out == null) {
            throw new IllegalArgumentException("usage: Report --raw DIR --root PROJECT_DIR --out FILE");
        }
        String text = render(raw, root);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** The whole report as Markdown. */
    public static String render(Path raw, Path root) throws IOException {
        return new Report().build(raw, root);
    }

    private String build(Path raw, Path root) throws IOException {
        Map<String, String> machine = readMachine(raw.resolve("machine.txt"));
        List<Result> avgt = readJmh(raw.resolve("jmh-avgt.json"));
        List<Result> thrpt = readJmh(raw.resolve("jmh-thrpt.json"));
        List<Result> fanout = readJmh(raw.resolve("jmh-fanout.json"));
        JsonObject cold = Files.exists(raw.resolve("coldstart.json"))
                ? JsonParser.parseString(Files.readString(raw.resolve("coldstart.json"))).getAsJsonObject() : null;
        List<Footprint> footprints = new ArrayList<>();
        for (String module : PUBLISHED_MODULES) {
            footprints.add(Footprint.of(root, module));
        }

        StringBuilder body = md;
        jmhSection(avgt, "1 thread, average time per call (lower is better)", true);
        jmhSection(thrpt, "8 threads, throughput (higher is better)", false);
        fanoutSection(fanout);
        listenerSection(avgt);
        coldSection(cold);
        footprintSection(footprints);
        md = new StringBuilder();

        line("# chatsdk benchmarks: latest results");
        line("");
        line("Written by `benchmarks/run.sh` from one real run; rerun it to regenerate this file (see "
                + "[README: Performance](../../README.md#performance)). Every variant calls the same "
                + "in-process loopback HTTP/1.1 server (keep-alive, fixed bytes: the specs' example bodies), so "
                + "the numbers are the client's cost, not a network's.");
        line("");
        machineSection(machine);
        line("## Goals");
        line("");
        line("| goal | target | measured | verdict |");
        line("|---|---|---|---|");
        for (String[] g : goals) {
            line("| " + String.join(" | ", g) + " |");
        }
        line("");
        whySection();
        md.append(body);
        line("## How to read this");
        line("");
        line("- *score ± error*: JMH's mean and its 99.9% confidence half-width over the measurement "
                + "iterations of one fork. With few iterations on a shared machine the error is wide; compare "
                + "ratios, not absolute numbers, across machines.");
        line("- *time ratio*: the variant's time per call over the floor's (for throughput: floor "
                + "throughput over the variant's), with the propagated error; the goals use it.");
        line("- *median iteration*: the median of the measurement iterations and its ratio to the floor's, "
                + "less swayed than the mean by a burst of load from other processes.");
        line("- *B/op*: `gc.alloc.rate.norm` from `-prof gc`, bytes allocated per call by the whole JVM "
                + "(the loopback server allocates nothing per request, so it is the client's).");
        line("- *verdict*: \"met\" or \"missed by N%\"; \"(within error)\" when the target lies inside the "
                + "measured ratio's error, i.e. this run cannot tell.");
        line("- *Calibration* (machine table): a fixed CPU loop and a 1-byte loopback TCP ping-pong between two "
                + "threads. A loopback call of the benchmarks needs two thread wake-ups like the ping-pong's; when "
                + "the ping-pong's median is far above its best, wake-ups are slow and irregular (cores shared with "
                + "other work) and the latency scores carry that noise, which the allocation figures do not.");
        line("");
        return md.toString();
    }

    // ---------------------------------------------------------------- machine

    private static Map<String, String> readMachine(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                m.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
            }
        }
        return m;
    }

    private void machineSection(Map<String, String> machine) {
        line("## Machine");
        line("");
        line("| | |");
        line("|---|---|");
        for (Map.Entry<String, String> e : machine.entrySet()) {
            line("| " + e.getKey() + " | " + e.getValue().replace("|", "\\|") + " |");
        }
        line("");
    }

    // ---------------------------------------------------------------- JMH

    /** One JMH benchmark result. */
    static final class Result {
        String api;
        String variant;
        String mode;
        int threads;
        double score;
        double error;
        /** The median of the measurement iterations: less swayed than the mean by a burst of load. */
        double median = Double.NaN;
        String unit;
        double alloc = Double.NaN;
        double allocError = Double.NaN;
    }

    static List<Result> readJmh(Path file) throws IOException {
        List<Result> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonArray all = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        for (JsonElement e : all) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("benchmark").getAsString();
            String[] parts = name.split("\\.");
            Result r = new Result();
            r.api = parts[parts.length - 2];
            r.variant = parts[parts.length - 1];
            r.mode = o.get("mode").getAsString();
            r.threads = o.get("threads").getAsInt();
            JsonObject pm = o.getAsJsonObject("primaryMetric");
            r.score = pm.get("score").getAsDouble();
            r.error = number(pm.get("scoreError"));
            r.unit = pm.get("scoreUnit").getAsString();
            if (pm.has("rawData")) {
                List<Double> iterations = new ArrayList<>();
                for (JsonElement fork : pm.getAsJsonArray("rawData")) {
                    for (JsonElement it : fork.getAsJsonArray()) {
                        iterations.add(number(it));
                    }
                }
                r.median = median(iterations);
            }
            JsonObject sm = o.getAsJsonObject("secondaryMetrics");
            if (sm != null && sm.has("gc.alloc.rate.norm")) {
                JsonObject a = sm.getAsJsonObject("gc.alloc.rate.norm");
                r.alloc = a.get("score").getAsDouble();
                r.allocError = number(a.get("scoreError"));
            }
            out.add(r);
        }
        return out;
    }

    /** JMH writes "NaN" for the error of a single iteration. */
    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        try {
            return e.getAsDouble();
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static Result find(List<Result> results, String api, String variant) {
        for (Result r : results) {
            if (r.api.equals(api) && r.variant.equals(variant)) {
                return r;
            }
        }
        return null;
    }

    private void jmhSection(List<Result> results, String title, boolean averageTime) {
        for (Map.Entry<String, String> api : APIS.entrySet()) {
            line("## " + api.getValue() + ": " + title);
            line("");
            if (results.isEmpty()) {
                line("_No results (the JMH run did not produce this file)._");
                line("");
                continue;
            }
            Result floor = find(results, api.getKey(), "floor");
            int threads = floor != null ? floor.threads : 0;
            line("Threads: " + threads + ". Mode: " + (averageTime ? "average time" : "throughput") + ".");
            line("");
            line("| variant | score ± error | time ratio to floor | median iteration (ratio) | alloc B/op "
                    + "| alloc ratio to floor |");
            line("|---|---|---|---|---|---|");
            for (String variant : VARIANTS) {
                Result r = find(results, api.getKey(), variant);
                if (r == null) {
                    if ("facadeAsync".equals(variant)) {
                        line("| " + VARIANT_NAMES.get(variant) + " | TODO: not measured, `brek.async()` / "
                                + "`helvia.async()` are not on main yet | | | | |");
                    }
                    continue;
                }
                double[] ratio = floor == null ? null : timeRatio(r, floor, averageTime);
                double[] allocRatio = floor == null ? null : ratio(r.alloc, r.allocError, floor.alloc, floor.allocError);
                boolean isFloor = "floor".equals(variant);
                double medianRatio = floor == null || Double.isNaN(r.median) ? Double.NaN
                        : averageTime ? r.median / floor.median : floor.median / r.median;
                line("| " + VARIANT_NAMES.getOrDefault(variant, variant) + " | " + fmt(r.score) + " ± "
                        + fmt(r.error) + " " + r.unit + " | " + (isFloor ? "1 (floor)" : fmtRatio(ratio)) + " | "
                        + fmt(r.median) + (isFloor || Double.isNaN(medianRatio) ? ""
                                : String.format(Locale.ROOT, " (%.2f×)", medianRatio)) + " | "
                        + fmtBytes(r.alloc, r.allocError) + " | " + (isFloor ? "1 (floor)" : fmtRatio(allocRatio)) + " |");
                Result asyncFloor = find(results, api.getKey(), "floorAsync");
                if ("facadeAsync".equals(variant) && averageTime && asyncFloor != null) {
                    String shortApi = api.getKey().startsWith("Brek") ? "Brek" : "Helvia";
                    goal(shortApi + " facade async latency vs async floor (1 thread)", "≤ " + LATENCY_GOAL + "×",
                            timeRatio(r, asyncFloor, true), LATENCY_GOAL, "latencyAsync");
                }
                if ("facadeSync".equals(variant) && ratio != null) {
                    String shortApi = api.getKey().startsWith("Brek") ? "Brek" : "Helvia";
                    if (averageTime) {
                        goal(shortApi + " facade sync latency vs floor (1 thread)", "≤ " + LATENCY_GOAL + "×", ratio,
                                LATENCY_GOAL, "latency");
                        goal(shortApi + " facade sync allocation per call vs floor (1 thread)",
                                "≤ " + ALLOCATION_GOAL + "×", allocRatio, ALLOCATION_GOAL, "allocation");
                    } else {
                        goal(shortApi + " facade sync time per call vs floor (8 threads, informative)",
                                "≤ " + LATENCY_GOAL + "×", ratio, LATENCY_GOAL, "latency8");
                    }
                }
            }
            line("");
        }
    }

    /** {ratio, error} of the time per call; for throughput, time is 1/score. */
    private static double[] timeRatio(Result r, Result floor, boolean averageTime) {
        return averageTime ? ratio(r.score, r.error, floor.score, floor.error)
                : ratio(floor.score, floor.error, r.score, r.error);
    }

    /** a/b with the relative errors added in quadrature. */
    static double[] ratio(double a, double ea, double b, double eb) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return null;
        }
        double q = a / b;
        double ra = Double.isNaN(ea) || a == 0 ? 0 : ea / a;
        double rb = Double.isNaN(eb) ? 0 : eb / b;
        return new double[] {q, q * Math.sqrt(ra * ra + rb * rb)};
    }

    private final Map<String, Double> missed = new LinkedHashMap<>();

    private void goal(String what, String target, double[] ratio, double limit, String kind) {
        if (ratio == null) {
            goals.add(new String[] {what, target, "n/a", "not measured"});
            return;
        }
        String verdict;
        if (ratio[0] <= limit) {
            verdict = "met";
        } else {
            verdict = String.format(Locale.ROOT, "**missed by %.1f%%**", (ratio[0] / limit - 1) * 100);
            missed.merge(kind, ratio[0] / limit - 1, Math::max);
        }
        if (Math.abs(ratio[0] - limit) <= ratio[1]) {
            verdict += " (within error)";
        }
        goals.add(new String[] {what, target, fmtRatio(ratio), verdict});
    }

    // ---------------------------------------------------------------- fan-out

    private void fanoutSection(List<Result> results) {
        line("## 200 concurrent async calls, server latency 100 ms: wall time per burst (lower is better)");
        line("");
        line("One client sends 200 asynchronous calls at once to a loopback server that answers each after "
                + "100 ms, then waits for all 200: the ideal is 100 ms. The facade runs with its default settings; "
                + "the async floor is a hand-written OkHttp `enqueue` with its dispatcher and connection pool "
                + "raised to the facade's defaults (256; with OkHttp's own 5 per host, 200 calls take 40 rounds: "
                + "about 4 s). One benchmark thread.");
        line("");
        if (results.isEmpty()) {
            line("_No results (the JMH run did not produce this file)._");
            line("");
            return;
        }
        line("| API | variant | score ± error | median iteration | ratio to the ideal (100 ms) | ratio to the async floor |");
        line("|---|---|---|---|---|---|");
        double ideal = 100;
        for (Map.Entry<String, String> api : FANOUT_APIS.entrySet()) {
            Result floor = find(results, "FanOutBenchmark", api.getKey() + "FloorAsync");
            Result facade = find(results, "FanOutBenchmark", api.getKey() + "FacadeAsync");
            for (Result r : new Result[] {floor, facade}) {
                if (r == null) {
                    continue;
                }
                boolean isFloor = r == floor;
                double[] toIdeal = {r.score / ideal, Double.isNaN(r.error) ? 0 : r.error / ideal};
                double[] toFloor = floor == null || isFloor ? null : ratio(r.score, r.error, floor.score, floor.error);
                line("| " + api.getValue() + " | " + (isFloor ? "async floor (dispatcher and pool 256)" : "facade, async, defaults")
                        + " | " + fmt(r.score) + " ± " + fmt(r.error) + " " + r.unit + " | " + fmt(r.median) + " | "
                        + fmtRatio(toIdeal) + " | " + (isFloor ? "1 (floor)" : fmtRatio(toFloor)) + " |");
                if (!isFloor) {
                    goal((api.getKey().equals("brek") ? "Brek" : "Helvia")
                            + " 200 concurrent async calls, 100 ms server, default settings, vs the ideal 100 ms",
                            "≤ " + FANOUT_GOAL + "×", toIdeal, FANOUT_GOAL, "fanout");
                }
            }
        }
        line("");
    }

    // ---------------------------------------------------------------- listener overhead

    private void listenerSection(List<Result> results) {
        line("## Observability: the facade with and without chatsdk-opentelemetry (1 thread, average time)");
        line("");
        line("`ListenerOverheadBenchmark`: Brek `send event` through the facade with no listener, with "
                + "`ChatSdkTelemetry` on `OpenTelemetry.noop()`, and on the real OpenTelemetry SDK (batch span "
                + "processor, periodic metric reader, exporters that discard), beside the hand-written floor; then "
                + "the listener alone, without HTTP: the events of one call (a call span, an attempt span, "
                + "propagation, three measurements) delivered to `ChatSdkTelemetry` directly.");
        line("");
        Result floor = find(results, "ListenerOverheadBenchmark", "floor");
        Result none = find(results, "ListenerOverheadBenchmark", "noListener");
        if (floor == null || none == null) {
            line("_No results (the JMH run did not produce them)._");
            line("");
            return;
        }
        line("| variant | score ± error | median iteration | time ratio to floor | time ratio to no listener | alloc B/op |");
        line("|---|---|---|---|---|---|");
        String[][] rows = {
            {"floor", "(1) hand-written OkHttp + Gson (floor)"},
            {"noListener", "(2) facade, no listener"},
            {"otelNoop", "(3) facade + `ChatSdkTelemetry` on `OpenTelemetry.noop()`"},
            {"otelSdk", "(4) facade + `ChatSdkTelemetry` on the real SDK"},
        };
        for (String[] row : rows) {
            Result r = find(results, "ListenerOverheadBenchmark", row[0]);
            if (r == null) {
                continue;
            }
            double[] toFloor = ratio(r.score, r.error, floor.score, floor.error);
            double[] toNone = ratio(r.score, r.error, none.score, none.error);
            line("| " + row[1] + " | " + fmt(r.score) + " ± " + fmt(r.error) + " " + r.unit + " | " + fmt(r.median)
                    + " | " + (r == floor ? "1 (floor)" : fmtRatio(toFloor)) + " | "
                    + (r == floor ? "–" : r == none ? "1" : fmtRatio(toNone)) + " | " + fmtBytes(r.alloc, r.allocError)
                    + " |");
        }
        for (String[] row : new String[][] {{"eventsNoop", "listener alone, on `OpenTelemetry.noop()`"},
                {"eventsSdk", "listener alone, on the real SDK"}}) {
            Result r = find(results, "ListenerOverheadBenchmark", row[0]);
            if (r != null) {
                line("| " + row[1] + " | " + fmt(r.score) + " ± " + fmt(r.error) + " " + r.unit + " | " + fmt(r.median)
                        + " | – | – | " + fmtBytes(r.alloc, r.allocError) + " |");
            }
        }
        line("");
    }

    // ---------------------------------------------------------------- cold start

    private void coldSection(JsonObject cold) {
        line("## Cold start: JVM start to the first completed call");
        line("");
        if (cold == null) {
            line("_No results._");
            line("");
            return;
        }
        int runs = cold.get("runs").getAsInt();
        line("A fresh `java -cp …` process per run (" + runs + " runs per variant, interleaved, after one untimed "
                + "warm-up round), timed by the parent from process start to the child's line saying its first "
                + "call completed (exit not counted). *In main*: the part spent in `main` (client construction, "
                + "class loading and the call), without JVM boot.");
        line("");
        line("| API | variant | median ms | min–max ms | p25–p75 ms | ratio to floor (median) | in main, median ms |");
        line("|---|---|---|---|---|---|---|");
        Map<String, Double> floors = new LinkedHashMap<>();
        for (JsonElement e : cold.getAsJsonArray("results")) {
            JsonObject o = e.getAsJsonObject();
            if ("floor".equals(o.get("variant").getAsString())) {
                floors.put(o.get("api").getAsString(), median(values(o.getAsJsonArray("wallMillis"))));
            }
        }
        for (JsonElement e : cold.getAsJsonArray("results")) {
            JsonObject o = e.getAsJsonObject();
            String api = o.get("api").getAsString();
            String variant = o.get("variant").getAsString();
            List<Double> wall = values(o.getAsJsonArray("wallMillis"));
            List<Double> inMain = values(o.getAsJsonArray("inMainMillis"));
            double med = median(wall);
            Double floor = floors.get(api);
            double[] ratio = floor == null ? null : new double[] {med / floor, 0};
            line("| " + api + " | " + variant + " | " + fmt(med) + " | " + fmt(min(wall)) + "–" + fmt(max(wall))
                    + " | " + fmt(percentile(wall, 25)) + "–" + fmt(percentile(wall, 75)) + " | "
                    + (ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio[0])) + " | " + fmt(median(inMain))
                    + " |");
            if ("facade".equals(variant) && ratio != null) {
                // the spread of the floor's runs is the noise this run can resolve
                List<Double> floorWall = null;
                for (JsonElement f : cold.getAsJsonArray("results")) {
                    JsonObject fo = f.getAsJsonObject();
                    if (fo.get("api").getAsString().equals(api) && "floor".equals(fo.get("variant").getAsString())) {
                        floorWall = values(fo.getAsJsonArray("wallMillis"));
                    }
                }
                double iqr = floorWall == null ? 0 : (percentile(floorWall, 75) - percentile(floorWall, 25)) / floor;
                ratio[1] = iqr;
                String title = (api.equals("brek") ? "Brek" : "Helvia") + " facade cold start vs floor (median)";
                goal(title, "≤ " + COLD_START_GOAL + "×", ratio, COLD_START_GOAL, "coldstart");
            }
        }
        line("");
    }

    private static List<Double> values(JsonArray a) {
        List<Double> l = new ArrayList<>();
        for (JsonElement e : a) {
            l.add(e.getAsDouble());
        }
        return l;
    }

    static double median(List<Double> v) {
        return percentile(v, 50);
    }

    static double percentile(List<Double> v, double p) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        double pos = p / 100 * (s.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (pos - lo);
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    // ---------------------------------------------------------------- footprint

    /** The runtime class path a user of one published module gets: its jar and its non-optional runtime dependencies. */
    static final class Footprint {
        final String module;
        final List<String> jars = new ArrayList<>();
        long bytes;
        final List<String> forbidden = new ArrayList<>();
        boolean resolved;

        private Footprint(String module) {
            this.module = module;
        }

        static Footprint of(Path root, String module) throws IOException {
            Footprint f = new Footprint(module);
            List<Path> jars = DependencyFiles.runtimeClasspath(root, module);
            f.resolved = !jars.isEmpty();
            for (Path jar : jars) {
                f.add(jar);
            }
            return f;
        }

        private void add(Path jar) throws IOException {
            String name = jar.getFileName().toString();
            jars.add(name);
            bytes += Files.size(jar);
            String n = name.toLowerCase(Locale.ROOT);
            for (String bad : new String[] {"jackson", "slf4j", "log4j", "logback", "commons-logging", "jboss-logging",
                    "tinylog", "flogger"}) {
                if (n.contains(bad)) {
                    forbidden.add(name);
                }
            }
        }
    }

    private void footprintSection(List<Footprint> footprints) {
        line("## Runtime dependency footprint of the published modules");
        line("");
        line("What a user's runtime class path gains from each module: the module's own jar plus its compile "
                + "and runtime dependencies, leaving out optional ones and what only they bring "
                + "(`mvn dependency:list` and `dependency:tree` on the reactor-built jars).");
        line("");
        line("| module | jars | total size | Jackson or logging framework | jars |");
        line("|---|---|---|---|---|");
        for (Footprint f : footprints) {
            if (!f.resolved) {
                line("| " + f.module + " | n/a | n/a | n/a | not resolved |");
                continue;
            }
            line("| " + f.module + " | " + f.jars.size() + " | " + fmtMiB(f.bytes) + " | "
                    + (f.forbidden.isEmpty() ? "none" : "**" + String.join(", ", f.forbidden) + "**") + " | "
                    + String.join(", ", f.jars) + " |");
            if (CLIENTS.contains(f.module)) {
                boolean ok = f.bytes <= FOOTPRINT_GOAL_BYTES && f.forbidden.isEmpty();
                String verdict = ok ? "met" : String.format(Locale.ROOT, "**missed** (%s%s)",
                        f.bytes > FOOTPRINT_GOAL_BYTES ? "by " + String.format(Locale.ROOT, "%.1f%%",
                                (f.bytes / (double) FOOTPRINT_GOAL_BYTES - 1) * 100) : "",
                        f.forbidden.isEmpty() ? "" : " has " + String.join(", ", f.forbidden));
                if (!ok) {
                    missed.put("footprint", 1.0);
                }
                goals.add(new String[] {f.module + " runtime footprint", "≤ 4 MiB, no Jackson, no logging framework",
                        fmtMiB(f.bytes) + " in " + f.jars.size() + " jars", verdict});
            }
        }
        line("");
    }

    // ---------------------------------------------------------------- why

    private void whySection() {
        if (missed.isEmpty()) {
            return;
        }
        line("## Why goals are missed");
        line("");
        for (String kind : missed.keySet()) {
            String why = Why.TEXT.get(kind);
            if (why != null) {
                line("- " + why);
            }
        }
        line("");
    }

    // ---------------------------------------------------------------- formatting

    private void line(String s) {
        md.append(s).append('\n');
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmtRatio(double[] r) {
        if (r == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f× ± %.2f", r[0], r[1]);
    }

    static String fmtBytes(double v, double err) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.0f", v) + (Double.isNaN(err) ? "" : String.format(Locale.ROOT,
                " ± %,.0f", err));
    }

    static String fmtMiB(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
