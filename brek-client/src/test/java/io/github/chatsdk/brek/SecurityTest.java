package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.EVENTS;
import static io.github.chatsdk.brek.SpecExamples.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.core.UnexpectedStatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API key stays secret: never in a {@code toString()} or an exception message, never sent to
 * another origin by a redirect, never over plain HTTP to a host that is not loopback unless the
 * user opts in.
 */
class SecurityTest extends BrekServerTest {

    @Test
    void theKeyIsInNoToStringOfClientOrBuilder() {
        BrekClient.Builder builder = builder();
        BrekClient client = track(builder.build());
        BrekClient bearer = track(builder().authScheme(BrekAuthScheme.BEARER).build());
        BrekClient.Builder supplied = BrekClient.builder().apiKey(() -> API_KEY);
        BrekClient.Builder fromEnv = BrekClient.builder().fromEnv(Map.of("BREK_API_KEY", API_KEY));

        for (Object o : List.of(builder, client, bearer, supplied, fromEnv, client.sessions(), client.events())) {
            assertFalse(o.toString().contains(API_KEY), o.getClass() + ": " + o);
        }
        assertTrue(client.toString().contains("[redacted]"), client.toString());
        assertTrue(builder.toString().contains("[redacted]"), builder.toString());
        assertTrue(BrekClient.builder().toString().contains("unset"));
    }

    @Test
    void theKeyIsNotInTheUserAgent() throws Exception {
        server.enqueue(ok(SpecExamples.response(SESSIONS, "post", "200", "success")));

        client().sessions().create(CreateSession.forActor("partner_user_001"));

        String ua = takeRequest().getHeader("User-Agent");
        assertTrue(ua.startsWith("chatsdk-java/"), ua);
        assertFalse(ua.contains(API_KEY), ua);
    }

