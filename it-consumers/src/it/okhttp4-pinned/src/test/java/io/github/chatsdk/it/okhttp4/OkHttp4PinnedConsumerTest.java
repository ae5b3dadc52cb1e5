package io.github.chatsdk.it.okhttp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.it.common.ConsumerCalls;
import io.github.chatsdk.it.common.Resolved;
import io.github.chatsdk.testkit.HelviaSandbox;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/**
 * An application whose other library (Retrofit 3.0.0) pins OkHttp 4.12, with okhttp-jvm excluded
 * from the clients: one OkHttp, 4.12, and both the clients and Retrofit work on it.
 */
class OkHttp4PinnedConsumerTest {

    /** The other library's own use of OkHttp: Helvia's health check through Retrofit. */
    interface Health {
        @GET("api/events")
        Call<ResponseBody> check();
    }

    @Test
    void theOneOkHttpOnTheClassPathIsTheOtherLibrarys412() {
        Resolved.print();
        assertEquals(System.getProperty("expected.okhttp"), Resolved.okhttp());
        Resolved.oneOkHttp("okhttp-" + System.getProperty("expected.okhttp") + ".jar");
        assertEquals(List.of(), Resolved.jarsHolding("okhttp3/internal/_HeadersCommonKt.class"),
                "no OkHttp 5 classes anywhere");
        assertEquals(1, Resolved.jarsHolding("okio/Buffer.class").size(), "one Okio");
        assertTrue(Resolved.kotlin().startsWith("1."), "OkHttp 4's Kotlin 1.x: " + Resolved.kotlin());
    }

    @Test
    void retrofitWorksOnTheSameOkHttp() throws Exception {
        OkHttpClient okhttp = new OkHttpClient();
        try (HelviaSandbox sandbox = HelviaSandbox.start()) {
            Retrofit retrofit = new Retrofit.Builder().baseUrl(sandbox.baseUrl() + "/").client(okhttp).build();
            Response<ResponseBody> response = retrofit.create(Health.class).check().execute();
            assertEquals(200, response.code());
            try (ResponseBody body = response.body()) {
                assertTrue(body.string().contains("ok"), "the health body");
            }
        } finally {
            okhttp.dispatcher().executorService().shutdown();
            okhttp.connectionPool().evictAll();
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
