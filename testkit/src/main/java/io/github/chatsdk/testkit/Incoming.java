package io.github.chatsdk.testkit;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request as the server read it; header names are lower case. */
final class Incoming {
    final int sequence;
    final Instant receivedAt;
    final String method;
    final String rawPath;
    final String rawQuery;
    final Map<String, List<String>> headers;
    final String body;
    private final Optional<JsonElement> json;

    Incoming(int sequence, Instant receivedAt, String method, String rawPath, String rawQuery,
            Map<String, List<String>> headers, String body) {
        this.sequence = sequence;
        this.receivedAt = receivedAt;
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.json = JsonSupport.parseStrict(body);
    }

    /** The first value of a header, by any case of its name. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body parsed strictly; empty when it is not JSON. The element must not be modified. */
    Optional<JsonElement> json() {
        return json;
    }
}
