package io.github.chatsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ResponseMetaTest {
    private static final Headers HEADERS = new Headers.Builder()
            .add("Content-Type", "application/json")
            .add("X-Request-Id", "req-1")
            .add("Set-Cookie", "a=1")
            .add("x-ratelimit-remaining", "119")
            .add("set-cookie", "b=2")
            .build();

    @Test
    void fromOkHttpHeadersActsLikeTheirMultimap() {
        ResponseMeta meta = new ResponseMeta(200, HEADERS, null, 1);
        assertEquals(HEADERS.toMultimap(), meta.headers());
        assertEquals(List.of("a=1", "b=2"), meta.headers().get("SET-COOKIE"));
        assertEquals(Optional.of("a=1"), meta.header("set-cookie"));
        assertEquals(Optional.of("req-1"), meta.requestId());
        assertEquals(Optional.of("119"), meta.header("X-RateLimit-Remaining"));
        assertEquals(Optional.empty(), meta.header("x-partner-id"));
        assertEquals(List.of("content-type", "set-cookie", "x-ratelimit-remaining", "x-request-id"),
                List.copyOf(meta.headers().keySet()));
    }

    @Test
    void fromAMapKeepsItsEntriesAndIgnoresCase() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("X-Request-Id", List.of("req-1"));
        given.put("set-cookie", List.of("a=1", "b=2"));
        given.put("empty", List.of());
        ResponseMeta meta = new ResponseMeta(404, given, null, 2);
        assertEquals(given, meta.headers());
        assertEquals(Optional.of("req-1"), meta.requestId());
        assertEquals(Optional.of("a=1"), meta.header("Set-Cookie"));
        assertEquals(Optional.empty(), meta.header("empty"));
        assertEquals(List.of(), meta.headers().get("EMPTY"));
        given.put("later", List.of("x"));
        assertEquals(Optional.empty(), meta.header("later"), "a copy");
        assertThrows(UnsupportedOperationException.class, () -> meta.headers().put("a", List.of()));
    }

    @Test
    void fromAMapALaterEntryOfTheSameNameWins() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("X-Id", List.of("first"));
        given.put("x-id", List.of("second"));
        ResponseMeta meta = new ResponseMeta(200, given, null, 1);
        assertEquals(Optional.of("second"), meta.header("X-ID"));
        assertEquals(List.of("second"), meta.headers().get("x-id"));
        assertEquals(1, meta.headers().size());
    }
}
