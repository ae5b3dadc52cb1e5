package io.github.chatsdk.it.gsonfloor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.it.common.ConsumerCalls;
import io.github.chatsdk.it.common.Resolved;
import io.github.chatsdk.testkit.BrekSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clients and the test kit on Gson 2.8.9, the floor: the calls run, and the sandbox still
 * refuses request bodies that are not RFC 8259 JSON (its strict parsing does not need Gson 2.11).
 */
class GsonFloorConsumerTest {

    @Test
    void gson289IsTheOneLoaded() {
        Resolved.print();
        assertEquals(System.getProperty("expected.gson"), Resolved.gson());
        assertEquals(1, Resolved.jarsHolding("com/google/gson/Gson.class").size(), "one Gson");
    }

    @Test
    void aBrekSessionAndEventRunSyncAndAsync() throws Exception {
        ConsumerCalls.brekSessionAndEvent();
    }

    @Test
    void aHelviaMessageRunsSyncAndAsync() throws Exception {
        ConsumerCalls.helviaMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"actor\":{\"actorId\":\"a\"},\"flag\":True}", "{\"actor\":{\"actorId\":\"it\\'s\"}}",
            "{actor:{actorId:\"a\"}}", "{\"actor\":{\"actorId\":\"a\"}} trailing"})
    void theSandboxStillRefusesBodiesThatAreNotStrictJson(String body) throws Exception {
        try (BrekSandbox sandbox = BrekSandbox.start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/partner/v1/core-chat/sessions"))
                            .header("x-partner-api-key", sandbox.apiKey())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("Invalid JSON payload"), response.body());
        }
    }
}
