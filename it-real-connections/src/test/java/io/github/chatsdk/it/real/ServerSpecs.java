package io.github.chatsdk.it.real;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.chatsdk.testsupport.SpecValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks every request a test server logged against the spec of the API it was sent to. */
final class ServerSpecs {
    private static final SpecValidator BREK = SpecValidator.brek();
    private static final SpecValidator HELVIA = SpecValidator.helvia();

    private ServerSpecs() {
    }

    /** Fails when any request the server logged breaks its spec. */
    static void assertEveryRequestMatchesTheSpecs(NodeServer server) {
        List<JsonObject> requests = server.events("request");
        for (JsonObject r : requests) {
            String path = r.get("path").getAsString();
            SpecValidator v = path.startsWith("/api/partner/") ? BREK : HELVIA;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> h : r.getAsJsonObject("headers").entrySet()) {
                headers.put(h.getKey(), List.of(h.getValue().getAsString()));
            }
            v.assertValidRequest(r.get("method").getAsString(), path, headers, r.get("body").getAsString());
        }
    }
}
