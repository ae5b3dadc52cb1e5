package io.github.chatsdk.benchmarks.coldstart;

import com.google.gson.GsonBuilder;
import io.github.chatsdk.benchmarks.LoopbackServer;
import io.github.chatsdk.benchmarks.report.DependencyFiles;
import java.io.File;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures cold start: for each (api, variant), {@code runs} fresh JVMs of {@link ColdStartMain},
 * each timed from process start (as seen by this parent) to the child's {@code done} line, i.e. to
 * its first completed call; process exit is not counted. The variants are interleaved round-robin
 * (with a rotating first variant) so that a burst of load on the machine hits them all alike; one
 * untimed round first warms the file cache. The loopback server runs in this parent.
 *
 * <p>Each child gets the class path a user of that variant would have: the benchmark classes plus,
 * for the floor, only OkHttp (with Okio and kotlin-stdlib) and Gson; for the generated API and the
 * facade, the client module's runtime class path ({@link DependencyFiles}).
 *
 * <p>Usage: {@code ColdStartRunner --root PROJECT_DIR --runs N --out FILE [--variants brek/floor,...]}
 */
public final class ColdStartRunner {
    /** Besides Okio and kotlin-stdlib, what a hand-written OkHttp + Gson call needs. */
    static final List<String> FLOOR_ARTIFACTS = List.of("com.squareup.okhttp3:okhttp-jvm", "com.squareup.okhttp3:okhttp", "org.jetbrains:annotations",
            "com.google.code.gson:gson", "com.google.errorprone:error_prone_annotations");
    static final List<String> DEFAULT_VARIANTS = List.of("brek/floor", "brek/generated", "brek/facade",
            "helvia/floor", "helvia/generated", "helvia/facade");

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        int runs = 10;
        Path out = null;
        List<String> variants = DEFAULT_VARIANTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root":
                    root = Paths.get(args[++i]);
                    break;
                case "--runs":
                    runs = Integer.parseInt(args[++i]);
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                case "--variants":
                    variants = List.of(args[++i].split(","));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (root == null || out == null) {
            throw new IllegalArgumentException("usage: --root PROJECT_DIR --runs N --out FILE [--variants a/b,...]");
        }
        Map<String, String> classpaths = new LinkedHashMap<>();
        for (String v : variants) {
            classpaths.put(v, classpath(root, v));
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> inMain = new LinkedHashMap<>();
        for (String v : variants) {
            wall.put(v, new ArrayList<>());
            inMain.put(v, new ArrayList<>());
        }
        try (LoopbackServer server = LoopbackServer.start()) {
            for (int round = 0; round <= runs; round++) {
                for (int k = 0; k < variants.size(); k++) {
                    String v = variants.get((k + round) % variants.size());
                    double[] m = once(java, classpaths.get(v), v, server.baseUrl());
                    if (round > 0) { // round 0 only warms the file cache
                        wall.get(v).add(m[0]);
                        inMain.get(v).add(m[1]);
                    }
                }
                System.out.print(round == 0 ? "cold start: warm-up round done" : " " + round);
                System.out.flush();
            }
            System.out.println();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", runs);
        json.put("java", java);
        json.put("javaVersion", System.getProperty("java.version"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (String v : variants) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("api", v.substring(0, v.indexOf('/')));
            r.put("variant", v.substring(v.indexOf('/') + 1));
            r.put("wallMillis", wall.get(v));
            r.put("inMainMillis", inMain.get(v));
            results.add(r);
            System.out.printf("  %-18s median %7.1f ms (in main %6.1f ms)%n", v, median(wall.get(v)),
                    median(inMain.get(v)));
        }
        json.put("results", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(json));
    }

    /** What a user of that variant has on the class path, plus the benchmark classes. */
    static String classpath(Path root, String variant) throws IOException {
        Path classes = root.resolve("benchmarks").resolve("target").resolve("classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no " + classes + ": build the benchmarks module first");
        }
        String api = variant.substring(0, variant.indexOf('/'));
        Map<String, Path> artifacts = DependencyFiles.runtimeArtifacts(root, api + "-client");
        if (artifacts.isEmpty()) {
            throw new IllegalStateException("no runtime-deps.txt / jar in " + api + "-client/target: run benchmarks/run.sh");
        }
        List<String> cp = new ArrayList<>();
        cp.add(classes.toString());
        boolean floor = variant.endsWith("/floor");
        for (Map.Entry<String, Path> a : artifacts.entrySet()) {
            String ga = a.getKey();
            if (!floor || FLOOR_ARTIFACTS.contains(ga) || ga.startsWith("org.jetbrains.kotlin:")
                    || ga.startsWith("com.squareup.okio:")) {
                cp.add(a.getValue().toString());
            }
        }
        if (variant.endsWith("/generated")) {
            // the stock generator output (benchmarks.stock) still needs gson-fire, which the clients dropped
            Path list = root.resolve("benchmarks").resolve("target").resolve("runtime-deps.txt");
            Path gsonFire = Files.exists(list) ? DependencyFiles.paths(list).get("io.gsonfire:gson-fire") : null;
            if (gsonFire == null) {
                throw new IllegalStateException("no gson-fire in " + list + ": run benchmarks/run.sh");
            }
            cp.add(gsonFire.toString());
        }
        return String.join(File.pathSeparator, cp);
    }

    /** One child process: {wall millis from start to its done line, millis it spent in main}. */
    private static double[] once(String java, String classpath, String variant, String baseUrl)
            throws IOException, InterruptedException {
        String[] parts = variant.split("/");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, ColdStartMain.class.getName(), parts[0],
                parts[1], baseUrl);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        Process p = pb.start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = r.readLine();
            long end = System.nanoTime();
            if (line == null || !line.startsWith("done ")) {
                throw new IllegalStateException(variant + ": unexpected output " + line);
            }
            String[] f = line.split(" ");
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(variant + ": did not exit");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(variant + ": exit status " + p.exitValue());
            }
            return new double[] {(end - start) / 1e6, Long.parseLong(f[1]) / 1e6};
        }
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
