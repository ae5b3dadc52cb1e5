package io.github.chatsdk.brek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.chatsdk.testsupport.SpecValidator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class BrekSmokeTest {
    @Test
    void sendsATextEventAndReadsTheShortlist() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(
                    "{\"data\":{\"sessionId\":\"s1\",\"event\":{\"id\":\"evt_1\",\"kind\":\"search_query\"},"
                            + "\"result\":{\"traceId\":\"t\",\"status\":\"shortlist\",\"message\":{\"text\":\"hi\"},"
                            + "\"artifacts\":{\"n\":3,\"shortlist\":[{\"optionId\":\"o1\",\"pricePerNight\":276.66}]}}}}"));
            server.start();
            try (BrekClient c = BrekClient.builder().apiKey("k").baseUrl(server.url("/").toString()).build()) {
                EventResult r = c.events().sendText("s1", "a1", "Seattle");
                assertEquals("shortlist", r.status());
                assertEquals(3L, r.artifacts().get("n"));
                assertEquals("276.66", r.shortlist().get(0).pricePerNight().get().toPlainString());
            }
            RecordedRequest req = server.takeRequest();
            System.out.println(req.getHeaders());
            System.out.println(req.getBody().clone().readUtf8());
            SpecValidator.brek().assertValidRequest(req);
        }
    }
}
