package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.BadRequestException;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.RequestOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A conversation keeps one sender, one handle and its own language across turns. */
class HelviaConversationTest extends HelviaServerTest {

    private void enqueueText(String text) {
        enqueueOk("{\"status\":\"ok\",\"result\":{\"responses\":[{\"id\":\"TX_" + text.hashCode()
                + "\",\"type\":\"text\",\"options\":[\"" + text + "\"],\"altText\":\"" + text + "\"}]}}");
    }

    @Test
    void startThenThreeTurnsReachTheServerInOrderWithTheSameSenderAndHandle() throws Exception {
        enqueueText("Hi! I'm the Productivity Coach.");
        enqueueText("Tell me more.");
        enqueueText("Try time blocking.");
        enqueueText("Good luck!");
        HelviaConversation chat = client.conversation("user-123");

        assertEquals(List.of("Hi! I'm the Productivity Coach."), chat.start().texts());
        assertEquals(List.of("Tell me more."), chat.say("I need help with time management").texts());
        assertEquals(List.of("Try time blocking."), chat.say("Meetings eat my day").texts());
        assertEquals(List.of("Good luck!"), chat.say("Thanks").texts());

        JsonObject greeting = takeEvent();
        assertEquals(json("{\"type\":\"node\",\"data\":\"greeting\"}"),
                greeting.getAsJsonObject("message").get("payload"));
        List<String> said = List.of("I need help with time management", "Meetings eat my day", "Thanks");
        JsonObject[] turns = {greeting, takeEvent(), takeEvent(), takeEvent()};
        for (int i = 0; i < turns.length; i++) {
            assertEquals(HANDLE, turns[i].get("handle").getAsString(), "turn " + i);
            assertEquals(json("{\"id\":\"user-123\"}"), turns[i].get("sender"), "turn " + i);
            if (i > 0) {
                assertEquals(json("{\"text\":\"" + said.get(i - 1) + "\"}"), turns[i].get("message"), "turn " + i);
            }
        }
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void perCallOptionsOfAConversationTurnApplyToThatTurnOnly() throws Exception {
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(503)
                .setBody("{\"status\":\"error\",\"error\":\"busy\"}"));
        enqueueReply();
        HelviaConversation chat = client.conversation("user-123").addTags("vip");
        RequestOptions traced = RequestOptions.builder().header("x-trace-id", "t-1").maxRetries(0).build();
        assertThrows(io.github.chatsdk.core.InternalServerException.class,
                () -> chat.send(HelviaMessage.text("hi"), traced));
        assertEquals(List.of("vip"), chat.pendingTagsToAdd(), "a failed turn keeps its tags queued");
        assertEquals("t-1", take().getHeader("x-trace-id"));
        chat.say("again");
        assertNull(take().getHeader("x-trace-id"), "the options were for one turn");
        assertEquals(List.of(), chat.pendingTagsToAdd());
    }

