package io.github.chatsdk.brek.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekAuthScheme;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.SendEvent;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.LogLevel;
import io.github.chatsdk.core.MalformedResponseException;
import io.github.chatsdk.testsupport.ClientSettings;
import io.github.chatsdk.testsupport.Faults;
import io.github.chatsdk.testsupport.LogCapture;
import io.github.chatsdk.testsupport.MutableClock;
import io.github.chatsdk.testsupport.RecordingSleeper;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BrekLoggingTest {
    private final MockWebServer server = new MockWebServer();
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        server.start();
        log = LogCapture.start();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        server.shutdown();
    }

    private BrekClient client(LogLevel level, BrekAuthScheme scheme) {
        ClientSettings s = ClientSettings.of(server.url("/").toString(), new RecordingSleeper(), new MutableClock())
                .logLevel(level);
        return s.applyTo(BrekClient.builder()).apiKey(BrekOperations.API_KEY).authScheme(scheme).build();
    }

    @Test
    void infoLogsMethodUrlStatusAttemptAndDurationOfEveryAttemptAndEachRetry() {
        server.enqueue(Faults.jsonError(503, "busy"));
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = client(LogLevel.INFO, BrekAuthScheme.PARTNER_API_KEY)) {
            c.events().sendText("sess_1", "partner_user_001", "hello");
        }
        List<String> lines = log.lines();
        String url = server.url("/api/partner/v1/core-chat/events").toString();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(Pattern.matches("INFO brek POST " + Pattern.quote(url)
                + " -> 503 in \\d+ ms \\(attempt 1 of 3\\) \\[request req_503\\]", lines.get(0)), lines.get(0));
        assertTrue(Pattern.matches("INFO brek POST " + Pattern.quote(url)
                + ": retrying in \\d+ ms \\(HTTP 503\\)", lines.get(1)), lines.get(1));
        assertTrue(Pattern.matches("INFO brek POST " + Pattern.quote(url)
                + " -> 200 in \\d+ ms \\(attempt 2 of 3\\) \\[request req_200\\]", lines.get(2)), lines.get(2));
    }

    @ParameterizedTest
    @EnumSource(BrekAuthScheme.class)
    void debugLogsRedactedHeadersAndTruncatedBodiesAndNeverTheKey(BrekAuthScheme scheme) {
        // a hostile server that echoes the key back in its error message, its body and a cookie
        StringBuilder big = new StringBuilder("{\"success\":false,\"error\":\"bad key ")
                .append(BrekOperations.API_KEY).append(' ');
        while (big.length() < 20_000) {
            big.append("x");
        }
        big.append("\"}");
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
                    .setHeader("Set-Cookie", "session=" + BrekOperations.API_KEY).setBody(big.toString()));
        }
        try (BrekClient c = client(LogLevel.DEBUG, scheme)) {
            InternalServerException e = assertThrows(InternalServerException.class,
                    () -> c.events().send(SendEvent.text("sess_1", "partner_user_001", "hello")));
            assertFalse(e.getMessage().contains(BrekOperations.API_KEY));
            assertFalse(e.rawBody().contains(BrekOperations.API_KEY));
            assertTrue(e.getMessage().contains("bad key [redacted]"), e.getMessage());
        }
        String text = log.text();
        assertFalse(text.contains(BrekOperations.API_KEY), text);
        String header = scheme == BrekAuthScheme.BEARER ? "Authorization"
                : scheme == BrekAuthScheme.LEGACY_API_KEY ? "api-key" : "x-partner-api-key";
        assertTrue(text.contains(header + ": [redacted]"), text);
        assertTrue(text.contains("Set-Cookie: [redacted]"), text);
        assertTrue(text.contains("User-Agent: chatsdk-java/"), "other headers are shown");
        assertTrue(text.contains("\"text\":\"hello\""), "the request body is shown");
        assertTrue(text.contains("more chars]"), "long bodies are truncated");
        List<String> fine = log.lines().stream().filter(l -> l.startsWith("FINE")).collect(Collectors.toList());
        assertFalse(fine.isEmpty(), "DEBUG lines go to System.Logger DEBUG (java.util.logging FINE)");
        assertTrue(fine.stream().allMatch(l -> l.length() < 6000), "every line is bounded");
    }

    @Test
    void anUnreadableSuccessBodyThatEchoesTheKeyKeepsItOutOfTheExceptionAndTheLog() {
        server.enqueue(Faults.json(200, "{\"data\":{\"echo\":\"" + BrekOperations.API_KEY + "\"}}"));
        try (BrekClient c = client(LogLevel.DEBUG, BrekAuthScheme.PARTNER_API_KEY)) {
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> c.events().sendText("sess_1", "partner_user_001", "hello"));
            assertFalse(e.getMessage().contains(BrekOperations.API_KEY), e.getMessage());
            assertTrue(e.rawBody().contains("\"echo\":\"[redacted]\""), e.rawBody());
        }
        assertFalse(log.text().contains(BrekOperations.API_KEY));
    }

    @Test
    void offLogsNothing() {
        server.enqueue(Faults.json(200, BrekOperations.EVENT_BODY));
        try (BrekClient c = client(LogLevel.OFF, BrekAuthScheme.PARTNER_API_KEY)) {
            c.events().sendText("sess_1", "partner_user_001", "hello");
        }
        assertEquals(List.of(), log.lines());
    }

    @Test
    void toStringOfClientAndBuilderHideTheKey() {
        BrekClient.Builder b = BrekClient.builder().apiKey(BrekOperations.API_KEY).baseUrl(server.url("/").toString());
        assertFalse(b.toString().contains(BrekOperations.API_KEY));
        try (BrekClient c = b.build()) {
            assertFalse(c.toString().contains(BrekOperations.API_KEY));
        }
    }
}
