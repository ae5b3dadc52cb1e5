package io.github.chatsdk.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.chatsdk.testsupport.SpecValidator;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test servers' answers (common.js, shared by every server script) are what the specs
 * promise, checked with the same independent validator as the clients' requests: otherwise a
 * client test against them would prove nothing about the real APIs.
 */
class ServerAnswersMatchTheSpecsIT {
    private static final MediaType JSON = MediaType.get("application/json");
    private static NodeServer server;
    private static final OkHttpClient HTTP = new OkHttpClient();

    @BeforeAll
    static void start() {
        server = NodeServer.start("answers", "http", "http1.js", "--keep-alive-ms", "5000");
    }

    @AfterAll
    static void stop() {
        server.close();
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    private static void check(SpecValidator spec, String method, String path, String body, int status, String call) {
        Request.Builder b = new Request.Builder().url(server.baseUrl() + path).header("x-test-call", call);
        b.method(method, body == null ? null : RequestBody.create(body, JSON));
        try (Response r = HTTP.newCall(b.build()).execute()) {
            String text = r.body().string();
            assertEquals(status, r.code(), text);
            spec.assertValidResponse(method, path, r.code(), r.headers(), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void brekAnswersAreValidForTheBrekSpec() {
        SpecValidator brek = SpecValidator.brek();
        String base = "/api/partner/v1/core-chat";
        check(brek, "POST", base + "/sessions", "{\"actor\":{\"actorId\":\"u1\"}}", 200, "b1");
        check(brek, "POST", base + "/events", "{\"sessionId\":\"s\",\"text\":\"hi\"}", 200, "b2");
        check(brek, "GET", base + "/sessions/sess_1", null, 200, "b3");
        server.plan("b4", NodeServer.rateLimited("2"), NodeServer.rateLimited(null));
        check(brek, "POST", base + "/sessions", "{\"actor\":{\"actorId\":\"u1\"}}", 429, "b4");
        check(brek, "POST", base + "/sessions", "{\"actor\":{\"actorId\":\"u1\"}}", 429, "b4");
    }

    @Test
    void helviaAnswersAreValidForTheHelviaSpec() {
        SpecValidator helvia = SpecValidator.helvia();
        check(helvia, "GET", "/api/events", null, 200, "h1");
        check(helvia, "POST", "/api/events", "{\"handle\":\"h\",\"message\":{\"text\":\"hi\"},\"sender\":{\"id\":\"u\"}}",
                200, "h2");
        // the Helvia spec documents no 429; the servers answer it with the spec's ErrorResponse shape
    }
}