    @Test
    void tagsQueuedFromManyThreadsAtOnceAreAllSentWithTheNextTurn() throws Exception {
        // the Javadoc of both views says thread-safe: concurrent queueing loses no tag
        enqueueReply();
        HelviaConversation chat = client.conversation("user-123");
        int threads = 8;
        int perThread = 25;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        chat.addTags("t" + thread + "-" + i);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, chat.pendingTagsToAdd().size(), "no tag lost");
        chat.async().say("hi").get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(threads * perThread, takeEvent().getAsJsonObject("tagOperations").getAsJsonArray("add").size());
        assertEquals(List.of(), chat.pendingTagsToAdd(), "the sent tags are forgotten");
    }

    @Test
    void aGeneratedSenderIdIsStableAndExposed() throws Exception {
        enqueueReply();
        enqueueReply();
        HelviaConversation chat = client.conversation();
        String id = chat.senderId();
        assertTrue(id.startsWith("chatsdk-") && id.length() > 20, id);
        assertNotEquals(id, client.conversation().senderId(), "each conversation gets its own id");
        chat.start();
        chat.say("hi");
        assertEquals(id, takeEvent().getAsJsonObject("sender").get("id").getAsString());
        assertEquals(id, takeEvent().getAsJsonObject("sender").get("id").getAsString());
    }

    @Test
    void theSendersNameAndEmailGoWithEveryTurn() throws Exception {
        enqueueReply();
        enqueueReply();
        HelviaSender ann = HelviaSender.of("u-ann").name("Ann").email("ann@example.com");
        HelviaConversation chat = client.conversation(ann);
        assertEquals(ann, chat.sender());
        chat.say("one");
        chat.send(HelviaMessage.text("two").sender("someone-else"));
        JsonObject expected = json("{\"id\":\"u-ann\",\"name\":\"Ann\",\"email\":\"ann@example.com\"}").getAsJsonObject();
        assertEquals(expected, takeEvent().get("sender"));
        assertEquals(expected, takeEvent().get("sender"), "the conversation's sender replaces the message's");
    }

    @Test
    void theLanguageIsPerConversationAndAMessageMayOverrideIt() throws Exception {
        for (int i = 0; i < 4; i++) {
            enqueueReply();
        }
        HelviaConversation greek = client.conversation("u-el").language("EL");
        HelviaConversation plain = client.conversation("u-plain");
        assertEquals("EL", greek.language().orElseThrow());
        greek.say("Γεια σου");
        plain.say("hello");
        greek.send(HelviaMessage.text("Hallo").language("DE"));
        greek.clearLanguage().say("hi");
        JsonObject first = takeEvent();
        assertEquals("EL", first.get("language").getAsString());
        assertEquals("Γεια σου", first.getAsJsonObject("message").get("text").getAsString());
        assertNull(takeEvent().get("language"));
        assertEquals("DE", takeEvent().get("language").getAsString());
        assertNull(takeEvent().get("language"));
    }

    @Test
    void queuedTagsGoWithTheNextTurnOnly() throws Exception {
        enqueueReply();
        enqueueReply();
        HelviaConversation chat = client.conversation("u1");
        chat.addTags("vip", "coach").removeTags("trial");
        assertEquals(List.of("vip", "coach"), chat.pendingTagsToAdd());
        chat.say("upgrade me");
        assertEquals(List.of(), chat.pendingTagsToAdd());
        assertEquals(List.of(), chat.pendingTagsToRemove());
        chat.say("thanks");
        assertEquals(json("{\"add\":[\"vip\",\"coach\"],\"remove\":[\"trial\"]}"),
                takeEvent().get("tagOperations"));
        assertNull(takeEvent().get("tagOperations"));
    }

    @Test
    void queuedTagsStayQueuedWhenTheTurnFails() throws Exception {
        enqueueJson(400, "{\"status\":\"error\",\"error\":\"Validator errors: x\"}");
        enqueueReply();
        HelviaConversation chat = client.conversation("u1").addTags("vip");
        assertThrows(BadRequestException.class, () -> chat.say("one"));
        assertEquals(List.of("vip"), chat.pendingTagsToAdd());
        chat.say("two");
        assertEquals(List.of(), chat.pendingTagsToAdd());
        assertEquals(json("{\"add\":[\"vip\"]}"), takeEvent().get("tagOperations"));
        assertEquals(json("{\"add\":[\"vip\"]}"), takeEvent().get("tagOperations"));
    }

    @Test
    void theMessagesOwnTagsWinOverQueuedOnes() throws Exception {
        enqueueReply();
        HelviaConversation chat = client.conversation("u1").addTags("a", "b").removeTags("c");
        chat.send(HelviaMessage.text("hi").removeTags("b").addTags("c", "d"));
        assertEquals(json("{\"add\":[\"a\",\"c\",\"d\"],\"remove\":[\"b\"]}"), takeEvent().get("tagOperations"));
    }

    @Test
    void addingAndRemovingTheSameTagKeepsTheLastChoice() {
        HelviaConversation chat = client.conversation("u1").addTags("x").removeTags("x");
        assertEquals(List.of(), chat.pendingTagsToAdd());
        assertEquals(List.of("x"), chat.pendingTagsToRemove());
    }

    @Test
    void postbacksGoThroughTheConversation() throws Exception {
        enqueueReply();
        enqueueReply();
        HelviaConversation chat = client.conversation("u1");
        chat.postback(PostbackType.INTENT, "talk_to_human");
        chat.postback(PostbackType.ACTION, List.of(Map.of("type", "handover")));
        assertEquals(json("{\"payload\":{\"type\":\"intent\",\"data\":\"talk_to_human\"}}"),
                takeEvent().get("message"));
        assertEquals(json("{\"payload\":{\"type\":\"action\",\"data\":{\"actions\":[{\"type\":\"handover\"}]}}}"),
                takeEvent().get("message"));
    }

    @Test
    void aConversationOnAClientWithoutHandleSendsNothing() {
        try (HelviaClient noHandle = HelviaClient.builder().apiToken(TOKEN).baseUrl(server.url("/").toString())
                .build()) {
            HelviaConversation chat = noHandle.conversation("u1");
            InvalidInputException e = assertThrows(InvalidInputException.class, chat::start);
            assertEquals("handle", e.field());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theConversationDescribesItselfWithoutSecrets() {
        HelviaConversation chat = client.conversation("u1").language("EN").addTags("t");
        assertEquals("HelviaConversation{senderId=u1, language=EN, pendingTagsToAdd=[t], pendingTagsToRemove=[]}",
                chat.toString());
        assertFalse(chat.toString().contains(TOKEN));
    }
}
