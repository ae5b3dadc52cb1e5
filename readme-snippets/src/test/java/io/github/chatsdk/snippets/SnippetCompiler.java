package io.github.chatsdk.snippets;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles snippets with the JDK's javac, each in a package of its own ({@code snippets.s01}, …) so
 * that their names never clash. Errors are reported at the Markdown line they come from.
 */
final class SnippetCompiler {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.*]+\\s*;.*$");
    private static final String IMPORTS_MARK = "//IMPORTS";
    private static final String SNIPPET_MARK = "//SNIPPET";

    /** What compiling one snippet gave. */
    static final class Result {
        final Snippet snippet;
        final String packageName;
        final String mainClass;
        final List<String> errors = new ArrayList<>();

        Result(Snippet snippet, String packageName, String mainClass) {
            this.snippet = snippet;
            this.packageName = packageName;
            this.mainClass = mainClass;
        }

        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Path wrappers;
    private final Path work;
    private final List<String> classPath;

    /**
     * @param wrappers the directory of the fragments' wrappers ({@code Name.java})
     * @param work where sources and classes are written
     * @param classPath what the snippets compile against
     */
    SnippetCompiler(Path wrappers, Path work, List<String> classPath) {
        this.wrappers = wrappers;
        this.work = work;
        this.classPath = classPath;
    }

    /** The directory the compiled classes of a release go to. */
    Path classes(int release) {
        return work.resolve("classes-java" + release);
    }

    /** Compiles every snippet; the results are in the order given. */
    List<Result> compile(List<Snippet> snippets) {
        List<Result> results = new ArrayList<>();
        Map<Integer, Map<Path, Source>> byRelease = new TreeMap<>();
        int n = 0;
        for (Snippet s : snippets) {
            n++;
            String pkg = String.format(Locale.ROOT, "snippets.s%02d", n);
            if (s.kind == Snippet.Kind.MODULE) {
                Result r = new Result(s, null, null);
                compileModule(s, n, r);
                results.add(r);
                continue;
            }
            Source src;
            try {
                src = s.kind == Snippet.Kind.COMPLETE ? complete(s, pkg) : fragment(s, pkg);
            } catch (IllegalArgumentException e) {
                Result r = new Result(s, pkg, null);
                r.errors.add(e.getMessage());
                results.add(r);
                continue;
            }
            results.add(src.result);
            Path file = work.resolve("src-java" + s.release).resolve(pkg.replace('.', '/')).resolve(src.typeName + ".java");
            write(file, src.text.toString());
            byRelease.computeIfAbsent(s.release, k -> new LinkedHashMap<>()).put(file, src);
        }
        for (Map.Entry<Integer, Map<Path, Source>> e : byRelease.entrySet()) {
            javac(e.getKey(), e.getValue());
        }
        return results;
    }

    private void javac(int release, Map<Path, Source> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = classes(release);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<String> options = List.of("--release", String.valueOf(release), "-proc:none", "-Xlint:deprecation",
                    "-encoding", "UTF-8", "-d", out.toString(), "-cp", String.join(File.pathSeparator, classPath));
            Map<String, Path> byUri = new LinkedHashMap<>();
            List<File> list = new ArrayList<>();
            for (Path p : sources.keySet()) {
                list.add(p.toFile());
            }
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(list);
            for (JavaFileObject u : units) {
                byUri.put(u.toUri().normalize().toString(), Path.of(u.toUri()));
            }
            StringWriter noise = new StringWriter();
            Boolean ok = javac.getTask(noise, files, diagnostics, options, null, units).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING
                        && d.getKind() != Diagnostic.Kind.WARNING) {
                    continue;
                }
                Source src = d.getSource() == null ? null : sources.get(byUri.get(d.getSource().toUri().normalize().toString()));
                String text = d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT).replace('\n', ' ');
                if (src == null) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        throw new IllegalStateException("javac: " + text);
                    }
                    continue;
                }
                src.result.errors.add(src.locate(d.getLineNumber()) + ": " + text);
            }
            if (!Boolean.TRUE.equals(ok) && sources.values().stream().allMatch(s -> s.result.ok())) {
                throw new IllegalStateException("javac failed without an error on a snippet: " + noise);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module declaration: compiled as module-info.java with the class path as module path. */
    private void compileModule(Snippet s, int n, Result r) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path dir = work.resolve(String.format(Locale.ROOT, "module-s%02d", n));
        Path file = dir.resolve("src/module-info.java");
        write(file, s.code);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(dir.resolve("classes"));
            List<String> options = List.of("--release", String.valueOf(s.release), "-proc:none", "-encoding", "UTF-8",
                    "-d", dir.resolve("classes").toString(), "--module-path", String.join(File.pathSeparator, classPath));
            javac.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjects(file.toFile())).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    r.errors.add(s.file + ":" + (s.line + d.getLineNumber() - 1) + ": error: "
                            + d.getMessage(Locale.ROOT).replace('\n', ' '));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Source complete(Snippet s, String pkg) {
        if (Pattern.compile("(?m)^package\\s").matcher(s.code).find()) {
            throw new IllegalArgumentException(s.where() + ": a snippet declares a package; leave it out");
        }
        // the package goes on the first line, so that line numbers stay those of the snippet
        Source src = new Source(new Result(s, pkg, pkg + "." + s.typeName()), s.typeName());
        String[] lines = s.code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            src.add((i == 0 ? "package " + pkg + "; " : "") + lines[i], s.line + i);
        }
        return src;
    }

    private Source fragment(Snippet s, String pkg) {
        Path wrapperFile = wrappers.resolve(s.wrapper + ".java");
        if (!Files.isRegularFile(wrapperFile)) {
            throw new IllegalArgumentException(s.where() + ": no wrapper " + wrapperFile);
        }
        String wrapper = read(wrapperFile);
        if (!wrapper.contains(IMPORTS_MARK) || !wrapper.contains(SNIPPET_MARK)) {
            throw new IllegalStateException(wrapperFile + " needs the lines " + IMPORTS_MARK + " and " + SNIPPET_MARK);
        }
        String[] code = s.code.split("\n", -1);
        int body = 0;
        while (body < code.length && (code[body].isBlank() || IMPORT.matcher(code[body]).matches())) {
            body++;
        }
        Source src = new Source(new Result(s, pkg, null), s.wrapper);
        src.add("package " + pkg + ";", -1);
        for (String w : wrapper.split("\n", -1)) {
            if (w.trim().equals(IMPORTS_MARK)) {
                for (int i = 0; i < body; i++) {
                    src.add(code[i], s.line + i);
                }
            } else if (w.trim().equals(SNIPPET_MARK)) {
                for (int i = body; i < code.length; i++) {
                    src.add(code[i], s.line + i);
                }
            } else {
                src.add(w, -1);
            }
        }
        return src;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated source file and, per line, the Markdown line it comes from (-1: the wrapper's). */
    private static final class Source {
        final Result result;
        final String typeName;
        final StringBuilder text = new StringBuilder();
        final List<Integer> origin = new ArrayList<>();

        Source(Result result, String typeName) {
            this.result = result;
            this.typeName = typeName;
        }

        void add(String line, int markdownLine) {
            text.append(line).append('\n');
            origin.add(markdownLine);
        }

        String locate(long javaLine) {
            int i = (int) javaLine - 1;
            if (i >= 0 && i < origin.size() && origin.get(i) >= 0) {
                return result.snippet.file + ":" + origin.get(i);
            }
            return result.snippet.where() + " (in wrapper " + result.snippet.wrapper + ".java line " + javaLine + ")";
        }
    }
}
