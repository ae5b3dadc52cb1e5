package io.github.chatsdk.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every java block of README.md and docs/*.md compiles; the programs marked {@code <!-- run -->} run
 * against the sandboxes with an empty environment and print what the README shows. Writes the list
 * of blocks covered to target/readme-snippets/snippets.md and assembles the first-program project
 * that maven-invoker-plugin builds against the installed artifacts.
 */
class ReadmeSnippetsTest {
    private static final Path REPO = Path.of(System.getProperty("chatsdk.repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path WRAPPERS = Path.of(System.getProperty("chatsdk.snippets.wrappers", "src/test/snippets"));
    private static final Path OUT = Path.of(System.getProperty("chatsdk.snippets.out", "target/readme-snippets"));

    private static List<Snippet> snippets;
    private static List<SnippetCompiler.Result> results;
    private static SnippetCompiler compiler;

    static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(REPO.resolve("README.md"));
        files.add(REPO.resolve("CONTRIBUTING.md"));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @BeforeAll
    static void compileEverySnippet() throws IOException {
        snippets = new ArrayList<>();
        for (Path md : markdownFiles()) {
            snippets.addAll(SnippetExtractor.extract(md, REPO.relativize(md).toString()));
        }
        compiler = new SnippetCompiler(WRAPPERS, OUT.resolve("work"), classPath());
        results = compiler.compile(snippets);
        writeReport();
    }

    @Test
    void everyJavaBlockOfTheReadmeAndTheDocsCompiles() {
        List<String> errors = new ArrayList<>();
        for (SnippetCompiler.Result r : results) {
            errors.addAll(r.errors);
        }
        System.out.println("readme-snippets: " + results.size() + " java blocks, list in " + OUT.resolve("snippets.md"));
        results.forEach(r -> System.out.println("  " + (r.ok() ? "ok      " : "FAILED  ") + r.snippet));
        if (!errors.isEmpty()) {
            fail(errors.size() + " compilation problem(s) in README/docs snippets:\n  " + String.join("\n  ", errors));
        }
    }

    @Test
    void theReadmeHasSnippetsAndEveryDocsPageWithJavaIsCovered() {
        long inReadme = snippets.stream().filter(s -> s.file.equals("README.md")).count();
        assertTrue(inReadme >= 10, "README.md java blocks found: " + inReadme);
        assertTrue(snippets.stream().anyMatch(s -> s.file.startsWith("docs/")), "no java block in docs/");
        assertTrue(snippets.stream().anyMatch(s -> s.run && s.file.equals("README.md")), "no runnable program in README.md");
    }

    @Test
    void theRunnableProgramsPrintWhatTheReadmeShowsWithNoEnvironment() {
        List<String> problems = new ArrayList<>();
        int ran = 0;
        for (SnippetCompiler.Result r : results) {
            if (!r.snippet.run || !r.ok()) {
                continue;
            }
            List<String> cp = new ArrayList<>();
            cp.add(compiler.classes(r.snippet.release).toString());
            cp.addAll(classPath());
            ProgramRun run = ProgramRun.run(r.mainClass, cp);
            ran++;
            List<String> mismatches = ProgramRun.mismatches(r.snippet.expectedOutput, run.stdout);
            System.out.println("readme-snippets: ran " + r.snippet.where() + " (" + r.mainClass + "): exit " + run.exitCode
                    + (mismatches.isEmpty() ? ", printed what the README shows" : ", printed:\n" + run.stdout));
            if (run.exitCode != 0) {
                problems.add(r.snippet.where() + ": exit " + run.exitCode + "\n" + run.stderr);
            }
            for (String m : mismatches) {
                problems.add(r.snippet.where() + ": " + m);
            }
        }
        assertTrue(ran > 0, "no program ran");
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /**
     * The fresh Maven project of the first runnable program: src/it/first-program (its pom and the
     * test that runs the program) plus, copied from README.md as written, the program and the
     * testing section's JUnit 5 test, and the output the README shows.
     */
    @Test
    void theFirstProgramAndTheJUnitTestOfTheReadmeAreCopiedIntoAFreshMavenProject() throws IOException {
        Snippet program = snippets.stream().filter(s -> s.run && s.file.equals("README.md")).findFirst().orElseThrow();
        Snippet junit = snippets.stream()
                .filter(s -> s.file.equals("README.md") && s.kind == Snippet.Kind.COMPLETE && s.code.contains("@Test"))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no complete JUnit 5 test"));
        Path template = Path.of(System.getProperty("chatsdk.snippets.it-template", "src/it/first-program"));
        Path project = Path.of(System.getProperty("chatsdk.snippets.it-project", "target/it-projects/first-program"));
        copyTree(template, project);
        write(project.resolve("src/main/java/" + program.typeName() + ".java"), program.code);
        write(project.resolve("src/test/java/" + junit.typeName() + ".java"), junit.code);
        write(project.resolve("src/test/resources/first-program.properties"),
                "mainClass=" + program.typeName() + "\nreadme=" + program.where() + "\n");
        write(project.resolve("src/test/resources/expected-output.txt"), program.expectedOutput);
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")));
        assertFalse(program.code.contains("package "), "the first program must be in the default package");
        assertEquals(Snippet.Kind.COMPLETE, junit.kind);
    }

    private static void writeReport() throws IOException {
        StringBuilder md = new StringBuilder("# Java snippets of README.md and docs/, compiled by readme-snippets\n\n")
                .append("| where | kind | compiled as | ran | result |\n|---|---|---|---|---|\n");
        for (SnippetCompiler.Result r : results) {
            Snippet s = r.snippet;
            md.append("| ").append(s.where()).append(" | ").append(s.kind.toString().toLowerCase(java.util.Locale.ROOT))
                    .append(s.wrapper().map(w -> " in `" + w + "`").orElse(""))
                    .append(" | ").append(r.mainClass != null ? "`" + r.mainClass + "`" : r.packageName == null ? "module-info" : "`" + r.packageName + "`")
                    .append(", Java ").append(s.release)
                    .append(" | ").append(s.run ? "yes" : "")
                    .append(" | ").append(r.ok() ? "ok" : "**" + String.join("; ", r.errors).replace("|", "\\|") + "**")
                    .append(" |\n");
        }
        write(OUT.resolve("snippets.md"), md.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
