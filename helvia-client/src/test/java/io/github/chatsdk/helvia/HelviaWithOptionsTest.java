package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.testsupport.AsyncOperations;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code helvia.withOptions(...)}: defaults for every call, conversations included, on the parent's connections. */
class HelviaWithOptionsTest extends HelviaServerTest {

    @Test
    void aConversationOfTheDerivedClientUsesItsDefaultsOnTheParentsConnection() throws Exception {
        HelviaClient traced = client.withOptions(RequestOptions.builder().header("x-trace-id", "t-9").build());
        enqueueReply();
        enqueueReply();
        enqueueReply();
        client.messages().send(HelviaMessage.text("parent"));
        traced.conversation("user-123").say("child");
        AsyncOperations.await(traced.async().messages().send(HelviaMessage.text("child async")));

        RecordedRequest parent = take();
        RecordedRequest child = take();
        RecordedRequest childAsync = take();
        assertNull(parent.getHeader("x-trace-id"));
        assertEquals("t-9", child.getHeader("x-trace-id"));
        assertEquals("t-9", childAsync.getHeader("x-trace-id"));
        assertEquals(1, child.getSequenceNumber(), "the same connection as the parent's request");
        assertEquals(2, childAsync.getSequenceNumber());
        assertEquals("Bearer " + TOKEN, child.getHeader("Authorization"));
    }

    @Test
    void theHealthCheckOfTheDerivedClientUsesItsRetryCountAndTheParentKeepsItsOwn() throws Exception {
        HelviaClient failFast = client.withOptions(RequestOptions.builder().maxRetries(0).build());
        enqueueJson(503, "{\"status\":\"error\",\"error\":\"busy\"}");
        InternalServerException e = assertThrows(InternalServerException.class, () -> failFast.health().check());
        assertEquals(1, e.attempts());
        enqueueJson(503, "{\"status\":\"error\",\"error\":\"busy\"}");
        enqueueOk("{\"status\":\"ok\"}");
        assertEquals(2, client.health().check().meta().attempts());
        assertEquals(failFast.handle(), client.handle());
        assertEquals(failFast.baseUrl(), client.baseUrl());
    }

    @Test
    void closingTheDerivedClientLeavesTheParentWorking() throws Exception {
        HelviaClient child = client.withOptions(RequestOptions.defaults());
        child.close();
        assertThrows(IllegalStateException.class, () -> child.health().check());
        enqueueOk("{\"status\":\"ok\"}");
        assertEquals(true, client.health().check().isOk());
        take();
    }
}
