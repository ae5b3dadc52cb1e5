package io.github.chatsdk.it.bom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.chatsdk.it.common.ConsumerCalls;
import io.github.chatsdk.it.common.Resolved;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An application with chatsdk-bom imported and dependencyConvergence on (the enforcer ran before
 * these tests): the versions our poms ask for are the ones loaded, one copy of each library. The
 * optional modules (OpenTelemetry, Bucket4j) are in the same build, as a user with both would have.
 */
class BomConsumerTest {

    @Test
    void theBomGivesOneOkHttp5AndTheGsonOurPomsAskFor() {
        Resolved.print();
        assertEquals(System.getProperty("expected.okhttp"), Resolved.okhttp());
        Resolved.oneOkHttp("okhttp-jvm-" + System.getProperty("expected.okhttp") + ".jar");
        assertEquals(System.getProperty("expected.gson"), Resolved.gson());
        assertEquals(1, Resolved.jarsHolding("okio/Buffer.class").size(), "one Okio");
        assertEquals(1, Resolved.jarsHolding("kotlin/KotlinVersion.class").size(), "one Kotlin standard library");
        assertEquals(List.of(), Resolved.jarsHolding("io/gsonfire/GsonFireBuilder.class"), "no gson-fire");
    }

    @Test
    void theOptionalModulesBringOneOpenTelemetryApiAndOneBucket4jAndNothingElseOfTheirs() {
        assertEquals(1, Resolved.jarsHolding("io/opentelemetry/api/OpenTelemetry.class").size(), "one opentelemetry-api");
        assertEquals(List.of(), Resolved.jarsHolding("io/opentelemetry/sdk/OpenTelemetrySdk.class"),
                "the OpenTelemetry SDK is the application's choice, not ours");
        assertEquals(1, Resolved.jarsHolding("io/github/bucket4j/Bucket.class").size(), "one Bucket4j core");
        assertEquals(List.of(), Resolved.jarsHolding("io/lettuce/core/RedisClient.class"),
                "the store's client is the application's choice, not ours");
    }

    @Test
    void aBrekSessionAndEventRunSyncAndAsync() throws Exception {
        ConsumerCalls.brekSessionAndEvent();
    }

    @Test
    void aHelviaMessageRunsSyncAndAsync() throws Exception {
        ConsumerCalls.helviaMessage();
    }
}
