package io.github.chatsdk.testkit;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the sandbox sends (or would have sent, for a disconnect after processing). */
final class Reply {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final String body;

    Reply(int status, String body) {
        this.status = status;
        this.body = body;
        headers.put("content-type", "application/json; charset=utf-8");
    }

    static Reply json(int status, JsonElement body) {
        return new Reply(status, JsonSupport.write(body));
    }

    Reply header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }
}
