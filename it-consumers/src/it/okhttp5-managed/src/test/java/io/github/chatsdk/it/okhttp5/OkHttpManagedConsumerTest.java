package io.github.chatsdk.it.okhttp5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.it.common.ConsumerCalls;
import io.github.chatsdk.it.common.Resolved;
import io.github.chatsdk.testkit.BrekSandbox;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * An application that manages {@code okhttp} to the newest 5.x and uses OkHttp itself: its empty
 * okhttp jar and our okhttp-jvm make one OkHttp, which the app and the clients share.
 */
class OkHttpManagedConsumerTest {

    @Test
    void theManagedOkHttp5AndTheClientsShareOneOkHttpJvm() {
        Resolved.print();
        String managed = System.getProperty("expected.okhttp-managed");
        assertEquals(managed, Resolved.okhttp());
        Resolved.oneOkHttp("okhttp-jvm-" + managed + ".jar");
    }

    @Test
    void theClientsRunOnTheApplicationsOwnOkHttpClient() throws Exception {
        OkHttpClient appClient = new OkHttpClient.Builder().build();
        try (BrekSandbox sandbox = BrekSandbox.start();
                BrekClient brek = BrekClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl())
                        .okHttpClient(appClient).build()) {
            Session sync = brek.sessions().create(CreateSession.forActor("partner_user_001"));
            Session async = brek.async().sessions().create(CreateSession.forActor("partner_user_001"))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(!sync.sessionId().equals(async.sessionId()));
            assertEquals(2, sandbox.requests().size());
        } finally {
            appClient.dispatcher().executorService().shutdown();
            appClient.connectionPool().evictAll();
        }
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
