package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.testsupport.SpecCheckedServerTest;
import io.github.chatsdk.testsupport.SpecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer per test and a client pointed at it. Every request the server receives is checked
 * against {@code specs/helvia-bot.json} by swagger-request-validator ({@link SpecCheckedServerTest}):
 * those a test takes with {@link #take()} at once, the rest after the test.
 */
abstract class HelviaServerTest extends SpecCheckedServerTest {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.SIGNATURE-do-not-leak-42";
    static final String HANDLE = "my-agent-handle";
    static final SpecValidator SPEC = SpecValidator.helvia();
    static final JsonObject SPEC_JSON = loadSpec();

    HelviaClient client;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    protected SpecValidator spec() {
        return SPEC;
    }

    @BeforeEach
    void startClient() {
        client = builder().build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** A builder pointed at the server, with the test token and handle and a sleeper that never sleeps. */
    HelviaClient.Builder builder() {
        return HelviaClient.builder().apiToken(TOKEN).handle(HANDLE).baseUrl(server.url("/").toString())
                .sleeper(io.github.chatsdk.core.Sleeper.of(sleeps::add));
    }

    /** The body of the next request as JSON, after checking the request line and headers of a send. */
    JsonObject takeEvent() throws InterruptedException {
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/events", r.getPath());
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        assertEquals("application/json; charset=utf-8", r.getHeader("Content-Type"));
        return JsonParser.parseString(r.getBody().readUtf8()).getAsJsonObject();
    }

    void enqueueJson(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
    }

    void enqueueOk(String body) {
        enqueueJson(200, body);
    }

    /** A minimal successful reply. */
    void enqueueReply() {
        enqueueOk("{\"status\":\"ok\",\"result\":{\"responses\":[]}}");
    }

    static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }

    /** {@code paths./api/events.post.requestBody...examples.<name>.value} of the spec. */
    static JsonObject requestExample(String name) {
        return SPEC_JSON.getAsJsonObject("paths").getAsJsonObject("/api/events").getAsJsonObject("post")
                .getAsJsonObject("requestBody").getAsJsonObject("content").getAsJsonObject("application/json")
                .getAsJsonObject("examples").getAsJsonObject(name).getAsJsonObject("value");
    }

    /** The content of one documented response of {@code POST /api/events}. */
    static JsonObject responseContent(String status) {
        return SPEC_JSON.getAsJsonObject("paths").getAsJsonObject("/api/events").getAsJsonObject("post")
                .getAsJsonObject("responses").getAsJsonObject(status).getAsJsonObject("content")
                .getAsJsonObject("application/json");
    }

    private static JsonObject loadSpec() {
        try {
            return JsonParser.parseString(Files.readString(SpecValidator.specsDir().resolve("helvia-bot.json"),
                    StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
