package io.github.chatsdk.benchmarks;

import com.google.gson.Gson;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.benchmarks.stock.brek.ApiClient;
import io.github.chatsdk.benchmarks.stock.brek.ApiException;
import io.github.chatsdk.benchmarks.stock.brek.api.EventsApi;
import io.github.chatsdk.benchmarks.stock.brek.auth.ApiKeyAuth;
import io.github.chatsdk.benchmarks.stock.brek.model.SendEventRequest;
import io.github.chatsdk.benchmarks.stock.brek.model.SendEventRequestActor;
import io.github.chatsdk.benchmarks.stock.brek.model.SendEventResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The variants of Brek {@code send event} ({@code POST /api/partner/v1/core-chat/events}, a
 * natural-language turn with a fresh idempotency key), each sending the same request to the same
 * server and returning the parsed result.
 */
public final class BrekVariants {
    public static final String API_KEY = "bench_partner_key_0123456789";
    public static final String SESSION_ID = "sess_1771456953407_g7p6233d";
    public static final String ACTOR_ID = "partner_user_001";
    public static final String TEXT = "Seattle Mar 20-23 1 room refundable";

    private BrekVariants() {
    }

    /**
     * (1) The floor: what a careful developer writes by hand with OkHttp and Gson — one shared
     * {@code OkHttpClient} and {@code Gson}, small request/response classes, a status check, the
     * body streamed into Gson.
     */
    public static final class Floor implements AutoCloseable {
        private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
        private static final Gson GSON = new Gson();
        private final OkHttpClient http = new OkHttpClient();
        private final HttpUrl url;

        public Floor(String baseUrl) {
            this.url = HttpUrl.get(baseUrl + LoopbackServer.BREK_EVENTS_PATH);
        }

