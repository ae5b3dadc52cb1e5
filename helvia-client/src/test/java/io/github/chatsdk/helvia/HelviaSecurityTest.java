package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.UnexpectedStatusException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** DESIGN §6: the token goes to the configured origin in one header, and nowhere else. */
class HelviaSecurityTest extends HelviaServerTest {

    private static void assertNoToken(String where, String text) {
        assertFalse(text != null && text.contains(TOKEN), where + " contains the token: " + text);
        assertFalse(text != null && text.contains("SIGNATURE-do-not-leak"), where + " contains part of the token");
    }

    private static void assertNoTokenIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoToken("exception message", t.getMessage());
            assertNoToken("exception toString", t.toString());
            for (Throwable s : t.getSuppressed()) {
                assertNoToken("suppressed exception", s.toString());
            }
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        HelviaClient.Builder b = builder();
        assertNoToken("builder", b.toString());
        assertTrue(b.toString().contains("[redacted]"));
        assertNoToken("client", client.toString());
        assertTrue(client.toString().contains("apiToken=[redacted]"), client.toString());
        assertNoToken("conversation", client.conversation("u1").toString());
        assertNoToken("message", HelviaMessage.text("hi").toString());
        assertEquals("HelviaClient.Builder{handle=null, apiToken=unset}", HelviaClient.builder().toString());
    }

    @Test
    void theTokenIsSentOnceAsABearerHeaderOnMessagesOnly() throws Exception {
        enqueueReply();
        enqueueOk("{\"status\":\"ok\"}");
        client.messages().send(HelviaMessage.text("hi"));
        client.health().check();
        RecordedRequest post = take();
        assertEquals(List.of("Bearer " + TOKEN), post.getHeaders().values("Authorization"));
        RecordedRequest get = take();
        assertNull(get.getHeader("Authorization"), "the health check carries no credential");
        assertNoToken("User-Agent", post.getHeader("User-Agent"));
        assertNoToken("User-Agent", get.getHeader("User-Agent"));
    }

    @Test
    void aRotatingTokenSupplierIsReadForEachMessage() throws Exception {
        AtomicInteger n = new AtomicInteger();
        enqueueReply();
        enqueueReply();
        enqueueOk("{\"status\":\"ok\"}");
        try (HelviaClient c = builder().apiToken(() -> "token-" + n.incrementAndGet()).build()) {
            c.messages().send(HelviaMessage.text("one"));
            c.messages().send(HelviaMessage.text("two"));
            c.health().check();
            assertTrue(c.toString().contains("[redacted]"));
        }
        assertEquals("Bearer token-1", take().getHeader("Authorization"));
        assertEquals("Bearer token-2", take().getHeader("Authorization"));
        assertNull(take().getHeader("Authorization"));
        assertEquals(2, n.get(), "the health check does not even ask for the token");
    }

    @Test
    void aSupplierThatReturnsNothingIsRefusedBeforeSending() {
        try (HelviaClient c = builder().apiToken(() -> " ").build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.messages().send(HelviaMessage.text("hi")));
            assertEquals("credential", e.field());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aSupplierThatReturnsALineBreakIsRefusedWithoutShowingTheToken() {
        try (HelviaClient c = builder().apiToken(() -> TOKEN + "\r\nX-Injected: 1").build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.messages().send(HelviaMessage.text("hi")));
            assertEquals("credential", e.field());
            assertNoTokenIn(e);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theTokenNeverAppearsInExceptionsOrLogs() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Logger okhttp = Logger.getLogger("okhttp3");
        Level okhttpLevel = okhttp.getLevel();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        okhttp.setLevel(Level.ALL);
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        List<Throwable> thrown = new ArrayList<>();
        try {
            enqueueReply();
            client.messages().send(HelviaMessage.text("hi"));
            enqueueJson(401, "{\"status\":\"error\",\"error\":\"Invalid token\"}");
            enqueueJson(400, "{\"status\":\"error\",\"error\":\"Validator errors: \\\"handle\\\" is required\"}");
            enqueueJson(403, "{\"status\":\"error\",\"error\":\"Unknown principal\"}");
            enqueueJson(500, "<html>oops</html>");
            enqueueOk("not json");
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            for (int i = 0; i < 6; i++) {
                thrown.add(assertThrows(ChatSdkException.class, () -> client.messages().send(HelviaMessage.text("hi"))));
            }
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            try (HelviaClient c = builder().baseUrl("http://127.0.0.1:" + closedPort).build()) {
                thrown.add(assertThrows(ChatSdkException.class, () -> c.messages().send(HelviaMessage.text("hi"))));
            }
            thrown.add(assertThrows(ChatSdkException.class, () -> builder().apiToken(TOKEN + " x")));
            thrown.add(assertThrows(ChatSdkException.class, () -> builder().apiToken("Bearer " + TOKEN)));
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
            okhttp.setLevel(okhttpLevel);
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(9, thrown.size());
        for (Throwable t : thrown) {
            assertNoTokenIn(t);
        }
        for (LogRecord r : records) {
            assertNoToken("log message", r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    assertNoToken("log parameter", String.valueOf(p));
                }
            }
            if (r.getThrown() != null) {
                assertNoTokenIn(r.getThrown());
            }
        }
        assertNoToken("console", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowedSoTheTokenStaysHome() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.enqueue(new MockResponse().setBody("{\"status\":\"ok\"}"));
            elsewhere.start();
            server.enqueue(new MockResponse().setResponseCode(307)
                    .setHeader("Location", elsewhere.url("/api/events").toString()));
            UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
                    () -> client.messages().send(HelviaMessage.text("hi")));
            assertEquals(307, e.statusCode());
            assertEquals(0, elsewhere.getRequestCount(), "nothing reached the other origin");
        }
        take();
    }

    @Test
    void credentialHeadersCannotBeSmuggledAsExtraHeaders() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> builder().header("Authorization", "Bearer other"));
        assertEquals("header", e.field());
    }
}
