package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.AuthenticationException;
import io.github.chatsdk.core.ConnectionException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.ResponseMeta;
import io.github.chatsdk.testsupport.AsyncOperations;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.core.Sleeper;
import io.github.chatsdk.testsupport.RecordingSleeper;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@code helvia.async()} and {@code conversation.async()}: the same replies and exceptions as the
 * synchronous calls, a message never resent once it may have reached the agent, and a
 * conversation's queued tags forgotten only once the turn that carried them succeeded.
 */
class HelviaAsyncTest extends HelviaServerTest {
    private static final String REPLY = "{\"status\":\"ok\",\"result\":{\"responses\":[{\"id\":\"r1\",\"type\":\"text\","
            + "\"options\":[\"Hi!\",\"How can I help?\"],\"altText\":\"Hi!\"},{\"id\":\"r2\",\"type\":\"image\","
            + "\"url\":\"https://x/y.png\"}],\"responsesIds\":[\"r1\",\"r2\"],\"nodesIds\":[\"n1\"],"
            + "\"responsesStrippedMarkdownText\":[\"Hi!\"]}}";

    private HelviaClient asyncClient() {
        HelviaClient c = builder().sleeper(Sleeper.of(sleeps::add)).build();
        client.close();
        client = c; // closed after the test
        return c;
    }

    private static <T> T await(CompletableFuture<T> future) {
        return AsyncOperations.await(future);
    }

