package io.github.chatsdk.brek;

import static io.github.chatsdk.brek.SpecExamples.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.chatsdk.core.InvalidInputException;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sessionId is one path segment whatever it contains: reserved and non-ASCII characters are
 * percent-encoded, and the dot-segments that would change the path are refused before sending.
 */
class SessionIdPathTest extends BrekServerTest {

    static Stream<Arguments> sessionIds() {
        return Stream.of(
                Arguments.of("a/b", "a%2Fb"),
                Arguments.of("../x", "..%2Fx"),
                Arguments.of("a b", "a%20b"),
                Arguments.of("a?b=c", "a%3Fb%3Dc"),
                Arguments.of("a#frag", "a%23frag"),
                Arguments.of("100%", "100%25"),
                Arguments.of("%2e%2e", "%252e%252e"),
                Arguments.of("a+b", "a%2Bb"),
                Arguments.of("a;b&c", "a%3Bb%26c"),
                Arguments.of("sess_é✓", "sess_%C3%A9%E2%9C%93"),
                Arguments.of("日本", "%E6%97%A5%E6%9C%AC"),
                Arguments.of("...", "..."),
                Arguments.of(".hidden", ".hidden"),
                Arguments.of(SESSION_ID, SESSION_ID));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sessionIds")
    void aSessionIdIsPercentEncodedAsOnePathSegment(String sessionId, String encoded) throws Exception {
        server.enqueue(ok(SpecExamples.response(SpecExamples.SESSION, "get", "200", "success")));

        client().sessions().get(sessionId);

        RecordedRequest r = takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals(SESSIONS + "/" + encoded, r.getPath());
        assertEquals(sessionId, r.getRequestUrl().pathSegments().get(5), "decodes back to the same id");
        assertEquals(6, r.getRequestUrl().pathSegments().size());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {".", "..", "", " ", "\t\n"})
    void aDotSegmentOrBlankSessionIdIsRefusedBeforeSending(String sessionId) {
        BrekClient client = client();

        InvalidInputException e = expect(InvalidInputException.class, () -> client.sessions().get(sessionId));

        assertEquals("sessionId", e.field());
        assertEquals(0, e.attempts());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aNullSessionIdIsRefusedNamingTheField() {
        BrekClient client = client();

        NullPointerException e = assertThrows(NullPointerException.class, () -> client.sessions().get(null));

        assertEquals("sessionId == null", e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
