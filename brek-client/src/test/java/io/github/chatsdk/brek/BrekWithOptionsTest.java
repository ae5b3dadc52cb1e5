package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.chatsdk.core.ApiTimeoutException;
import io.github.chatsdk.core.InternalServerException;
import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.testsupport.AsyncOperations;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@code withOptions(...)}: a derived client whose calls use the options as defaults, sharing the
 * parent's connections, with per-call options on top; the parent is unaffected, and closing the
 * derived client leaves the parent working.
 */
class BrekWithOptionsTest extends BrekServerTest {
    private static final String SNAPSHOT = SpecExamples.response(SESSION, "get", "200", "success");
    private static final String SHORTLIST = SpecExamples.response(EVENTS, "post", "200", "shortlist");
    private static final String UNAVAILABLE = "{\"success\":false,\"error\":\"unavailable\"}";

    private static RequestOptions.Builder options() {
        return RequestOptions.builder();
    }

    @Test
    void theDerivedClientReusesTheParentsConnection() throws Exception {
        BrekClient parent = client();
        BrekClient child = parent.withOptions(options().header("x-trace-id", "t-1").build());
        server.enqueue(ok(SNAPSHOT));
        server.enqueue(ok(SNAPSHOT));
        server.enqueue(ok(SNAPSHOT));
        parent.sessions().get(SESSION_ID);
        child.sessions().get(SESSION_ID);
        AsyncOperations.await(child.async().sessions().get(SESSION_ID));

        RecordedRequest first = takeRequest();
        RecordedRequest second = takeRequest();
        RecordedRequest third = takeRequest();
        assertEquals(0, first.getSequenceNumber());
        assertEquals(1, second.getSequenceNumber(), "the derived client's request went on the parent's connection");
        assertEquals(2, third.getSequenceNumber(), "and so did its asynchronous request");
        assertNull(first.getHeader("x-trace-id"));
        assertEquals("t-1", second.getHeader("x-trace-id"));
        assertEquals("t-1", third.getHeader("x-trace-id"));
    }

    @Test
    void theDerivedClientsRetryCountAppliesToItsCallsOnlyAndTheParentKeepsItsOwn() throws Exception {
        BrekClient parent = client();
        BrekClient failFast = parent.withOptions(options().maxRetries(0).build());
        server.enqueue(error(503, UNAVAILABLE));
        InternalServerException e = expect(InternalServerException.class, () -> failFast.sessions().get(SESSION_ID));
        assertEquals(1, e.attempts());

        server.enqueue(error(503, UNAVAILABLE));
        server.enqueue(ok(SNAPSHOT));
        assertEquals(2, parent.sessions().get(SESSION_ID).meta().attempts(), "the parent still retries");
        assertEquals(1, sleeper.delays().size());
    }

    @Test
    void perCallOptionsApplyOnTopOfTheDerivedDefaults() throws Exception {
        BrekClient child = client().withOptions(options().maxRetries(0).header("x-a", "child").header("x-b", "child")
                .build());
        server.enqueue(error(503, UNAVAILABLE));
        server.enqueue(ok(SHORTLIST));
        EventResult r = child.events().send(SendEvent.text(SESSION_ID, "partner_user_001", "hi"),
                options().maxRetries(1).header("x-a", "call").build());
        assertEquals(2, r.meta().attempts(), "the call's retry count wins");
        RecordedRequest request = takeRequest();
        assertEquals("call", request.getHeader("x-a"), "the call's header wins");
        assertEquals("child", request.getHeader("x-b"));
        takeRequest();
    }

    @Test
    void derivingTwiceAddsOptionsOnTopOfOptions() throws Exception {
        BrekClient grandchild = client().withOptions(options().header("x-a", "1").maxRetries(0).build())
                .withOptions(options().header("x-b", "2").build());
        server.enqueue(error(503, UNAVAILABLE));
        expect(InternalServerException.class, () -> grandchild.sessions().get(SESSION_ID));
        RecordedRequest request = takeRequest();
        assertEquals("1", request.getHeader("x-a"));
        assertEquals("2", request.getHeader("x-b"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theDerivedReadTimeoutAppliesToSynchronousAndAsynchronousCalls() throws Exception {
        BrekClient parent = track(builder().build());
        BrekClient quick = parent.withOptions(options().readTimeout(Duration.ofMillis(200)).maxRetries(0).build());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)); // headers never come
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        expect(ApiTimeoutException.class, () -> quick.sessions().get(SESSION_ID));
        assertThrows(ApiTimeoutException.class, () -> AsyncOperations.await(quick.async().sessions().get(SESSION_ID)));
        server.enqueue(ok(SNAPSHOT));
        assertEquals(1, parent.sessions().get(SESSION_ID).meta().attempts(), "the parent has no such timeout");
    }

    @Test
    void closingTheDerivedClientLeavesTheParentWorkingAndClosingTheParentClosesBoth() throws Exception {
        BrekClient parent = client();
        BrekClient child = parent.withOptions(RequestOptions.defaults());
        child.close();
        assertThrows(IllegalStateException.class, () -> child.sessions().get(SESSION_ID));
        assertThrows(IllegalStateException.class, () -> AsyncOperations.await(child.async().sessions().get(SESSION_ID)));

        server.enqueue(ok(SNAPSHOT));
        parent.sessions().get(SESSION_ID);
        BrekClient other = parent.withOptions(RequestOptions.defaults());
        parent.close();
        assertThrows(IllegalStateException.class, () -> other.sessions().get(SESSION_ID));
        assertThrows(IllegalStateException.class, () -> parent.withOptions(RequestOptions.defaults()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theDerivedClientKeepsTheParentsSettings() {
        BrekClient parent = track(builder().authScheme(BrekAuthScheme.BEARER).build());
        BrekClient child = parent.withOptions(options().maxRetries(1).build());
        assertEquals(parent.baseUrl(), child.baseUrl());
        assertEquals(BrekAuthScheme.BEARER, child.authScheme());
        assertEquals(parent.toString(), child.toString());
    }

    @Test
    void optionsAreRequiredAndCannotCarryACredential() {
        BrekClient parent = client();
        assertThrows(NullPointerException.class, () -> parent.withOptions(null));
        assertThrows(InvalidInputException.class, () -> options().header("x-partner-api-key", "other"));
    }

    @Test
    void theCredentialOfTheParentGoesOutOnTheDerivedClientsRequests() throws Exception {
        BrekClient child = client().withOptions(options().header("x-trace-id", "t").build());
        server.enqueue(ok(SNAPSHOT));
        child.sessions().get(SESSION_ID);
        assertEquals(API_KEY, takeRequest().getHeader("x-partner-api-key"));
    }
}
