package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.helvia.internal.generated.model.EventResponse;
import io.github.chatsdk.testsupport.JsonPaths;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Every example of {@code specs/helvia-bot.json} goes through the client, field by field. */
class HelviaSpecExamplesTest extends HelviaServerTest {

    @Test
    void greetingExampleIsSentExactlyAsDocumented() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.greeting().sender("user-123"));
        JsonObject sent = takeEvent();
        assertEquals(requestExample("greeting"), sent);
        assertEquals("my-agent-handle", sent.get("handle").getAsString());
        JsonObject payload = sent.getAsJsonObject("message").getAsJsonObject("payload");
        assertEquals("node", payload.get("type").getAsString());
        assertEquals("greeting", payload.get("data").getAsString());
        assertEquals(1, sent.getAsJsonObject("message").size(), "only the payload, no text or contexts");
        assertEquals("user-123", sent.getAsJsonObject("sender").get("id").getAsString());
        assertEquals(1, sent.getAsJsonObject("sender").size());
    }

    @Test
    void textMessageExampleIsSentExactlyAsDocumented() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("Hello, I need help with time management").sender("user-123"));
        JsonObject sent = takeEvent();
        assertEquals(requestExample("textMessage"), sent);
        assertEquals("Hello, I need help with time management",
                sent.getAsJsonObject("message").get("text").getAsString());
        assertEquals(1, sent.getAsJsonObject("message").size());
        assertEquals(3, sent.size(), "handle, message and sender only: unset members stay out");
    }

    @Test
    void withOptionsExampleIsSentExactlyAsDocumented() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("Hello")
                .sender(HelviaSender.of("user-123").name("John Doe").email("john@example.com"))
                .language("EN")
                .includeMetadata(true)
                .includeStrippedMarkdown(true));
        JsonObject sent = takeEvent();
        assertEquals(requestExample("withOptions"), sent);
        JsonObject sender = sent.getAsJsonObject("sender");
        assertEquals("user-123", sender.get("id").getAsString());
        assertEquals("John Doe", sender.get("name").getAsString());
        assertEquals("john@example.com", sender.get("email").getAsString());
        assertEquals("EN", sent.get("language").getAsString());
        JsonObject options = sent.getAsJsonObject("options");
        assertTrue(options.get("includeMetadata").getAsBoolean());
        assertTrue(options.get("includeStrippedMarkdownTextResponses").getAsBoolean());
    }

    @Test
    void conversationSendsTheGreetingAndTextExamples() throws Exception {
        enqueueReply();
        enqueueReply();
        HelviaConversation chat = client.conversation("user-123");
        chat.start();
        chat.say("Hello, I need help with time management");
        assertEquals(requestExample("greeting"), takeEvent());
        assertEquals(requestExample("textMessage"), takeEvent());
    }

    @Test
    void textResponseExampleIsReadFieldByField() throws Exception {
        JsonObject example = responseContent("200").getAsJsonObject("examples").getAsJsonObject("textResponse")
                .getAsJsonObject("value");
        enqueueOk(example.toString());
        AgentReply reply = client.messages().send(HelviaMessage.text("Hello").sender("user-123"));
        take();

        assertEquals(Optional.of("ok"), reply.status());
        assertEquals("ok", JsonPaths.at(reply.rawJson(), "status"));
        assertEquals(2, reply.responses().size());

        ReplyItem first = reply.responses().get(0);
        assertEquals(Optional.of("TX_b8eb307f-cf33-48fb-bc51-a0e7e6a7d817"), first.id());
        assertEquals(Optional.of("text"), first.type());
        assertTrue(first.isText());
        assertEquals(List.of("Hi! I'm the Productivity Coach."), first.options());
        assertEquals(Optional.of("Hi! I'm the Productivity Coach."), first.altText());
        assertEquals("TX_b8eb307f-cf33-48fb-bc51-a0e7e6a7d817", first.json().get("id"));
        assertEquals("Hi! I'm the Productivity Coach.", first.json().get("altText"));

        ReplyItem second = reply.responses().get(1);
        assertEquals(Optional.of("TX_1bfda168-dd49-4dc0-b9fc-56ce9cb5d141"), second.id());
        assertEquals(Optional.of("text"), second.type());
        assertEquals(List.of("How can I help you today?"), second.options());
        assertEquals(Optional.of("How can I help you today?"), second.altText());

        assertEquals(List.of("Hi! I'm the Productivity Coach.", "How can I help you today?"), reply.texts());
        assertEquals("Hi! I'm the Productivity Coach.\nHow can I help you today?", reply.text());
        assertEquals(List.of(), reply.responseIds(), "no metadata was asked for");
        assertEquals(List.of(), reply.nodeIds());
        assertEquals(List.of(), reply.strippedMarkdownTexts());
        assertEquals(200, reply.meta().statusCode());
        assertEquals(1, reply.meta().attempts());
        assertFalse(reply.meta().rateLimit().isPresent());
    }

    @Test
    void textResponseExampleIsAValidResponseOfTheSpec() {
        JsonObject example = responseContent("200").getAsJsonObject("examples").getAsJsonObject("textResponse")
                .getAsJsonObject("value");
        SPEC.assertValidResponse("POST", "/api/events", 200,
                okhttp3.Headers.of("Content-Type", "application/json"), example.toString());
    }

    @Test
    void healthCheckReadsTheStatusAndSendsNoCredential() throws Exception {
        enqueueOk("{\"status\":\"ok\"}");
        HealthStatus health = client.health().check();
        RecordedRequest r = take();
        assertEquals("GET", r.getMethod());
        assertEquals("/api/events", r.getPath());
        assertNull(r.getHeader("Authorization"), "the health check carries no credential");
        assertEquals(0, r.getBodySize());
        assertTrue(health.isOk());
        assertEquals(Optional.of("ok"), health.status());
        assertEquals("ok", JsonPaths.at(health.rawJson(), "status"));
        assertEquals(200, health.meta().statusCode());
    }
}
