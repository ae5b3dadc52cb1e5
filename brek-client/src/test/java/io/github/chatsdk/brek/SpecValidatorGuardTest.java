package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.chatsdk.testsupport.SpecValidator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that the spec check every other test applies to the client's requests has teeth: requests
 * this test builds by hand to break the spec are rejected. These are the only invalid requests in
 * the suite, and none of them comes from the client.
 */
class SpecValidatorGuardTest extends BrekServerTest {
    private static final MediaType JSON = MediaType.get("application/json");

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("event without sessionId", post(SpecExamples.EVENTS,
                        "{\"text\":\"hi\"}").header("x-partner-api-key", API_KEY)),
                Arguments.of("event with an empty sessionId", post(SpecExamples.EVENTS,
                        "{\"sessionId\":\"\",\"text\":\"hi\"}").header("x-partner-api-key", API_KEY)),
                Arguments.of("session without actor.actorId", post(SpecExamples.SESSIONS,
                        "{\"actor\":{}}").header("x-partner-api-key", API_KEY)),
                Arguments.of("session with a string timezone offset", post(SpecExamples.SESSIONS,
                        "{\"actor\":{\"actorId\":\"a\",\"timezoneOffsetMinutes\":\"-480\"}}")
                        .header("x-partner-api-key", API_KEY)),
                Arguments.of("request without any credential", post(SpecExamples.EVENTS,
                        "{\"sessionId\":\"s\",\"text\":\"hi\"}")),
                Arguments.of("unknown path", new Request.Builder().url("http://x/api/partner/v1/core-chat/other")
                        .header("x-partner-api-key", API_KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void aRequestThatBreaksTheSpecIsRejectedByTheValidator(String label, Request.Builder request) throws Exception {
        // a server of its own: the base's servers reject every invalid request after each test
        MockWebServer raw = new MockWebServer();
        raw.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        RecordedRequest recorded;
        try {
            raw.enqueue(new MockResponse());
            OkHttpClient http = new OkHttpClient();
            Request r = request.url(raw.url(request.build().url().encodedPath())).build();
            try (Response ignored = http.newCall(r).execute()) {
                // only the recorded request matters
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
            recorded = raw.takeRequest(5, TimeUnit.SECONDS);
        } finally {
            raw.shutdown();
        }

        SpecValidator spec = SpecValidator.brek();
        assertFalse(spec.requestViolations(recorded).isEmpty(), label);
        assertThrows(AssertionError.class, () -> spec.assertValidRequest(recorded), label);
    }

    private static Request.Builder post(String path, String body) {
        return new Request.Builder().url("http://x" + path).post(RequestBody.create(body, JSON));
    }
}
