package io.github.chatsdk.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fenced {@code java} blocks of a Markdown text. The line before a fence (blank lines
 * between are allowed) may carry a marker:
 * <ul>
 *   <li>{@code <!-- fragment: Wrapper -->}: the block is statements, optionally preceded by imports,
 *       placed into {@code Wrapper.java}; {@code <!-- fragment: Wrapper, Java 17 -->} compiles it for
 *       Java 17 (for modules that need it) instead of the clients' floor, Java 11;</li>
 *   <li>{@code <!-- run -->}: the block is a complete program; the next fenced block must be a
 *       {@code text} block, what it prints ({@code …} stands for any text within a line).</li>
 * </ul>
 * An unmarked block must be a complete compilation unit (a top-level type, or a module declaration).
 */
final class SnippetExtractor {
    /** The Java release snippets are compiled for: the clients' floor. */
    static final int DEFAULT_RELEASE = 11;

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile(
            "^\\s*<!--\\s*(fragment:\\s*(\\w+)(?:\\s*,\\s*Java\\s+(\\d+))?|run)\\s*-->\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:(?:public|final|abstract)\\s+)*(?:class|interface|enum|record)\\s+\\w+");
    private static final Pattern MODULE = Pattern.compile("(?m)^(?:open\\s+)?module\\s+[\\w.]+\\s*\\{");

    private SnippetExtractor() {
    }

    /** The java blocks of {@code file}, named in results by {@code name} (a path from the repository root). */
    static List<Snippet> extract(Path file, String name) {
        try {
            return extract(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java blocks of a Markdown text. */
    static List<Snippet> extract(String markdown, String name) {
        String[] lines = markdown.split("\n", -1);
        List<Snippet> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches() || open.group(2).isEmpty()) {
                i++;
                continue;
            }
            String indent = open.group(1);
            String lang = open.group(2);
            int start = i + 1;
            int end = closingFence(lines, start, name, i);
            if (!lang.equals("java")) {
                i = end + 1;
                continue;
            }
            String code = body(lines, start, end, indent);
            Matcher marker = markerBefore(lines, i);
            boolean run = marker != null && marker.group(1).equals("run");
            String wrapper = marker != null && !run ? marker.group(2) : null;
            int release = marker != null && marker.group(3) != null ? Integer.parseInt(marker.group(3)) : DEFAULT_RELEASE;
            Snippet.Kind kind;
            if (wrapper != null) {
                kind = Snippet.Kind.FRAGMENT;
            } else if (MODULE.matcher(code).find()) {
                kind = Snippet.Kind.MODULE;
            } else if (TYPE.matcher(code).find()) {
                kind = Snippet.Kind.COMPLETE;
            } else {
                throw new IllegalArgumentException(name + ":" + (start + 1) + ": a java block that is neither a "
                        + "compilation unit nor marked as a fragment (put <!-- fragment: Wrapper --> before its fence)");
            }
            String expected = null;
            if (run) {
                if (kind != Snippet.Kind.COMPLETE) {
                    throw new IllegalArgumentException(name + ":" + (start + 1) + ": <!-- run --> on a block that is not a program");
                }
                int j = end + 1;
                while (j < lines.length && !FENCE.matcher(lines[j]).matches()) {
                    j++;
                }
                Matcher out2 = j < lines.length ? FENCE.matcher(lines[j]) : null;
                if (out2 == null || !out2.matches() || !out2.group(2).equals("text")) {
                    throw new IllegalArgumentException(name + ":" + (start + 1)
                            + ": <!-- run --> needs a ```text block after the program: what it prints");
                }
                int outEnd = closingFence(lines, j + 1, name, j);
                expected = body(lines, j + 1, outEnd, out2.group(1));
            }
            out.add(new Snippet(name, start + 1, code, kind, wrapper, run, expected, release));
            i = end + 1;
        }
        return out;
    }

    private static int closingFence(String[] lines, int from, String name, int openLine) {
        for (int j = from; j < lines.length; j++) {
            if (lines[j].trim().equals("```")) {
                return j;
            }
        }
        throw new IllegalArgumentException(name + ":" + (openLine + 1) + ": fence never closed");
    }

    private static String body(String[] lines, int start, int end, String indent) {
        StringBuilder sb = new StringBuilder();
        for (int j = start; j < end; j++) {
            String l = lines[j];
            sb.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
        }
        return sb.toString();
    }

    private static Matcher markerBefore(String[] lines, int fence) {
        for (int j = fence - 1; j >= 0; j--) {
            if (lines[j].isBlank()) {
                continue;
            }
            Matcher m = MARKER.matcher(lines[j]);
            return m.matches() ? m : null;
        }
        return null;
    }
}
