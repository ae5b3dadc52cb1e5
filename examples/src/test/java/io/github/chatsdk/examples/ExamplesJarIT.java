package io.github.chatsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code examples/target/chatsdk-examples.jar}, built by {@code package}, run as a process the way
 * the README says: {@code java -jar} with nothing else on the class path.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExamplesJarIT {
    private static final Path JAR = Paths.get(System.getProperty("chatsdk.examples.jar", "target/chatsdk-examples.jar"));

    static final class Result {
        final int status;
        final String output;

        Result(int status, String output) {
            this.status = status;
            this.output = output;
        }
    }

    /** Runs the jar with the JDK running the tests, without the developer's server settings. */
    static Result java(String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built by mvn package");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // never a real vendor host from a test, whatever the developer's shell exports
        pb.environment().keySet().removeIf(k -> k.startsWith("BREK_") || k.startsWith("HELVIA_") || k.equals("CHATSDK_LOG"));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar did not finish within 60 s:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void listExitsWith0AndNamesTheExamples() throws Exception {
        Result r = java("--list");

        assertEquals(0, r.status, r.output);
        for (ExamplesMain.Example e : ExamplesMain.EXAMPLES) {
            assertTrue(r.output.contains(e.name + " "), e.name + " in:\n" + r.output);
        }
    }

    @Test
    void theTourTalksToBothApisAndExitsWith0() throws Exception {
        Result r = java();

        assertEquals(0, r.status, r.output);
        assertTrue(r.output.startsWith("chatsdk tour:"), r.output);
        assertTrue(r.output.contains("Using the embedded Brek sandbox at http://127.0.0.1:"), r.output);
        assertTrue(r.output.contains("brek: I found options matching your request in Seattle. [shortlist]"), r.output);
        assertTrue(r.output.contains("[booked]"), r.output);
        assertTrue(r.output.contains("Using the embedded Helvia sandbox at http://127.0.0.1:"), r.output);
        assertTrue(r.output.contains("agent: Hi! I'm the Productivity Coach."), r.output);
        assertTrue(r.output.contains("agent: Goodbye! Have a productive day."), r.output);
        assertTrue(!r.output.contains("Exception"), "no stack trace, no error line:\n" + r.output);
    }

    @Test
    void oneExampleByNameAndAnUnknownName() throws Exception {
        Result errors = java("brek-errors");
        assertEquals(0, errors.status, errors.output);
        assertTrue(errors.output.contains("-> RateLimitException status=429 code=rate_limited"), errors.output);

        Result unknown = java("no-such-example");
        assertEquals(2, unknown.status, unknown.output);
        assertTrue(unknown.output.startsWith("Unknown example: no-such-example"), unknown.output);
    }
}
