package io.github.chatsdk.brek.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.chatsdk.brek.internal.generated.JSON;
import io.github.chatsdk.brek.internal.generated.api.EventsApi;
import io.github.chatsdk.testsupport.RequestBodySamples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Brek request bodies {@link BrekBodies} writes are the generated Gson's, character for
 * character: for every operation with a body, its model empty, with every member set (found by
 * reflection, so a member the spec adds is covered) and additional properties on every object.
 */
class BrekBodiesTest {
    static List<RequestBodySamples.Case> bodies() {
        return RequestBodySamples.bodies(EventsApi.class, "io.github.chatsdk.brek.internal.generated.model",
                JSON::serialize);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void everyRequestBodyIsWrittenExactlyAsTheGeneratedGsonWritesIt(RequestBodySamples.Case body) {
        assertEquals(body.generated, body.sent);
    }
}