    static Stream<Arguments> crossOriginRedirects() {
        List<Arguments> out = new ArrayList<>();
        for (BrekOperation op : BrekOperation.values()) {
            for (int status : new int[] {301, 302, 303, 307, 308}) {
                out.add(Arguments.of(op, status));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("crossOriginRedirects")
    void aRedirectToAnotherPortIsNotFollowedSoNoCredentialLeavesTheOrigin(BrekOperation op, int status)
            throws Exception {
        MockWebServer other = newServer();
        other.enqueue(ok(op.successExample()));
        String target = other.url(op.path).toString();
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", target));

        UnexpectedStatusException e = expect(UnexpectedStatusException.class, () -> op.run(client()));

        assertEquals(status, e.statusCode());
        assertEquals(Optional.of(target), e.meta().header("Location"));
        assertEquals(1, e.attempts());
        RecordedRequest first = takeRequest();
        assertEquals(API_KEY, first.getHeader("x-partner-api-key"), "the origin itself got the key");
        assertEquals(1, server.getRequestCount());
        assertEquals(0, other.getRequestCount(), "the other origin received nothing");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x-partner-api-key", "Authorization", "api-key"})
    void noSchemeSendsItsCredentialToARedirectTargetOnAnotherPort(String header) throws Exception {
        BrekAuthScheme scheme = header.equals("Authorization") ? BrekAuthScheme.BEARER
                : header.equals("api-key") ? BrekAuthScheme.LEGACY_API_KEY : BrekAuthScheme.PARTNER_API_KEY;
        MockWebServer other = newServer();
        other.enqueue(ok(BrekOperation.GET_SESSION.successExample()));
        server.enqueue(new MockResponse().setResponseCode(307)
                .setHeader("Location", other.url(BrekOperation.GET_SESSION.path).toString()));
        BrekClient client = track(builder().authScheme(scheme).build());

        expect(UnexpectedStatusException.class, () -> client.sessions().get(SESSION_ID));

        assertTrue(takeRequest().getHeader(header).contains(API_KEY));
        assertEquals(0, other.getRequestCount());
    }

    @Test
    void aRedirectToHttpsOnTheSameHostAndPortIsAnotherOriginAndNotFollowed() throws Exception {
        String https = server.url(BrekOperation.GET_SESSION.path).newBuilder().scheme("https").build().toString();
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", https));

        UnexpectedStatusException e = expect(UnexpectedStatusException.class,
                () -> client().sessions().get(SESSION_ID));

        assertEquals(302, e.statusCode());
        takeRequest();
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aSameOriginRedirectOfAGetIsFollowedWithTheCredential() throws Exception {
        String moved = SESSIONS + "/sess_moved";
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", moved));
        server.enqueue(ok(SpecExamples.response(SpecExamples.SESSION, "get", "200", "success")));

        SessionSnapshot snap = client().sessions().get(SESSION_ID);

        assertEquals(SESSION_ID, snap.sessionId());
        assertEquals(200, snap.meta().statusCode());
        assertEquals(SESSIONS + "/" + SESSION_ID, takeRequest().getPath());
        RecordedRequest followed = takeRequest();
        assertEquals(moved, followed.getPath());
        assertEquals("GET", followed.getMethod());
        assertEquals(API_KEY, followed.getHeader("x-partner-api-key"));
        assertNull(followed.getHeader("Authorization"));
        assertNull(followed.getHeader("api-key"));
    }

    @Test
    void aSameOriginTemporaryRedirectOfAnEventResendsTheSameBodyAndKey() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", server.url(EVENTS).toString()));
        server.enqueue(ok(SpecExamples.response(EVENTS, "post", "200", "shortlist")));

        EventResult r = client().events().bookOption(SESSION_ID, "1375108c-d021-4e45-a54a-e11ef553af07");

        RecordedRequest first = takeRequest();
        RecordedRequest followed = takeRequest();
        assertEquals("POST", followed.getMethod());
        assertEquals(bodyOf(first), bodyOf(followed));
        assertEquals(r.idempotencyKey(), sentJson(followed).get("idempotencyKey").getAsString());
        assertEquals(API_KEY, followed.getHeader("x-partner-api-key"));
    }

    @Test
    void aSameOriginFoundRedirectOfAPostIsNotTurnedIntoAGet() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", server.url(EVENTS).toString()));

        UnexpectedStatusException e = expect(UnexpectedStatusException.class,
                () -> client().events().sendText(SESSION_ID, "partner_user_001", "Seattle"));

        assertEquals(302, e.statusCode());
        assertTrue(e.idempotencyKey().isPresent());
        takeRequest();
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRedirectLoopEndsWithTheLastRedirect() throws Exception {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse().setResponseCode(302)
                    .setHeader("Location", SESSIONS + "/" + SESSION_ID));
        }

        UnexpectedStatusException e = expect(UnexpectedStatusException.class,
                () -> clientWithoutRetries().sessions().get(SESSION_ID));

        assertEquals(302, e.statusCode());
        assertEquals(6, server.getRequestCount(), "the first request and five hops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://brek.ai", "http://10.0.0.5:3000", "http://192.168.1.2",
            "http://127.example.com", "http://127.0.0.1.nip.io", "http://localhost.example.com"})
    void plainHttpToAHostThatIsNotLoopbackIsRefused(String url) {
        InvalidInputException e = expect(InvalidInputException.class,
                () -> BrekClient.builder().apiKey(API_KEY).baseUrl(url).build());

        assertEquals("baseUrl", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.5:3000", "http://127.example.com"})
    void plainHttpToAnyHostIsAllowedWhenTheUserOptsIn(String url) {
        BrekClient client = track(BrekClient.builder().apiKey(API_KEY).baseUrl(url).allowInsecureHttp(true).build());

        assertEquals(url, client.baseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {BrekClient.LOCAL_URL, "http://127.0.0.1:8080", "http://[::1]:8080",
            "https://example.com", BrekClient.PRODUCTION_URL})
    void httpsAnywhereAndPlainHttpToLoopbackAreAllowed(String url) {
        BrekClient client = track(BrekClient.builder().apiKey(API_KEY).baseUrl(url).build());

        assertEquals(url, client.baseUrl());
    }

    @Test
    void theDefaultBaseUrlIsProductionOverHttps() {
        BrekClient client = track(BrekClient.builder().apiKey(API_KEY).build());

        assertEquals("https://www.brek.ai", client.baseUrl());
    }
}
