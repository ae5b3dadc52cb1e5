package io.github.chatsdk.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What we publish, checked from the outside. The published modules are deployed twice, from two
 * copies of the sources, to file repositories under {@code target/}: what lands there is what a
 * release publishes. Each jar has its sources, Javadoc and CycloneDX SBOM beside it, each SBOM
 * lists what a user's build (this module's) resolves, and the two repositories are byte-identical.
 */
class PublishedArtifactsIT {
    private static final Set<String> NOT_SHIPPED_GROUPS = Set.of(
            "org.junit.jupiter", "org.junit.platform", "junit", "org.hamcrest", "org.opentest4j",
            "jakarta.annotation", "com.atlassian.oai", "org.yaml");
    private static final Set<String> NOT_SHIPPED_ARTIFACTS = Set.of("mockwebserver", "mockwebserver3", "okhttp-tls", "internal-test-support");
    private static final Pattern SNAPSHOT_STAMP = Pattern.compile("-\\d{8}\\.\\d{6}-\\d+");

    private static final Path ROOT = Paths.get(property("chatsdk.root"));
    private static final String VERSION = property("chatsdk.version");
    private static final List<String> MODULES = Arrays.asList(property("chatsdk.published.modules").split(","));
    /** Published as poms only. */
    private static final List<String> POM_MODULES = List.of("chatsdk-parent", "chatsdk-bom");

    /** What each module's users must find in its SBOM, beyond the module itself. */
    private static final Map<String, List<String>> REQUIRED_COMPONENTS = Map.of(
            "sdk-core", List.of("com.squareup.okhttp3:okhttp-jvm", "com.google.code.gson:gson", "org.jspecify:jspecify"),
            "brek-client", List.of("io.github.chatsdk:sdk-core", "com.squareup.okhttp3:okhttp-jvm",
                    "com.squareup.okio:okio-jvm", "org.jetbrains.kotlin:kotlin-stdlib", "com.google.code.gson:gson",
                    "org.jspecify:jspecify"),
            "helvia-client", List.of("io.github.chatsdk:sdk-core", "com.squareup.okhttp3:okhttp-jvm",
                    "com.google.code.gson:gson", "org.jspecify:jspecify"),
            "testkit", List.of("com.google.code.gson:gson", "org.jspecify:jspecify"),
            "chatsdk-opentelemetry", List.of("io.github.chatsdk:sdk-core", "io.opentelemetry:opentelemetry-api"),
            "chatsdk-ratelimit-bucket4j", List.of("io.github.chatsdk:sdk-core", "com.bucket4j:bucket4j_jdk17-core"));

    /** Published files of each build: artifactId to (file name with the snapshot stamp as SNAPSHOT, path). */
    private static Map<String, Map<String, Path>> first;
    private static Map<String, Map<String, Path>> second;

    @BeforeAll
    static void deployThePublishedModulesTwiceFromTwoCopiesOfTheSources() throws Exception {
        Path work = Paths.get(property("chatsdk.work.dir"));
        deleteTree(work);
        // two copies at paths of different lengths: nothing of the build directory may leak into a jar
        Path a = copySources(work.resolve("a").resolve("chatsdk"));
        Path b = copySources(work.resolve("second-build").resolve("chatsdk"));
        long start = System.nanoTime();
        Process pa = startBuild(a, work.resolve("a-repo"), work.resolve("a.log"));
        Process pb = startBuild(b, work.resolve("second-build-repo"), work.resolve("second-build.log"));
        awaitBuild(pa, work.resolve("a.log"));
        awaitBuild(pb, work.resolve("second-build.log"));
        System.out.printf("[publishing-check] two builds of %s in %.1f s (in parallel)%n", MODULES,
                (System.nanoTime() - start) / 1e9);
        first = published(work.resolve("a-repo"));
        second = published(work.resolve("second-build-repo"));
    }

    @Test
    void exactlyThePublishedModulesAreDeployedEachJarWithSourcesJavadocAndItsSbom() {
        Set<String> expectedModules = new TreeSet<>(MODULES);
        expectedModules.addAll(POM_MODULES);
        assertEquals(expectedModules, first.keySet(), "modules a release publishes");
        for (String module : MODULES) {
            String base = module + "-" + VERSION;
            assertEquals(new TreeSet<>(List.of(base + ".pom", base + ".jar", base + "-sources.jar",
                            base + "-javadoc.jar", base + "-cyclonedx.json")),
                    first.get(module).keySet(), "files published for " + module);
        }
        for (String module : POM_MODULES) {
            assertEquals(Set.of(module + "-" + VERSION + ".pom"), first.get(module).keySet(), "files published for " + module);
        }
    }