        public FloorResponse sendText(String sessionId, String actorId, String text) throws IOException {
            FloorRequest body = new FloorRequest(sessionId, actorId, text, "floor_" + UUID.randomUUID());
            Request request = new Request.Builder()
                    .url(url)
                    .header("x-partner-api-key", API_KEY)
                    .header("Accept", "application/json")
                    .post(RequestBody.create(GSON.toJson(body), JSON))
                    .build();
            try (Response response = http.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code());
                }
                return GSON.fromJson(response.body().charStream(), FloorResponse.class);
            }
        }

        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The floor's request body. */
    static final class FloorRequest {
        final String sessionId;
        final Actor actor;
        final String text;
        final String idempotencyKey;

        FloorRequest(String sessionId, String actorId, String text, String idempotencyKey) {
            this.sessionId = sessionId;
            this.actor = new Actor(actorId);
            this.text = text;
            this.idempotencyKey = idempotencyKey;
        }

        static final class Actor {
            final String actorId;

            Actor(String actorId) {
                this.actorId = actorId;
            }
        }
    }

    /** The floor's response body: what a hand-written client would bind. */
    public static final class FloorResponse {
        public Data data;

        public static final class Data {
            public String sessionId;
            public Event event;
            public Result result;
        }

        public static final class Event {
            public String id;
            public String kind;
        }

        public static final class Result {
            public String traceId;
            public String status;
            public Message message;
            public Artifacts artifacts;
        }

        public static final class Message {
            public String text;
        }

        public static final class Artifacts {
            public List<Option> shortlist;
        }

        public static final class Option {
            public String optionId;
            public String name;
            public BigDecimal pricePerNight;
            public BigDecimal totalPrice;
            public String currency;
            public Boolean refundable;
            public Double rating;
        }
    }

    /**
     * (2) The generated {@code EventsApi} called directly, with a generated {@code ApiClient}
     * (its default OkHttpClient) and the partner key set on the one scheme used.
     */
    public static final class Generated implements AutoCloseable {
        private final ApiClient apiClient;
        private final EventsApi api;

        public Generated(String baseUrl) {
            apiClient = new ApiClient();
            apiClient.setBasePath(baseUrl);
            ((ApiKeyAuth) apiClient.getAuthentication("PartnerApiKeyHeader")).setApiKey(API_KEY);
            api = new EventsApi(apiClient);
        }

        public SendEventResponse sendText(String sessionId, String actorId, String text) throws ApiException {
            return api.sendPartnerCoreChatEvent(new SendEventRequest()
                    .sessionId(sessionId)
                    .actor(new SendEventRequestActor().actorId(actorId))
                    .text(text)
                    .idempotencyKey("generated_" + UUID.randomUUID()));
        }

        @Override
        public void close() {
            apiClient.getHttpClient().dispatcher().executorService().shutdown();
            apiClient.getHttpClient().connectionPool().evictAll();
        }
    }

    /** (3) and (4): the facade, synchronous and async, one client. */
    public static final class Facade implements AutoCloseable {
        private final BrekClient brek;

        public Facade(String baseUrl) {
            brek = BrekClient.builder().apiKey(API_KEY).baseUrl(baseUrl).build();
        }

        public EventResult sendText(String sessionId, String actorId, String text) {
            return brek.events().sendText(sessionId, actorId, text);
        }

        /** (4) The facade, async: {@code brek.async().events().sendText(...)}. */
        public CompletableFuture<EventResult> sendTextAsync(String sessionId, String actorId, String text) {
            return brek.async().events().sendText(sessionId, actorId, text);
        }

        @Override
        public void close() {
            brek.close();
        }
    }

    /**
     * (1a) The async floor: the same hand-written call through {@code enqueue}, completing a
     * {@code CompletableFuture} from OkHttp's callback (what a careful developer writes for
     * non-blocking calls). {@code maxRequests} sets the dispatcher's limits (OkHttp's own default is
     * 5 per host and 64 in all) and the pool's idle connections (OkHttp's: 5), as the facade's
     * defaults do.
     */
    public static final class AsyncFloor implements AutoCloseable {
        private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
        private static final Gson GSON = new Gson();
        private final OkHttpClient http;
        private final HttpUrl url;

        /** With OkHttp's default dispatcher. */
        public AsyncFloor(String baseUrl) {
            this(baseUrl, 0);
        }

        /**
         * With the dispatcher allowing {@code maxRequests} calls, all to one host if need be, and the
         * pool keeping as many idle connections; 0 for OkHttp's defaults.
         */
        public AsyncFloor(String baseUrl, int maxRequests) {
            this.url = HttpUrl.get(baseUrl + LoopbackServer.BREK_EVENTS_PATH);
            OkHttpClient.Builder b = new OkHttpClient.Builder();
            if (maxRequests > 0) {
                okhttp3.Dispatcher d = new okhttp3.Dispatcher();
                d.setMaxRequests(maxRequests);
                d.setMaxRequestsPerHost(maxRequests);
                b.dispatcher(d).connectionPool(new okhttp3.ConnectionPool(maxRequests, 5,
                        java.util.concurrent.TimeUnit.MINUTES));
            }
            this.http = b.build();
        }

        public CompletableFuture<FloorResponse> sendTextAsync(String sessionId, String actorId, String text) {
            FloorRequest body = new FloorRequest(sessionId, actorId, text, "floor_" + UUID.randomUUID());
            Request request = new Request.Builder()
                    .url(url)
                    .header("x-partner-api-key", API_KEY)
                    .header("Accept", "application/json")
                    .post(RequestBody.create(GSON.toJson(body), JSON))
                    .build();
            CompletableFuture<FloorResponse> result = new CompletableFuture<>();
            http.newCall(request).enqueue(new okhttp3.Callback() {
                @Override
                public void onFailure(okhttp3.Call call, IOException e) {
                    result.completeExceptionally(e);
                }

                @Override
                public void onResponse(okhttp3.Call call, Response response) {
                    try (Response r = response) {
                        if (!r.isSuccessful()) {
                            throw new IOException("HTTP " + r.code());
                        }
                        result.complete(GSON.fromJson(r.body().charStream(), FloorResponse.class));
                    } catch (IOException | RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                }
            });
            return result;
        }

        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
