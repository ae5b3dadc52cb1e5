package io.github.chatsdk.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.ApiError;
import io.github.chatsdk.core.BaseClientBuilder;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.core.ClientOptions;
import io.github.chatsdk.core.RequestOptions;
import io.github.chatsdk.core.internal.ApiProfile;
import io.github.chatsdk.core.internal.ApiRequest;
import io.github.chatsdk.core.internal.AuthHeader;
import io.github.chatsdk.core.internal.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's interceptors find each attempt's state through {@link Attempts} (not request
 * tags): the per-call timeouts reach the network chain, and no attempt stays registered after its
 * call returned, failed or was cancelled, on either driver.
 */
class AttemptsTest {
    private static final String KEY = "sk_live_attempts_test_1a2b3c";

    private MockWebServer server;
    private Transport transport;
    /** The read timeout each network exchange ran with, seen from a network interceptor. */
    private final List<Integer> readTimeouts = new CopyOnWriteArrayList<>();

    /** A builder of the options alone (the clients' builders are BaseClientBuilders, too). */
    private static final class Options extends BaseClientBuilder<Options> {
        Options(String baseUrl) {
            super(baseUrl);
        }

        @Override
        protected void applyEnv(Function<String, String> env) {
        }

        ClientOptions get() {
            return options();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        OkHttpClient recording = new OkHttpClient.Builder()
                .addNetworkInterceptor(chain -> {
                    readTimeouts.add(chain.readTimeoutMillis());
                    return chain.proceed(chain.request());
                })
                .build();
        ClientOptions options = new Options(server.url("/").toString()).okHttpClient(recording)
                .readTimeout(Duration.ofSeconds(7)).maxRetries(0).get();
        transport = Transport.create(options, new ApiProfile("attempts-test", List.of("X-Api-Key"),
                AuthHeader.plain("X-Api-Key", () -> KEY), Duration.ofSeconds(60)));
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        server.shutdown();
    }

    private static Operation<String> get() {
        ApiRequest request = ApiRequest.builder("getItem", "GET", "/v1/items/{id}").pathParam("id", "item_1")
                .authenticated(true).build();
        return Operation.of("test.items.get", request, true, ApiError::unparsed, r -> r.body());
    }

    @Test
    void aCallsOwnReadTimeoutReachesTheNetworkChainAndTheClientsAppliesOtherwise() {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setBody("{}"));
        transport.execute(get(), RequestOptions.builder().readTimeout(Duration.ofMillis(1234)).build());
        transport.execute(get(), RequestOptions.defaults());
        assertEquals(List.of(1234, 7000), readTimeouts);
        assertEquals(0, transport.attempts.size(), "attempts left registered");
    }

    @Test
    void noAttemptStaysRegisteredAfterSyncCallsThatSucceedOrFail() {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertEquals("{}", transport.execute(get(), RequestOptions.defaults()));
        assertThrows(ChatSdkException.class, () -> transport.execute(get(), RequestOptions.defaults()));
        assertEquals(0, transport.attempts.size(), "attempts left registered");
    }

    @Test
    void noAttemptStaysRegisteredAfterAsyncCallsThatSucceedOrFail() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertEquals("{}", transport.executeAsync(get(), RequestOptions.defaults()).get(10, TimeUnit.SECONDS));
        CompletableFuture<String> failing = transport.executeAsync(get(), RequestOptions.defaults());
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ChatSdkException, String.valueOf(e.getCause()));
        assertEquals(0, transport.attempts.size(), "attempts left registered");
    }

    @Test
    void aCancelledAsyncCallsAttemptIsForgottenOnceOkHttpReportsTheCancellation() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        CompletableFuture<String> f = transport.executeAsync(get(), RequestOptions.defaults());
        server.takeRequest(10, TimeUnit.SECONDS);
        assertEquals(1, transport.attempts.size(), "the attempt in flight is registered");
        f.cancel(true);
        assertThrows(CancellationException.class, f::join);
        // OkHttp reports the cancellation on its own thread: wait for it (bounded), not for a clock
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (transport.attempts.size() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, transport.attempts.size(), "the cancelled attempt left registered");
    }
}
