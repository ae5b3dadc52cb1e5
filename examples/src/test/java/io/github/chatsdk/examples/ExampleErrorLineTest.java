package io.github.chatsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.testsupport.SpecValidator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples' one error line against a server whose error is huge: the line clips what the
 * server sent as the exception's {@code getMessage()} does, instead of repeating it whole.
 */
class ExampleErrorLineTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void aTwentyThousandCharacterServerMessageAndRequestIdYieldABoundedErrorLine() throws Exception {
        String message = "Invalid partner API key. " + "x".repeat(20_000 - 25);
        String requestId = "rid_" + "7".repeat(20_000);
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                .setHeader("x-request-id", "hdr_" + "8".repeat(7_000))
                .setBody("{\"success\":false,\"error\":\"" + message + "\",\"code\":\"invalid_partner_api_key\","
                        + "\"details\":null,\"requestId\":\"" + requestId + "\"}"));

        ExampleRun run = ExampleRun.of(BrekQuickstartExample::run,
                Map.of("BREK_BASE_URL", server.url("/").toString(), "BREK_API_KEY", "revoked-key-123"));

        assertEquals(1, run.status, run.output);
        String line = run.lastLine();
        assertTrue(line.length() <= 600, line.length() + " characters: " + line);
        assertEquals("Error: PermissionDeniedException status=403 code=invalid_partner_api_key requestId="
                + requestId.substring(0, ExampleEnv.MAX_ID) + "...: " + message.substring(0, ExampleEnv.MAX_MESSAGE)
                + "...", line);
        assertTrue(run.output.length() < 2_000, "nothing else repeats the error either:\n" + run.output);
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        SpecValidator.brek().assertValidRequest(sent);
        assertEquals(1, server.getRequestCount(), "a 403 is not retried");
    }
}
