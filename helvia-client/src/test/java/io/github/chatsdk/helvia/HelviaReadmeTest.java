package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.ServiceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of helvia-client/README-section.md, run against the mock server. */
class HelviaReadmeTest extends HelviaServerTest {
    private static final String GREETING = "{\"status\":\"ok\",\"result\":{\"responses\":["
            + "{\"id\":\"TX_1\",\"type\":\"text\",\"options\":[\"Hi! I'm the Productivity Coach.\"],"
            + "\"altText\":\"Hi! I'm the Productivity Coach.\"}]}}";

    @Test
    void firstConversation() throws Exception {
        enqueueOk(GREETING);
        enqueueOk(GREETING);
        try (HelviaClient helvia = builder().build()) {
            HelviaConversation chat = helvia.conversation("user-123");
            chat.start();
            AgentReply reply = chat.say("Hello, I need help with time management");
            assertEquals(List.of("Hi! I'm the Productivity Coach."), reply.texts());
        }
        take();
        take();
    }

    @Test
    void everyMemberOfARequest() throws Exception {
        enqueueOk(GREETING);
        enqueueOk(GREETING);
        enqueueOk("{\"status\":\"ok\"}");
        HelviaClient helvia = client;
        AgentReply reply = helvia.messages().send(HelviaMessage.text("Hello")
                .sender(HelviaSender.of("user-123").name("John Doe").email("john@example.com"))
                .contexts("from-mobile-app")
                .timestamp(Instant.now())
                .language("EN")
                .addTags("vip").removeTags("trial")
                .includeMetadata(true)
                .includeStrippedMarkdown(true)
                .handle("another-agent"));
        helvia.messages().send(HelviaMessage.postback(PostbackType.ACTION, List.of(Map.of("type", "handover"))));
        for (ReplyItem item : reply.responses()) {
            assertEquals("TX_1", item.id().orElseThrow());
            assertEquals("text", item.type().orElseThrow());
        }
        assertEquals(1, reply.meta().attempts());
        assertTrue(helvia.health().check().isOk());
        take();
        take();
        take();
    }

    @Test
    void errors() throws Exception {
        enqueueJson(401, "{\"status\":\"error\",\"error\":\"Invalid token\"}");
        enqueueJson(403, "{\"status\":\"error\",\"error\":\"Unknown principal\"}");
        HelviaConversation chat = client.conversation("u1");
        boolean refreshed = false;
        try {
            chat.say("Hello");
        } catch (AuthenticationException e) {
            if (HelviaError.reasonOf(e) == HelviaError.Reason.INVALID_TOKEN) {
                refreshed = true;
            }
        }
        assertTrue(refreshed);
        String message = null;
        try {
            chat.say("Hello");
        } catch (ServiceException e) {
            message = HelviaError.from(e).flatMap(HelviaError::errorMessage).orElse(null);
        }
        assertEquals("Unknown principal", message);
        take();
        take();
    }
}
