package io.github.chatsdk.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runtime class path a user of one module gets: the module's own jar plus every compile and
 * runtime dependency that is not optional and not reached only through an optional one. Read from
 * two files {@code benchmarks/run.sh} makes in the module's {@code target/}:
 * {@code runtime-deps.txt} ({@code mvn dependency:list} with absolute file names, for the paths)
 * and {@code runtime-tree.txt} ({@code mvn dependency:tree}, for what an optional dependency
 * drags in).
 */
public final class DependencyFiles {
    private DependencyFiles() {
    }

    /**
     * @param root the project root
     * @param module a module directory name, such as {@code brek-client}
     * @return the jars, the module's own first; empty when the files are missing
     */
    public static List<Path> runtimeClasspath(Path root, String module) throws IOException {
        return new ArrayList<>(runtimeArtifacts(root, module).values());
    }

    /**
     * @param root the project root
     * @param module a module directory name, such as {@code brek-client}
     * @return {@code groupId:artifactId} to jar, the module's own first (under the key
     *     {@code module}); empty when the files are missing
     */
    public static Map<String, Path> runtimeArtifacts(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        Path list = target.resolve("runtime-deps.txt");
        Path own = ownJar(target, module);
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.exists(list) || own == null) {
            return out;
        }
        out.put("module", own);
        Map<String, Path> paths = paths(list);
        for (String ga : reachable(target.resolve("runtime-tree.txt"), paths)) {
            Path p = paths.get(ga);
            if (p != null) {
                out.put(ga, p);
            }
        }
        return out;
    }

    /**
     * @param list a {@code dependency:list} output file with absolute paths
     * @return groupId:artifactId to file, for compile and runtime scope; optional ones marked by a
     *     "?" prefix on the key
     * @throws IOException when the list cannot be read
     */
    public static Map<String, Path> paths(Path list) throws IOException {
        Map<String, Path> m = new LinkedHashMap<>();
        for (String l : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String t = l.trim();
            int slash = t.indexOf(":/");
            if (slash < 0) {
                continue;
            }
            // group:artifact:type[:classifier]:version:scope:/absolute/path[ (optional)][ -- module ...]
            String coords = t.substring(0, slash);
            String[] c = coords.split(":");
            String scope = c[c.length - 1];
            if (!scope.equals("compile") && !scope.equals("runtime")) {
                continue;
            }
            String path = t.substring(slash + 1).split(" ")[0];
            String ga = c[0] + ":" + c[1];
            m.put(t.contains("(optional)") ? "?" + ga : ga, Paths.get(path));
        }
        return m;
    }

    /**
     * The dependencies in the tree that a user gets: not marked optional and not below an optional
     * one. Without a tree file, every non-optional entry of the list.
     */
    static List<String> reachable(Path tree, Map<String, Path> paths) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(tree)) {
            for (String ga : paths.keySet()) {
                if (!ga.startsWith("?")) {
                    out.add(ga);
                }
            }
            return out;
        }
        int skipBelow = -1; // depth of an optional node whose subtree is skipped
        boolean first = true;
        for (String l : Files.readAllLines(tree, StandardCharsets.UTF_8)) {
            if (l.isBlank()) {
                continue;
            }
            if (first) {
                first = false; // the module itself
                continue;
            }
            int start = 0;
            while (start < l.length() && "|+\\- ".indexOf(l.charAt(start)) >= 0) {
                start++;
            }
            int depth = start / 3;
            if (skipBelow >= 0 && depth > skipBelow) {
                continue;
            }
            skipBelow = -1;
            String node = l.substring(start);
            String[] c = node.split(" ")[0].split(":");
            String scope = c[c.length - 1];
            if (node.contains("(optional)") || !(scope.equals("compile") || scope.equals("runtime"))) {
                skipBelow = depth;
                continue;
            }
            out.add(c[0] + ":" + c[1]);
        }
        return out;
    }

    private static Path ownJar(Path target, String module) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(module + "-") && n.endsWith(".jar") && !n.endsWith("-sources.jar")
                        && !n.endsWith("-javadoc.jar") && !n.endsWith("-tests.jar");
            }).sorted().findFirst().orElse(null);
        }
    }
}
