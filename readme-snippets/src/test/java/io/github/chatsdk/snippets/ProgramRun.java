package io.github.chatsdk.snippets;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a compiled program in a fresh JVM with an empty environment (no {@code BREK_*},
 * {@code HELVIA_*}, {@code CHATSDK_LOG}, not even {@code PATH}), as a user's first run on a machine
 * without an account, and compares what it prints with the README's text block.
 */
final class ProgramRun {
    final int exitCode;
    final String stdout;
    final String stderr;

    private ProgramRun(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ProgramRun run(String mainClass, List<String> classPath) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classPath), mainClass);
        pb.environment().clear();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not end within 120 s");
            }
            return new ProgramRun(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The differences between what was printed and what the README shows, line by line; empty when
     * they match. In the README's text, {@code …} stands for any text within a line (ids, ports).
     */
    static List<String> mismatches(String expected, String actual) {
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (w == null || g == null || !pattern(w).matcher(g).matches()) {
                diffs.add("line " + (i + 1) + ": README shows " + (w == null ? "nothing" : "\"" + w + "\"")
                        + ", the program printed " + (g == null ? "nothing" : "\"" + g + "\""));
            }
        }
        return diffs;
    }

    private static Pattern pattern(String line) {
        StringBuilder re = new StringBuilder();
        for (String part : line.split("…", -1)) {
            if (re.length() > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
