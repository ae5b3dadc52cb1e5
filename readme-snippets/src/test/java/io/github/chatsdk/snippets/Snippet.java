package io.github.chatsdk.snippets;

import java.util.Objects;
import java.util.Optional;

/**
 * One fenced {@code java} block of a Markdown file, with what the line before its fence says about
 * it: nothing (a complete compilation unit), {@code <!-- fragment: Wrapper -->} (statements placed
 * into {@code src/test/snippets/Wrapper.java}) or {@code <!-- run -->} (a complete program run
 * against the sandboxes, whose output is the {@code text} block after it).
 */
final class Snippet {
    /** How a block is compiled. */
    enum Kind {
        /** a compilation unit as written (imports, one or more types) */
        COMPLETE,
        /** statements (and leading imports) placed into a named wrapper */
        FRAGMENT,
        /** a module declaration, compiled as a module-info.java on the module path */
        MODULE
    }

    final String file;
    final int line;
    final String code;
    final Kind kind;
    final String wrapper;
    final boolean run;
    final String expectedOutput;
    final int release;

    Snippet(String file, int line, String code, Kind kind, String wrapper, boolean run, String expectedOutput,
            int release) {
        this.file = Objects.requireNonNull(file);
        this.line = line;
        this.code = Objects.requireNonNull(code);
        this.kind = Objects.requireNonNull(kind);
        this.wrapper = wrapper;
        this.run = run;
        this.expectedOutput = expectedOutput;
        this.release = release;
    }

    /** Where the block starts: the line of its first line of code, as an editor shows it. */
    String where() {
        return file + ":" + line;
    }

    /** The wrapper of a fragment. */
    Optional<String> wrapper() {
        return Optional.ofNullable(wrapper);
    }

    /** The simple name of the first top-level type a complete unit declares (its file name). */
    String typeName() {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|interface|enum|record)\\s+(\\w+)")
                .matcher(code);
        if (!m.find()) {
            throw new IllegalStateException(where() + ": no top-level type");
        }
        return m.group(1);
    }

    @Override
    public String toString() {
        return where() + " " + kind + (wrapper == null ? "" : " in " + wrapper) + (run ? " (run)" : "")
                + (release == SnippetExtractor.DEFAULT_RELEASE ? "" : " (Java " + release + ")");
    }
}
