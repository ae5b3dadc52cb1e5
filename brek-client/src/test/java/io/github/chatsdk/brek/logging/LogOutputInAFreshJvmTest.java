package io.github.chatsdk.brek.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.SpecValidator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CHATSDK_LOG} as a user meets it: {@link LoggedCall} runs in a fresh JVM with no logging
 * configuration (nothing inherited: no {@code JAVA_TOOL_OPTIONS}, no system properties) against a
 * MockWebServer that answers 503 and then 200, and the test reads what the JVM wrote: its stderr,
 * or where the application's own logging configuration sent the entries.
 */
class LogOutputInAFreshJvmTest {
    private static final String KEY = "brek_live_9c1e77d25f3a";
    private static final SpecValidator SPEC = SpecValidator.brek();
    /** One entry of the SDK's own stderr output: time, level, thread, logger, message. */
    private static final Pattern ENTRY = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO|DEBUG) \\[[^\\]]+\\] io\\.github\\.chatsdk: (.+)");
    /** The event's answer as a server that pretty-prints sends it, with line breaks. */
    private static final String PRETTY_EVENT = ("{\"data\":{\"sessionId\":\"sess_1\",\"event\":{\"id\":\"evt_1\","
            + "\"kind\":\"search_query\"},\"result\":{\"traceId\":\"t1\",\"status\":\"shortlist\","
            + "\"message\":{\"text\":\"Here are 3 hotels\"},\"artifacts\":{\"shortlist\":[{\"optionId\":\"o1\"}]}}}}")
            .replace(",\"", ",\n  \"");

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
        server.enqueue(Faults.jsonError(503, "busy"));
        server.enqueue(Faults.json(200, PRETTY_EVENT));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void debugOnAPlainJvmWritesTheRequestLineRedactedHeadersStatusAndBodiesToStderrOneLinePerEntry() throws Exception {
        Run run = run("debug", List.of(), null);
        String url = eventsUrl();

        assertTrue(run.stderrLines.stream().allMatch(l -> ENTRY.matcher(l).matches()),
                "every stderr line is one whole entry:\n" + run.stderr);
        List<String> debug = run.entries("DEBUG");
        List<String> info = run.entries("INFO");
        assertEquals(3, info.size(), run.stderr);
        assertTrue(info.get(0).startsWith("brek POST " + url + " -> 503 in "), info.get(0));
        assertTrue(info.get(1).startsWith("brek POST " + url + ": retrying in "), info.get(1));
        assertTrue(info.get(2).startsWith("brek POST " + url + " -> 200 in "), info.get(2));
        String request = only(debug, "brek --> POST " + url + " (attempt 1 of 3) | ");
        assertTrue(request.contains(" | x-partner-api-key: [redacted]"), request);
        assertTrue(request.contains(" | User-Agent: chatsdk-java/"), request);
        assertTrue(request.contains(" | Content-Type: application/json"), request);
        assertEquals(2, debug.stream().filter(l -> l.startsWith("brek --> body of POST " + url + ": "))
                .filter(l -> l.contains("\"text\":\"Seattle Mar 20-23\"")).count(), run.stderr);
        String status = only(debug, "brek <-- 200 " + url + " | ");
        assertTrue(status.contains(" | x-request-id: req_200"), status);
        String body = only(debug, "brek <-- body of " + url + ": {\"data\"");
        assertTrue(body.contains("\"status\":\"shortlist\",\\n  \"message\""),
                "the body's line breaks are escaped: " + body);
        assertEquals(11, debug.size() + info.size(), "attempt 1 and 2: request, body, status, headers, body,"
                + " and the retry, each once:\n" + run.stderr);
        assertFalse(run.stderr.contains(KEY) || run.stdout.contains(KEY), run.stderr);
        assertServerGotTheKeyTwice();
    }

    @Test
    void infoOnAPlainJvmWritesOneLinePerAttemptAndPerRetryToStderr() throws Exception {
        Run run = run("info", List.of(), null);
        String url = Pattern.quote(eventsUrl());

        assertEquals(3, run.stderrLines.size(), run.stderr);
        assertEquals(List.of(), run.entries("DEBUG"));
        List<String> info = run.entries("INFO");
        assertTrue(info.get(0).matches("brek POST " + url + " -> 503 in \\d+ ms \\(attempt 1 of 3\\) \\[request req_503\\]"),
                info.get(0));
        assertTrue(info.get(1).matches("brek POST " + url + ": retrying in \\d+ ms \\(HTTP 503\\)"), info.get(1));
        assertTrue(info.get(2).matches("brek POST " + url + " -> 200 in \\d+ ms \\(attempt 2 of 3\\) \\[request req_200\\]"),
                info.get(2));
        assertServerGotTheKeyTwice();
    }

    @Test
    void theApplicationsJavaUtilLoggingConfigurationGovernsAndNothingGoesToStderr() throws Exception {
        Path logFile = dir.resolve("app.log");
        Path config = julConfig(logFile, "FINE");
        Run run = run("debug", List.of("-Djava.util.logging.config.file=" + config), null);

        assertEquals(List.of(), run.stderrLines, "the entries went to the application's handler only");
        List<String> logged = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        String url = eventsUrl();
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("APP FINE io.github.chatsdk: brek --> POST " + url)
                && l.contains(" | x-partner-api-key: [redacted]")), String.join("\n", logged));
        assertEquals(3, logged.stream().filter(l -> l.startsWith("APP INFO io.github.chatsdk: brek POST ")).count(),
                String.join("\n", logged));
        assertEquals(11, logged.size(), "each entry once, on one line:\n" + String.join("\n", logged));
        assertFalse(String.join("\n", logged).contains(KEY));
        assertServerGotTheKeyTwice();
    }

    @Test
    void aJavaUtilLoggingLevelOfTheApplicationCapsWhatChatsdkLogDebugShows() throws Exception {
        Path logFile = dir.resolve("app.log");
        Run run = run("debug", List.of("-Djava.util.logging.config.file=" + julConfig(logFile, "INFO")), null);

        assertEquals(List.of(), run.stderrLines);
        List<String> logged = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        assertEquals(3, logged.size(), String.join("\n", logged));
        assertTrue(logged.stream().allMatch(l -> l.startsWith("APP INFO io.github.chatsdk: brek POST ")),
                String.join("\n", logged));
        assertServerGotTheKeyTwice();
    }

    @Test
    void aSystemLoggerFinderOfTheApplicationReceivesTheEntriesInsteadOfStderr() throws Exception {
        Path services = dir.resolve("finder/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("java.lang.System$LoggerFinder"), RecordingLoggerFinder.class.getName() + "\n");
        Run run = run("debug", List.of(), dir.resolve("finder"));

        assertEquals(List.of(), run.stderrLines);
        List<String> received = run.stdoutLines.stream().filter(l -> l.startsWith("FINDER "))
                .filter(l -> l.contains(" io.github.chatsdk: ")).collect(Collectors.toList());
        String url = eventsUrl();
        assertTrue(received.stream().anyMatch(l -> l.startsWith("FINDER DEBUG io.github.chatsdk: brek --> POST " + url)
                && l.contains(" | x-partner-api-key: [redacted]")), run.stdout);
        assertEquals(3, received.stream().filter(l -> l.startsWith("FINDER INFO io.github.chatsdk: brek POST ")).count(),
                run.stdout);
        assertEquals(11, received.size(), run.stdout);
        assertFalse(run.stdout.contains(KEY));
        assertServerGotTheKeyTwice();
    }

    private String eventsUrl() {
        return server.url("/api/partner/v1/core-chat/events").toString();
    }

    /** A logging.properties of an application: a file handler, its own format, a level for chatsdk. */
    private Path julConfig(Path logFile, String chatsdkLevel) throws IOException {
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, String.join("\n",
                "handlers=java.util.logging.FileHandler",
                "java.util.logging.FileHandler.pattern=" + logFile.toString().replace('\\', '/'),
                "java.util.logging.FileHandler.level=ALL",
                "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter",
                "java.util.logging.SimpleFormatter.format=APP %4$s %3$s: %5$s%n",
                "io.github.chatsdk.level=" + chatsdkLevel, ""));
        return config;
    }

    private static String only(List<String> entries, String prefix) {
        List<String> found = entries.stream().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
        return found.size() == 1 ? found.get(0) : "";
    }

    private void assertServerGotTheKeyTwice() throws InterruptedException {
        assertEquals(2, server.getRequestCount());
        for (int i = 0; i < 2; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            SPEC.assertValidRequest(r);
            assertEquals(KEY, r.getHeader("x-partner-api-key"), "the credential was sent, and only the log hides it");
        }
    }

    /**
     * Runs {@link LoggedCall} in a new JVM of the running JDK, on this test's class path, with a
     * clean environment plus the server, the key and {@code CHATSDK_LOG}.
     */
    private Run run(String chatsdkLog, List<String> jvmArgs, Path prependToClasspath) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        String cp = System.getProperty("java.class.path");
        command.add("-cp");
        command.add(prependToClasspath == null ? cp : prependToClasspath + File.pathSeparator + cp);
        command.add(LoggedCall.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BREK_") || k.startsWith("HELVIA_") || k.startsWith("CHATSDK_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        env.put("BREK_BASE_URL", server.url("/").toString());
        env.put("BREK_API_KEY", KEY);
        env.put("CHATSDK_LOG", chatsdkLog);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the JVM did not end: " + command);
        }
        Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue(), run.stderr);
        assertTrue(run.stdoutLines.contains("call done"), run.stdout);
        return run;
    }

    /** What the JVM printed. */
    private static final class Run {
        final String stdout;
        final String stderr;
        final List<String> stdoutLines;
        final List<String> stderrLines;

        Run(String stdout, String stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
            this.stdoutLines = stdout.lines().filter(l -> !l.isEmpty()).collect(Collectors.toList());
            this.stderrLines = stderr.lines().filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }

        /** The messages of the stderr entries at this level, in order. */
        List<String> entries(String level) {
            List<String> messages = new ArrayList<>();
            for (String l : stderrLines) {
                Matcher m = ENTRY.matcher(l);
                if (m.matches() && m.group(1).equals(level)) {
                    messages.add(m.group(2));
                }
            }
            return messages;
        }
    }
}
