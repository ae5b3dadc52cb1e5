package io.github.chatsdk.brek.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.chatsdk.brek.internal.generated.JSON;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequest;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestActor;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestChannel;
import io.github.chatsdk.brek.internal.generated.model.CreateSessionRequestConversation;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequest;
import io.github.chatsdk.brek.internal.generated.model.SendEventRequestActor;
import io.github.chatsdk.core.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written request writer produces exactly what the generated Gson writes. */
class BrekRequestJsonTest {

    @Test
    void writesSendEventRequestsAsTheGeneratedGsonDoes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("optionId", "1375108c-d021-4e45-a54a-e11ef553af07");
        nested.put("n", 3);
        nested.put("x", 2.5);
        nested.put("big", 12345678901234L);
        nested.put("none", null);
        nested.put("flag", true);
        nested.put("html", "<b>I'm & \"quoted\"</b> \u2028 é 😀");
        nested.put("list", Arrays.asList(1, "two", null, Map.of("k", "v"), List.of()));
        nested.put("empty", Map.of());
        List<SendEventRequest> requests = List.of(
                new SendEventRequest().sessionId("sess_1").actor(new SendEventRequestActor().actorId("partner_user_001"))
                        .text("Seattle Mar 20-23 1 room refundable").idempotencyKey("demo:sess_1:search:001"),
                new SendEventRequest().sessionId("sess_1").kind("action_book_option")
                        .payload(Map.of("optionId", "opt")).idempotencyKey("k"),
                new SendEventRequest().sessionId("s").kind("k").payload(nested).idempotencyKey("k"),
                new SendEventRequest().sessionId("s").kind("k").payload(frozen(nested)).idempotencyKey("k"),
                new SendEventRequest().sessionId("s").payload(new HashMap<>()),
                new SendEventRequest().actor(new SendEventRequestActor()),
                new SendEventRequest().text("line\nbreak\ttab \u0000 \\ / </script>"),
                new SendEventRequest());
        for (SendEventRequest r : requests) {
            assertEquals(JSON.serialize(r), BrekRequestJson.write(r));
        }
    }

    @Test
    void writesCreateSessionRequestsAsTheGeneratedGsonDoes() {
        List<CreateSessionRequest> requests = List.of(
                new CreateSessionRequest().actor(new CreateSessionRequestActor().actorId("partner_user_001")
                        .timezoneOffsetMinutes(-480)),
                new CreateSessionRequest().actor(new CreateSessionRequestActor().actorId("a"))
                        .conversation(new CreateSessionRequestConversation().id("c").channelId("ch").threadTs("1.2"))
                        .channel(new CreateSessionRequestChannel().workspaceId("w")),
                new CreateSessionRequest().conversation(new CreateSessionRequestConversation()),
                new CreateSessionRequest());
        for (CreateSessionRequest r : requests) {
            assertEquals(JSON.serialize(r), BrekRequestJson.write(r));
        }
    }

    @Test
    void leavesModelsWithAdditionalPropertiesAndOtherTypesToTheGeneratedWriter() {
        assertNull(BrekRequestJson.write(new SendEventRequest().sessionId("s").putAdditionalProperty("x", 1)));
        assertNull(BrekRequestJson.write(new SendEventRequest().actor(
                new SendEventRequestActor().actorId("a").putAdditionalProperty("x", 1))));
        assertNull(BrekRequestJson.write(new CreateSessionRequest().channel(
                new CreateSessionRequestChannel().putAdditionalProperty("x", "y"))));
        assertNull(BrekRequestJson.write("text"));
        assertNull(BrekRequestJson.write(new ArrayList<>()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> frozen(Map<String, Object> m) {
        return (Map<String, Object>) Json.freeze(m);
    }
}