    @Test
    void eachSbomListsWhatAUsersBuildResolvesAndNothingOnlyOurBuildUses() throws IOException {
        String userClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String module : MODULES) {
            Path path = first.get(module).get(module + "-" + VERSION + "-cyclonedx.json");
            assertTrue(path != null, "no SBOM published for " + module);
            JsonObject bom = readJson(path);
            assertEquals("CycloneDX", bom.get("bomFormat").getAsString(), module);
            assertEquals("pkg:maven/io.github.chatsdk/" + module + "@" + VERSION + "?type=jar",
                    bom.getAsJsonObject("metadata").getAsJsonObject("component").get("purl").getAsString(), module);

            Set<String> received = receivedByUsers(bom);
            Map<String, String> components = new LinkedHashMap<>();
            for (JsonElement e : bom.getAsJsonArray("components")) {
                JsonObject c = e.getAsJsonObject();
                String group = c.get("group").getAsString();
                String name = c.get("name").getAsString();
                String version = c.get("version").getAsString();
                components.put(group + ":" + name, version);
                JsonArray hashes = c.getAsJsonArray("hashes");
                assertTrue(hashes != null && hashes.size() > 0, module + "'s SBOM has no hash for " + group + ":" + name);
                if (!received.contains(c.get("bom-ref").getAsString())) {
                    continue; // behind an optional dependency (the test kit's JUnit extension): the user's own
                }
                assertFalse(NOT_SHIPPED_GROUPS.contains(group) || NOT_SHIPPED_ARTIFACTS.contains(name),
                        module + "'s SBOM lists " + group + ":" + name + ", which users do not receive");
                if (!group.equals("io.github.chatsdk")) {
                    // the version in the SBOM is the one a user's build (this module's) resolves
                    assertTrue(userClassPath.contains(File.separator + name + "-" + version + ".jar"),
                            module + "'s SBOM says " + group + ":" + name + ":" + version
                                    + ", a user's build resolves another version: " + userClassPath);
                }
            }
            for (String required : REQUIRED_COMPONENTS.getOrDefault(module, List.of())) {
                assertTrue(components.containsKey(required), module + "'s SBOM lacks " + required + ": " + components.keySet());
            }
            System.out.println("[publishing-check] " + module + " SBOM: " + components.size() + " components " + components);
        }
    }

    @Test
    void twoBuildsOfTheSameSourcesPublishByteIdenticalFiles() throws IOException {
        assertEquals(first.keySet(), second.keySet(), "modules published by the two builds");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String module : first.keySet()) {
            assertEquals(first.get(module).keySet(), second.get(module).keySet(), "files published for " + module);
            for (Map.Entry<String, Path> file : first.get(module).entrySet()) {
                Path x = file.getValue();
                Path y = second.get(module).get(file.getKey());
                compared++;
                if (!Arrays.equals(Files.readAllBytes(x), Files.readAllBytes(y))) {
                    differences.add(file.getKey() + (file.getKey().endsWith(".jar") ? ": " + zipDifferences(x, y) : ""));
                }
            }
        }
        System.out.println("[publishing-check] compared " + compared + " published files byte for byte");
        if (!differences.isEmpty()) {
            fail("two builds of the same sources differ in:\n  " + String.join("\n  ", differences));
        }
    }

    /**
     * The SBOM's components a user receives: reachable from the module through the dependency graph
     * without passing an optional dependency.
     */
    private static Set<String> receivedByUsers(JsonObject bom) {
        Set<String> optional = new TreeSet<>();
        for (JsonElement e : bom.getAsJsonArray("components")) {
            JsonObject c = e.getAsJsonObject();
            if (c.has("scope") && c.get("scope").getAsString().equals("optional")) {
                optional.add(c.get("bom-ref").getAsString());
            }
        }
        Map<String, List<String>> edges = new TreeMap<>();
        for (JsonElement e : bom.getAsJsonArray("dependencies")) {
            JsonObject d = e.getAsJsonObject();
            List<String> to = new ArrayList<>();
            if (d.has("dependsOn")) {
                d.getAsJsonArray("dependsOn").forEach(x -> to.add(x.getAsString()));
            }
            edges.put(d.get("ref").getAsString(), to);
        }
        Set<String> received = new TreeSet<>();
        List<String> queue = new ArrayList<>(List.of(bom.getAsJsonObject("metadata").getAsJsonObject("component").get("bom-ref").getAsString()));
        while (!queue.isEmpty()) {
            for (String next : edges.getOrDefault(queue.remove(0), List.of())) {
                if (!optional.contains(next) && received.add(next)) {
                    queue.add(next);
                }
            }
        }
        return received;
    }

    /** The files deployed under io/github/chatsdk, without checksums and metadata. */
    private static Map<String, Map<String, Path>> published(Path repository) throws IOException {
        Map<String, Map<String, Path>> modules = new TreeMap<>();
        Path group = repository.resolve("io").resolve("github").resolve("chatsdk");
        try (Stream<Path> files = Files.walk(group)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("maven-metadata") || name.endsWith(".md5") || name.endsWith(".sha1")
                        || name.endsWith(".sha256") || name.endsWith(".sha512")) {
                    continue;
                }
                String artifactId = group.relativize(file).getName(0).toString();
                // a snapshot deploys as name-0.1.0-20261203.101112-1.jar: compare by name-0.1.0-SNAPSHOT.jar
                String normalized = SNAPSHOT_STAMP.matcher(name).replaceFirst("-SNAPSHOT");
                modules.computeIfAbsent(artifactId, k -> new TreeMap<>()).put(normalized, file);
            }
        }
        return modules;
    }

    private static Process startBuild(Path root, Path repository, Path log) throws IOException {
        String mvn = Paths.get(property("chatsdk.maven.home"), "bin", "mvn").toString();
        // deploy (no install: the shared local repository is left alone) to a file repository;
        // online, because cyclonedx-maven-plugin skips itself offline
        // no test compilation either: the published files do not depend on it
        List<String> command = List.of(mvn, "-B", "-q", "-Dmaven.test.skip=true", "-Dmaven.install.skip=true",
                "-DaltDeploymentRepository=publishing-check::" + repository.toUri(),
                "-pl", ":chatsdk-bom,:" + String.join(",:", MODULES), "-am", "deploy");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the same JDK as the outer build
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static void awaitBuild(Process process, Path log) throws Exception {
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("build did not finish in 20 minutes, see " + log);
        }
        if (process.exitValue() != 0) {
            fail("build failed (exit " + process.exitValue() + "), see " + log + ":\n"
                    + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        }
    }

    /** Copies the sources (no build output, no node_modules, no VCS data) and returns the copy. */
    private static Path copySources(Path target) throws IOException {
        Files.createDirectories(target);
        Files.walkFileTree(ROOT, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(ROOT) && (name.equals("target") || name.equals("node_modules") || name.equals(".git")
                        || name.equals(".idea"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(ROOT.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(".git")) {
                    Files.copy(file, target.resolve(ROOT.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /** Names the entries that differ between two archives (content, time or order). */
    private static String zipDifferences(Path x, Path y) throws IOException {
        try (ZipFile a = new ZipFile(x.toFile()); ZipFile b = new ZipFile(y.toFile())) {
            List<String> namesA = names(a);
            List<String> namesB = names(b);
            if (!new TreeSet<>(namesA).equals(new TreeSet<>(namesB))) {
                Set<String> onlyA = new TreeSet<>(namesA);
                onlyA.removeAll(namesB);
                Set<String> onlyB = new TreeSet<>(namesB);
                onlyB.removeAll(namesA);
                return "entries only in the first build " + onlyA + ", only in the second " + onlyB;
            }
            if (!namesA.equals(namesB)) {
                return "same entries in another order";
            }
            List<String> differing = new ArrayList<>();
            for (String name : namesA) {
                ZipEntry ea = a.getEntry(name);
                ZipEntry eb = b.getEntry(name);
                if (ea.getTime() != eb.getTime()) {
                    differing.add(name + " (time " + ea.getTime() + " vs " + eb.getTime() + ")");
                } else if (!Arrays.equals(read(a, ea), read(b, eb))) {
                    differing.add(name + " (content)");
                }
            }
            return differing.isEmpty() ? "entries equal, archive metadata differs" : differing.toString();
        }
    }

    private static List<String> names(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        return names;
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static JsonObject readJson(Path path) throws IOException {
        return JsonParser.parseString(new String(Files.readAllBytes(path), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is set by publishing-check's pom (run it through Maven)");
        }
        return value;
    }
}
