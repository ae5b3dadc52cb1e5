package io.github.chatsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What one run of an example printed, and its exit status. */
final class ExampleRun {
    final int status;
    final String output;
    final List<String> lines;

    private ExampleRun(int status, String output) {
        this.status = status;
        this.output = output;
        this.lines = Arrays.asList(output.split("\\R", -1));
    }

    static ExampleRun of(ExamplesMain.Runner example, Map<String, String> env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = example.run(out, env);
        }
        return new ExampleRun(status, bytes.toString(StandardCharsets.UTF_8));
    }

    static ExampleRun main(Map<String, String> env, String... args) {
        return of((out, e) -> ExamplesMain.run(args, out, e), env);
    }

    String firstLine() {
        return lines.get(0);
    }

    /** The last line that is not empty. */
    String lastLine() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isEmpty()) {
                return lines.get(i);
            }
        }
        return "";
    }

    ExampleRun assertSucceeded() {
        assertEquals(0, status, output);
        return this;
    }

    ExampleRun assertLine(String line) {
        assertTrue(lines.contains(line), () -> "no line \"" + line + "\" in:\n" + output);
        return this;
    }

    ExampleRun assertContains(String text) {
        assertTrue(output.contains(text), () -> "\"" + text + "\" not in:\n" + output);
        return this;
    }

    ExampleRun assertLineMatches(String regex) {
        Pattern p = Pattern.compile(regex);
        assertTrue(lines.stream().anyMatch(l -> p.matcher(l).matches()), () -> "no line matches " + regex + " in:\n" + output);
        return this;
    }

    long count(String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().filter(l -> p.matcher(l).matches()).count();
    }

    @Override
    public String toString() {
        return "exit " + status + "\n" + output;
    }
}