    @Test
    void anAsyncReplyEqualsTheSynchronousOneFieldByField() throws Exception {
        HelviaClient c = asyncClient();
        enqueueOk(REPLY);
        enqueueOk(REPLY);
        HelviaMessage message = HelviaMessage.text("Hello").sender("user-123").includeMetadata(true)
                .includeStrippedMarkdown(true);
        AgentReply sync = c.messages().send(message);
        AgentReply async = await(c.async().messages().send(message));

        assertEquals(sync.status(), async.status());
        assertEquals(sync.texts(), async.texts());
        assertEquals(sync.responseIds(), async.responseIds());
        assertEquals(sync.nodeIds(), async.nodeIds());
        assertEquals(sync.strippedMarkdownTexts(), async.strippedMarkdownTexts());
        assertEquals(sync.responses().size(), async.responses().size());
        for (int i = 0; i < sync.responses().size(); i++) {
            ReplyItem a = sync.responses().get(i);
            ReplyItem b = async.responses().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.type(), b.type());
            assertEquals(a.options(), b.options());
            assertEquals(a.altText(), b.altText());
            assertEquals(a.json(), b.json());
        }
        assertEquals(sync.rawJson(), async.rawJson());
        assertSameMeta(sync.meta(), async.meta());
        assertEquals(takeEvent(), takeEvent(), "the same request body");
    }

    @Test
    void anAsyncHealthCheckEqualsTheSynchronousOne() throws Exception {
        HelviaClient c = asyncClient();
        enqueueOk("{\"status\":\"ok\"}");
        enqueueOk("{\"status\":\"ok\"}");
        HealthStatus sync = c.health().check();
        HealthStatus async = await(c.async().health().check());
        assertEquals(sync.status(), async.status());
        assertEquals(sync.isOk(), async.isOk());
        assertEquals(sync.rawJson(), async.rawJson());
        assertSameMeta(sync.meta(), async.meta());
        assertNull(take().getHeader("Authorization"));
        assertNull(take().getHeader("Authorization"), "the health check carries no credential");
    }

    private static void assertSameMeta(ResponseMeta sync, ResponseMeta async) {
        assertEquals(sync.statusCode(), async.statusCode());
        assertEquals(sync.headers(), async.headers());
        assertEquals(sync.requestId(), async.requestId());
        assertEquals(sync.rateLimit(), async.rateLimit());
        assertEquals(sync.attempts(), async.attempts());
    }

    @Test
    void anInvalidTokenFailsTheFutureWithTheSameTypedException() throws Exception {
        HelviaClient c = asyncClient();
        enqueueJson(401, "{\"status\":\"error\",\"error\":\"Invalid token: jwt expired\"}");
        enqueueJson(401, "{\"status\":\"error\",\"error\":\"Invalid token: jwt expired\"}");
        AuthenticationException sync = assertThrows(AuthenticationException.class,
                () -> c.messages().send(HelviaMessage.text("hi")));
        CompletableFuture<AgentReply> future = c.async().messages().send(HelviaMessage.text("hi"));
        Throwable seen = future.handle((r, t) -> t).join();
        AuthenticationException async = (AuthenticationException) seen;
        assertEquals(sync.getMessage(), async.getMessage());
        assertEquals(HelviaError.Reason.INVALID_TOKEN, HelviaError.reasonOf(async));
        assertEquals(sync.rawBody(), async.rawBody());
        assertFalse(async.getMessage().contains(TOKEN));
        take();
        take();
    }

    @Test
    void aMessageWithoutAHandleFailsTheFutureAndSendsNothing() {
        HelviaClient noHandle = HelviaClient.builder().apiToken(TOKEN).baseUrl(server.url("/").toString()).build();
        try {
            InvalidInputException sync = assertThrows(InvalidInputException.class,
                    () -> noHandle.messages().send(HelviaMessage.text("hi")));
            CompletableFuture<AgentReply> future = noHandle.async().messages().send(HelviaMessage.text("hi"));
            InvalidInputException async = assertThrows(InvalidInputException.class, () -> await(future));
            assertEquals(sync.field(), async.field());
            assertEquals(sync.getMessage(), async.getMessage());
            assertThrows(NullPointerException.class, () -> await(noHandle.async().messages().send((HelviaMessage) null)));
            assertEquals(0, server.getRequestCount());
        } finally {
            noHandle.close();
        }
    }

    @Test
    void anAsyncMessageIsNotResentOnceItMayHaveReachedTheAgent() throws Exception {
        HelviaClient c = asyncClient();
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        enqueueReply();
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> await(c.async().messages().send(HelviaMessage.text("hi"))));
        assertTrue(e.outcomeUnknown());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeps);
        take();
    }

    @Test
    void aFailedHealthCheckIsRetriedAsynchronouslyWithTheRecordedDelay() throws Exception {
        HelviaClient c = asyncClient();
        enqueueJson(503, "{\"status\":\"error\",\"error\":\"busy\"}");
        enqueueOk("{\"status\":\"ok\"}");
        assertEquals(2, await(c.async().health().check()).meta().attempts());
        assertEquals(1, sleeps.size());
        take();
        assertEquals("1", take().getHeader("x-chatsdk-retry-count"));
    }

    // ---- conversations ------------------------------------------------------------------------

    @Test
    void asyncTurnsOfAConversationCarryItsSenderLanguageAndTags() throws Exception {
        HelviaClient c = asyncClient();
        enqueueReply();
        enqueueReply();
        HelviaConversation chat = c.conversation("user-123").language("EN").addTags("vip");
        assertSame(chat.async(), chat.async());
        await(chat.async().start().thenCompose(greeting -> chat.async().say("Hello")));
        assertEquals(List.of(), chat.pendingTagsToAdd(), "forgotten once the turn carrying them succeeded");

        JsonObject greeting = takeEvent();
        assertEquals(json("{\"id\":\"user-123\"}"), greeting.get("sender"));
        assertEquals("EN", greeting.get("language").getAsString());
        assertEquals(json("{\"add\":[\"vip\"]}"), greeting.get("tagOperations"));
        JsonObject said = takeEvent();
        assertEquals(json("{\"text\":\"Hello\"}"), said.get("message"));
        assertNull(said.get("tagOperations"), "the tags went out once");
    }

    @Test
    void aFailedAsyncTurnKeepsItsTagsQueued() throws Exception {
        HelviaClient c = asyncClient();
        enqueueJson(500, "{\"status\":\"error\",\"error\":\"boom\"}");
        HelviaConversation chat = c.conversation("user-123").addTags("vip");
        assertThrows(InternalServerException.class, () -> await(chat.async().say("Hello")));
        assertEquals(List.of("vip"), chat.pendingTagsToAdd());
        take();
    }

    @Test
    void tagsQueuedWhileATurnIsInFlightStayForTheNextTurn() throws Exception {
        RecordingSleeper held = RecordingSleeper.holding();
        HelviaClient c = builder().sleeper(held).build();
        try {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)); // held in flight
            HelviaConversation chat = c.conversation("user-123").addTags("first");
            CompletableFuture<AgentReply> turn = chat.async().send(HelviaMessage.text("hi"),
                    RequestOptions.builder().header("x-trace-id", "t").build());
            take();
            chat.addTags("second");
            assertTrue(turn.cancel(true));
            assertThrows(CancellationException.class, turn::join);
            assertEquals(List.of("first", "second"), chat.pendingTagsToAdd(), "a cancelled turn forgets nothing");
            assertEquals(0, held.pending().size(), "a message is never retried after it was sent");
        } finally {
            c.close();
        }
    }

    @Test
    void aClosedClientFailsTheFutureWithIllegalStateException() {
        HelviaClient c = asyncClient();
        c.close();
        assertThrows(IllegalStateException.class, () -> await(c.async().health().check()));
        assertThrows(IllegalStateException.class, () -> await(c.conversation("u").async().say("hi")));
    }

}
