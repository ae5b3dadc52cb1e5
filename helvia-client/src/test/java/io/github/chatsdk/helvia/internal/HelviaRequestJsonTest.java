package io.github.chatsdk.helvia.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.chatsdk.helvia.internal.generated.JSON;
import io.github.chatsdk.helvia.internal.generated.model.EventRequest;
import io.github.chatsdk.helvia.internal.generated.model.Message;
import io.github.chatsdk.helvia.internal.generated.model.Postback;
import io.github.chatsdk.helvia.internal.generated.model.PostbackActions;
import io.github.chatsdk.helvia.internal.generated.model.PostbackData;
import io.github.chatsdk.helvia.internal.generated.model.RequestOptions;
import io.github.chatsdk.helvia.internal.generated.model.Sender;
import io.github.chatsdk.helvia.internal.generated.model.TagOperations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written request writer produces exactly what the generated Gson writes. */
class HelviaRequestJsonTest {

    @Test
    void writesEventRequestsAsTheGeneratedGsonDoes() {
        List<EventRequest> requests = List.of(
                new EventRequest().handle("my-agent-handle").message(new Message().text("Hello, I need help"))
                        .sender(new Sender().id("user-123")),
                new EventRequest().handle("h").message(new Message().payload(
                        new Postback().type(Postback.TypeEnum.NODE).data(new PostbackData("greeting")))),
                new EventRequest().handle("h").message(new Message().payload(new Postback().type(Postback.TypeEnum.INTENT))),
                new EventRequest().handle("h").message(new Message().text("<b>I'm</b> & é 😀 \u2028 \"q\" \\")
                        .contexts(Arrays.asList("a", null, "b")))
                        .sender(new Sender().id("u").name("John Doe").email("john@example.com"))
                        .timestamp(BigDecimal.valueOf(1771456966998L)).language("EN")
                        .tagOperations(new TagOperations().add(List.of("x", "y")).remove(new ArrayList<>()))
                        .options(new RequestOptions().includeMetadata(true).includeStrippedMarkdownTextResponses(false)),
                new EventRequest().timestamp(new BigDecimal("1.50")).tagOperations(new TagOperations())
                        .options(new RequestOptions()).message(new Message().contexts(List.of())),
                new EventRequest().message(new Message().payload(new Postback())),
                new EventRequest());
        for (EventRequest r : requests) {
            assertEquals(JSON.serialize(r), HelviaRequestJson.write(r));
        }
    }

    @Test
    void leavesAdditionalPropertiesAndActionPostbacksToTheGeneratedWriter() {
        assertNull(HelviaRequestJson.write(new EventRequest().putAdditionalProperty("x", 1)));
        assertNull(HelviaRequestJson.write(new EventRequest().sender(new Sender().putAdditionalProperty("x", 1))));
        assertNull(HelviaRequestJson.write(new EventRequest().message(new Message().payload(new Postback()
                .type(Postback.TypeEnum.ACTION)
                .data(new PostbackData(new PostbackActions().actions(List.<Object>of(Map.of("a", 1)))))))));
        assertNull(HelviaRequestJson.write("text"));
    }
}
