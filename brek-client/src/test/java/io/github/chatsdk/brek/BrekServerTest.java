package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.testsupport.RecordingSleeper;
import io.github.chatsdk.testsupport.SpecCheckedServerTest;
import io.github.chatsdk.testsupport.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;

/**
 * The shared set-up of the Brek client tests: a MockWebServer on 127.0.0.1, clients that point at
 * it with a recording sleeper (so no test ever sleeps), and the rule that every request the client
 * sends is checked against the spec by an independent validator — the ones a test takes with
 * {@link #takeRequest()} and, after the test, every one it left on the server.
 */
abstract class BrekServerTest extends SpecCheckedServerTest {
    /** The API key of every test client; no message, toString or foreign server may ever see it. */
    static final String API_KEY = "brek_test_key_7f3c1e9d5a";
    static final String SESSION_ID = "sess_1771456953407_g7p6233d";
    static final String REQUEST_ID = "hdr-req-0001";
    static final String PARTNER_ID = "acme";

    private static final SpecValidator SPEC = SpecValidator.brek();

    final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<BrekClient> clients = new ArrayList<>();

    @Override
    protected SpecValidator spec() {
        return SPEC;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(BrekClient::close);
    }

    /** A builder with the test key, the main server as base URL and the recording sleeper. */
    BrekClient.Builder builder() {
        return BrekClient.builder().apiKey(API_KEY).baseUrl(server.url("/").toString()).sleeper(sleeper);
    }

    /** A default client of the main server, closed after the test. */
    BrekClient client() {
        return track(builder().build());
    }

    /** A client of the main server that never retries, closed after the test. */
    BrekClient clientWithoutRetries() {
        return track(builder().maxRetries(0).build());
    }

    BrekClient track(BrekClient client) {
        clients.add(client);
        return client;
    }

    /** The next request the main server received, after it passed the spec validator. */
    RecordedRequest takeRequest() throws InterruptedException {
        return take();
    }

    /** The next request {@code from} received, after it passed the spec validator. */
    RecordedRequest takeRequest(MockWebServer from) throws InterruptedException {
        return take(from);
    }

    /** The body of a recorded request as text (the recording stays readable). */
    static String bodyOf(RecordedRequest r) {
        return r.getBody().clone().readUtf8();
    }

    /** The JSON body of a recorded request. */
    static JsonObject sentJson(RecordedRequest r) {
        return JsonParser.parseString(bodyOf(r)).getAsJsonObject();
    }

    /** Checks a response the test serves against the spec, so the mocks are what the API documents. */
    static void assertSpecResponse(String method, String path, MockResponse response) {
        String body = response.getBody() == null ? "" : response.getBody().clone().readUtf8();
        SPEC.assertValidResponse(method, path, Integer.parseInt(response.getStatus().split(" ")[1]),
                response.getHeaders(), body);
    }

    /** A 200 JSON response with every documented success header. */
    static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-request-id", REQUEST_ID)
                .setHeader("x-ratelimit-limit", "120")
                .setHeader("x-ratelimit-remaining", "119")
                .setHeader("x-partner-id", PARTNER_ID)
                .setBody(body);
    }

    /** An error response with a JSON content type and an {@code x-request-id} header. */
    static MockResponse error(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-request-id", REQUEST_ID)
                .setBody(body);
    }

    /** Asserts that a failure mentions no credential anywhere in its message, text or causes. */
    static void assertNoSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(API_KEY), "the API key leaked into " + c);
            assertFalse(c.toString().contains(API_KEY), "the API key leaked into " + c);
        }
    }

    /** {@code assertThrows} that also checks the exception carries no credential. */
    static <T extends Throwable> T expect(Class<T> type, Executable call) {
        T t = assertThrows(type, call);
        assertEquals(type, t.getClass(), "exact exception type");
        assertNoSecret(t);
        return t;
    }

    static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
