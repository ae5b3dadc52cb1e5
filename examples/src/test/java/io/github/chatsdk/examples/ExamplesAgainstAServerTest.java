package io.github.chatsdk.examples;

import static io.github.chatsdk.examples.ExamplesTest.REQUEST_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.BrekSandboxExtension;
import io.github.chatsdk.testkit.HelviaSandbox;
import io.github.chatsdk.testkit.HelviaSandboxExtension;
import io.github.chatsdk.testkit.SandboxRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples with {@code BREK_BASE_URL} / {@code HELVIA_BASE_URL} set, as against a real
 * server: here sandboxes the test runs itself, with keys of their own. The examples must use what
 * the environment says, fall back to what works without fault injection, and on an SDK error exit
 * with 1 after one line naming the exception, status, code and request id.
 */
class ExamplesAgainstAServerTest {
    @RegisterExtension
    static final BrekSandboxExtension BREK = new BrekSandboxExtension(
            BrekSandbox.builder().partner("server-key", "partner-7"));
    @RegisterExtension
    static final HelviaSandboxExtension HELVIA = new HelviaSandboxExtension(
            HelviaSandbox.builder().token("server-token", "server-handle"));

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("BREK_BASE_URL", BREK.sandbox().baseUrl());
        env.put("BREK_API_KEY", "server-key");
        env.put("HELVIA_BASE_URL", HELVIA.sandbox().baseUrl() + "/");
        env.put("HELVIA_API_TOKEN", "server-token");
        env.put("HELVIA_HANDLE", "server-handle");
        return env;
    }

    static Map<String, String> env(String name, String value) {
        Map<String, String> env = env();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    @Test
    void brekExamplesUseTheServerAndKeyOfTheEnvironment() {
        ExampleRun run = ExampleRun.of(BrekQuickstartExample::run, env("BREK_AUTH_SCHEME", "bearer")).assertSucceeded();

        assertEquals("Using the Brek server at " + BREK.sandbox().baseUrl() + " (BREK_BASE_URL)", run.firstLine());
        run.assertLineMatches("Session sess_\\S+ for partner_user_001 \\(partner partner-7\\)")
                .assertLineMatches("brek: Booked: .*\\[booked\\]");
        assertFalse(BREK.sandbox().requests().isEmpty());
        for (SandboxRequest r : BREK.sandbox().requests()) {
            assertEquals("Bearer server-key", r.header("authorization").orElse(null), r.toString());
        }
    }

    @Test
    void helviaExamplesUseTheServerTokenAndHandleOfTheEnvironment() {
        ExampleRun run = ExampleRun.of(HelviaQuickstartExample::run, env()).assertSucceeded();

        assertEquals("Using the Helvia server at " + HELVIA.sandbox().baseUrl() + "/ (HELVIA_BASE_URL)", run.firstLine());
        run.assertLine("Helvia is up (status ok). Talking to agent server-handle as user-123.")
                .assertLine("agent: Goodbye! Have a productive day.");
        assertEquals(4, HELVIA.sandbox().requests().stream().filter(r -> r.method().equals("POST"))
                .filter(r -> r.jsonString("handle").orElse("").equals("server-handle")).count());
    }

    @Test
    void withoutFaultInjectionTheErrorExampleShowsWhatAnyServerAnswers() {
        ExampleRun run = ExampleRun.of(BrekErrorHandlingExample::run, env()).assertSucceeded();

        run.assertLineMatches(" +-> NotFoundException status=404 .*")
                .assertLineMatches(" +-> ConflictException status=409 .*")
                .assertLineMatches(" +-> PermissionDeniedException status=403 .*")
                .assertLineMatches(" +-> ConnectionException .*")
                .assertLine("6-8. 401, 429 and 5xx are injected into the embedded sandbox: skipped against "
                        + BREK.sandbox().baseUrl() + ".");
        assertFalse(run.output.contains("AuthenticationException"), run.output);
        assertTrue(BREK.sandbox().faults().pending().isEmpty());
    }

    @Test
    void withoutFaultInjectionTheRetriesExampleResubmitsWithTheSameKey() {
        ExampleRun run = ExampleRun.of(BrekRetriesExample::run, env()).assertSucceeded();

        run.assertLineMatches(" +sending with key retries:sess_\\S+:book:001")
                .assertLine("   -> the same event as the first send: true")
                .assertLine("Parts 1, 2 and 4 inject faults into the embedded sandbox: skipped against "
                        + BREK.sandbox().baseUrl() + ".");
        assertEquals(1, BREK.sandbox().requests().stream().filter(SandboxRequest::replayed).count());
        assertEquals(0, run.count(".*the client waits.*"), "no fault, no retry:\n" + run.output);
    }

    @Test
    void theOtherExamplesRunAgainstTheServersToo() {
        ExampleRun.of(HelviaOptionsExample::run, env()).assertSucceeded()
                .assertLine("   sent; the Helvia console shows the session's tags");
        assertEquals(java.util.Set.of("vip"), HELVIA.sandbox().tags("user-456"));
        ExampleRun async = ExampleRun.of(AsyncExample::run, env()).assertSucceeded();
        assertTrue(async.firstLine().startsWith("Using the Brek server at "), async.output);
        assertTrue(async.lines.get(1).startsWith("Using the Helvia server at "), async.output);
    }

    @Test
    void aWrongKeyEndsTheExampleWithOneErrorLineAndExitStatus1() {
        ExampleRun run = ExampleRun.of(BrekQuickstartExample::run, env("BREK_API_KEY", "revoked-key"));

        assertEquals(1, run.status, run.output);
        assertTrue(run.lastLine().matches("Error: PermissionDeniedException status=403 code=invalid_partner_api_key"
                + " requestId=" + REQUEST_ID + ": Invalid partner API key\\."), run.lastLine());
        assertEquals(2, run.lines.stream().filter(l -> !l.isEmpty()).count(), "the server line, the error line:\n" + run.output);
        SandboxRequest refused = BREK.sandbox().requests().get(0);
        assertTrue(run.lastLine().contains("requestId=" + refused.responseHeader("x-request-id").orElseThrow()),
                "the request id is the server's");
    }

    @Test
    void aMissingKeyIsReportedBeforeAnythingIsSent() {
        ExampleRun run = ExampleRun.of(BrekQuickstartExample::run, env("BREK_API_KEY", null));

        assertEquals(1, run.status, run.output);
        assertEquals("Error: InvalidInputException status=- code=- requestId=-: apiKey is required: call apiKey(...)"
                + " or set BREK_API_KEY", run.lastLine());
        assertTrue(BREK.sandbox().requests().isEmpty());
    }

    @Test
    void aHelviaTokenTheServerRejectsIsReportedTheSameWay() {
        ExampleRun run = ExampleRun.of(HelviaQuickstartExample::run, env("HELVIA_API_TOKEN", "expired-token"));

        assertEquals(1, run.status, run.output);
        assertEquals("Error: AuthenticationException status=401 code=- requestId=-: Invalid token", run.lastLine());
    }

    @Test
    void anErrorInsideAFutureIsUnwrappedToTheSameLine() {
        ExampleRun run = ExampleRun.of(AsyncExample::run, env("HELVIA_HANDLE", "someone-elses-handle"));

        assertEquals(1, run.status, run.output);
        assertEquals("Error: PermissionDeniedException status=403 code=- requestId=-: Unknown principal", run.lastLine());
    }
}
