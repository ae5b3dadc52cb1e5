package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.helvia.internal.generated.model.EventResponse;
import io.github.chatsdk.testsupport.JsonPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies are read field by field; whatever the server adds is kept, never a reason to fail. */
class HelviaReplyTest extends HelviaServerTest {

    private AgentReply reply(String body) throws InterruptedException {
        enqueueOk(body);
        AgentReply r = client.messages().send(HelviaMessage.text("hi").sender("u1"));
        take();
        return r;
    }

    @Test
    void metadataAndStrippedMarkdownAreRead() throws Exception {
        AgentReply r = reply("{\"status\":\"ok\",\"result\":{"
                + "\"responses\":[{\"id\":\"TX_1\",\"type\":\"text\",\"options\":[\"**Hi**\"],\"altText\":\"Hi\"}],"
                + "\"responsesIds\":[\"TX_1\"],\"nodesIds\":[\"node-greeting\"],"
                + "\"responsesStrippedMarkdownText\":[\"Hi\"]}}");
        assertEquals(List.of("TX_1"), r.responseIds());
        assertEquals(List.of("node-greeting"), r.nodeIds());
        assertEquals(List.of("Hi"), r.strippedMarkdownTexts());
        assertEquals(List.of("**Hi**"), r.responses().get(0).options());
        assertEquals(List.of("Hi"), r.texts(), "the plain text is altText");
    }

    @Test
    void unknownFieldsAtEveryLevelAreAcceptedAndKept() throws Exception {
        AgentReply r = reply("{\"status\":\"ok\",\"traceId\":\"tr-1\",\"result\":{\"sessionId\":\"s-9\",\"score\":0.5,"
                + "\"responses\":[{\"id\":\"TX_1\",\"type\":\"text\",\"options\":[\"Hi\"],\"altText\":\"Hi\","
                + "\"delayMs\":300,\"meta\":{\"lang\":\"EN\",\"tags\":[\"a\"]},\"flag\":null}]}}");
        ReplyItem item = r.responses().get(0);
        assertEquals(List.of("Hi"), r.texts());
        assertEquals(300L, item.json().get("delayMs"), "integers stay integers");
        assertEquals(Map.of("lang", "EN", "tags", List.of("a")), item.json().get("meta"));
        assertTrue(item.json().containsKey("flag"));
        assertEquals("tr-1", JsonPaths.at(r.rawJson(), "traceId"));
        assertEquals("s-9", JsonPaths.at(r.rawJson(), "result.sessionId"));
    }

    @Test
    void unknownEnumValuesAreKeptAsText() throws Exception {
        AgentReply r = reply("{\"status\":\"partial\",\"result\":{\"responses\":[]}}");
        assertEquals(Optional.of("partial"), r.status());
        assertEquals("partial", JsonPaths.at(r.rawJson(), "status"));
        assertEquals(List.of(), r.responses());
    }

    @Test
    void unknownResponseTypesAreKeptNotDropped() throws Exception {
        AgentReply r = reply("{\"status\":\"ok\",\"result\":{\"responses\":["
                + "{\"id\":\"TX_1\",\"type\":\"text\",\"options\":[\"Pick one\"]},"
                + "{\"id\":\"BT_2\",\"type\":\"buttons\",\"options\":[\"Yes\",\"No\"],\"altText\":\"Yes / No\"},"
                + "{\"id\":\"HL_3\",\"type\":\"hologram\",\"options\":[],\"payload\":{\"x\":1}},"
                + "{\"type\":\"text\"}]}}");
        assertEquals(4, r.responses().size());
        ReplyItem buttons = r.responses().get(1);
        assertEquals(Optional.of("buttons"), buttons.type());
        assertFalse(buttons.isText());
        assertEquals(List.of("Yes", "No"), buttons.options());
        ReplyItem unknown = r.responses().get(2);
        assertEquals(Optional.of("hologram"), unknown.type());
        assertEquals(Optional.of("HL_3"), unknown.id());
        assertEquals(Map.of("x", 1L), unknown.json().get("payload"));
        ReplyItem bare = r.responses().get(3);
        assertEquals(Optional.empty(), bare.id());
        assertEquals(List.of(), bare.options());
        assertEquals(Optional.empty(), bare.altText());
        assertEquals(List.of("Pick one", ""), r.texts(), "only text responses; options when there is no altText");
    }

    @Test
    void aTextResponseWithSeveralOptionsAndNoAltTextJoinsThem() throws Exception {
        AgentReply r = reply("{\"result\":{\"responses\":[{\"type\":\"text\",\"options\":[\"a\",\"b\"]}]}}");
        assertEquals(List.of("a\nb"), r.texts());
        assertEquals(Optional.empty(), r.status());
    }

    @Test
    void aReplyWithoutResultHasNoResponses() throws Exception {
        AgentReply r = reply("{\"status\":\"ok\"}");
        assertEquals(List.of(), r.responses());
        assertEquals(List.of(), r.texts());
        assertEquals("", r.text());
        assertEquals(List.of(), r.nodeIds());
    }

    @Test
    void nullsInsideListsAreSkipped() throws Exception {
        AgentReply r = reply("{\"status\":\"ok\",\"result\":{\"responses\":[{\"type\":\"text\",\"options\":[null,\"x\"]}],"
                + "\"responsesIds\":null,\"nodesIds\":[null]}}");
        assertEquals(List.of("x"), r.responses().get(0).options());
        assertEquals(List.of(), r.responseIds());
        assertEquals(List.of(), r.nodeIds());
    }

    @Test
    void repliesAreUnmodifiable() throws Exception {
        AgentReply r = reply("{\"status\":\"ok\",\"result\":{\"responses\":[{\"type\":\"text\",\"options\":[\"x\"]}],"
                + "\"nodesIds\":[\"n\"]}}");
        assertThrows(UnsupportedOperationException.class, () -> r.responses().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.nodeIds().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.responses().get(0).options().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.responses().get(0).json().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.texts().clear());
    }

    @Test
    void responseMetadataCarriesHeadersAndRateLimit() throws Exception {
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type", "application/json")
                .setHeader("x-request-id", "req-77").setHeader("x-ratelimit-limit", "100")
                .setHeader("x-ratelimit-remaining", "99").setBody("{\"status\":\"ok\"}"));
        AgentReply r = client.messages().send(HelviaMessage.text("hi"));
        take();
        assertEquals(Optional.of("req-77"), r.meta().requestId());
        assertEquals(100L, r.meta().rateLimit().orElseThrow().limit().getAsLong());
        assertEquals(99L, r.meta().rateLimit().orElseThrow().remaining().getAsLong());
    }

    @Test
    void healthWithAnUnknownStatusIsNotOk() throws Exception {
        enqueueOk("{\"status\":\"degraded\",\"uptime\":12}");
        HealthStatus h = client.health().check();
        take();
        assertFalse(h.isOk());
        assertEquals(Optional.of("degraded"), h.status());
        assertEquals(12L, JsonPaths.at(h.rawJson(), "uptime"));
    }
}
