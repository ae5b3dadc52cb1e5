package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.PostbackActions;
import io.github.chatsdk.helvia.internal.generated.model.PostbackData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every member of {@code EventRequest} reaches the server as the spec describes it. */
class HelviaRequestTest extends HelviaServerTest {

    @Test
    void postbackDataAsAStringIsSentAsAString() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.postback(PostbackType.INTENT, "talk_to_human").sender("u1"));
        JsonObject payload = takeEvent().getAsJsonObject("message").getAsJsonObject("payload");
        assertEquals(json("{\"type\":\"intent\",\"data\":\"talk_to_human\"}"), payload);
    }

    @Test
    void postbackDataAsAnObjectIsSentAsAnActionsObject() throws Exception {
        enqueueReply();
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "set_variable");
        action.put("name", "plan");
        action.put("value", 3);
        action.put("nested", Map.of("ok", true));
        client.messages().send(HelviaMessage.postback(PostbackType.ACTION, List.of(action, Map.of())).sender("u1"));
        JsonObject payload = takeEvent().getAsJsonObject("message").getAsJsonObject("payload");
        assertEquals("action", payload.get("type").getAsString());
        JsonArray actions = payload.getAsJsonObject("data").getAsJsonArray("actions");
        assertEquals(2, actions.size());
        assertEquals(json("{\"type\":\"set_variable\",\"name\":\"plan\",\"value\":3,\"nested\":{\"ok\":true}}"),
                actions.get(0));
        assertEquals("3", actions.get(0).getAsJsonObject().get("value").toString(), "an integer stays an integer");
        assertEquals(json("{}"), actions.get(1));
    }

    @Test
    void postbackActionsAreCopiedWhenTheMessageIsBuilt() throws Exception {
        enqueueReply();
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "before");
        List<Map<String, Object>> actions = new ArrayList<>(List.of(action));
        HelviaMessage m = HelviaMessage.postback(PostbackType.ACTION, actions).sender("u1");
        action.put("name", "after");
        actions.add(Map.of("x", 1));
        client.messages().send(m);
        JsonObject data = takeEvent().getAsJsonObject("message").getAsJsonObject("payload").getAsJsonObject("data");
        assertEquals(json("{\"actions\":[{\"name\":\"before\"}]}"), data);
        assertEquals(List.of(Map.of("name", "before")), m.postbackActions().orElseThrow());
    }

    @Test
    void everyMemberIsSent() throws Exception {
        enqueueReply();
        HelviaMessage m = HelviaMessage.text("I'm late <again> & \"stressed\"")
                .contexts("ctx-a", "ctx-b")
                .sender(HelviaSender.of("user-9").name("Ann").email("ann@example.com"))
                .timestamp(1_700_000_000_123L)
                .language("EL")
                .addTags("vip", "time")
                .removeTags("new-user")
                .includeMetadata(true)
                .includeStrippedMarkdown(false)
                .handle("other-handle");
        client.messages().send(m);
        JsonObject sent = takeEvent();
        assertEquals(json("{\"handle\":\"other-handle\","
                + "\"message\":{\"text\":\"I'm late <again> & \\\"stressed\\\"\",\"contexts\":[\"ctx-a\",\"ctx-b\"]},"
                + "\"sender\":{\"id\":\"user-9\",\"name\":\"Ann\",\"email\":\"ann@example.com\"},"
                + "\"timestamp\":1700000000123,\"language\":\"EL\","
                + "\"tagOperations\":{\"add\":[\"vip\",\"time\"],\"remove\":[\"new-user\"]},"
                + "\"options\":{\"includeMetadata\":true,\"includeStrippedMarkdownTextResponses\":false}}"), sent);
        assertEquals("1700000000123", sent.get("timestamp").toString(), "epoch milliseconds, an integer");
    }

    @Test
    void textIsWrittenWithoutHtmlEscapes() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("I'm <b>ok</b> & fine").sender("u1"));
        String raw = take().getBody().readUtf8();
        assertTrue(raw.contains("I'm <b>ok</b> & fine"), raw);
    }

    @Test
    void timestampFromAnInstantIsEpochMilliseconds() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("hi").sender("u1").timestamp(Instant.parse("2024-05-01T10:00:00.123456Z")));
        assertEquals("1714557600123", takeEvent().get("timestamp").toString());
    }

    @Test
    void unsetMembersAndEmptyListsStayOutOfTheBody() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("hi").contexts(List.of()));
        JsonObject sent = takeEvent();
        assertEquals(json("{\"handle\":\"my-agent-handle\",\"message\":{\"text\":\"hi\"}}"), sent);
    }

    @Test
    void onlyTheTagOperationThatIsSetIsSent() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("hi").sender("u1").removeTags(List.of("a")));
        assertEquals(json("{\"remove\":[\"a\"]}"), takeEvent().getAsJsonObject("tagOperations"));
    }

    @Test
    void addingATagThatWasToBeRemovedCancelsTheRemoval() {
        HelviaMessage m = HelviaMessage.text("hi").removeTags("a", "b").addTags("b", "c").addTags("c");
        assertEquals(List.of("b", "c"), m.tagsToAdd());
        assertEquals(List.of("a"), m.tagsToRemove());
    }

    @Test
    void messagesAreImmutableValues() {
        HelviaMessage base = HelviaMessage.text("hi");
        HelviaMessage withLanguage = base.language("DE");
        assertFalse(base.language().isPresent());
        assertEquals("DE", withLanguage.language().orElseThrow());
        assertEquals(HelviaMessage.text("hi").language("DE"), withLanguage);
        assertEquals(HelviaMessage.postback(PostbackType.NODE, "greeting"), HelviaMessage.greeting());
    }

    @Test
    void aClientWithoutDefaultHandleUsesTheMessageHandle() throws Exception {
        enqueueReply();
        try (HelviaClient noHandle = HelviaClient.builder().apiToken(TOKEN).baseUrl(server.url("/").toString())
                .build()) {
            assertFalse(noHandle.handle().isPresent());
            noHandle.messages().send(HelviaMessage.text("hi").handle("per-message"));
        }
        assertEquals("per-message", takeEvent().get("handle").getAsString());
    }

    @Test
    void userAgentNamesTheSdkAndTheApi() throws Exception {
        enqueueReply();
        client.messages().send(HelviaMessage.text("hi"));
        String ua = take().getHeader("User-Agent");
        assertTrue(ua.startsWith("chatsdk-java/") && ua.contains("helvia"), ua);
    }
}
