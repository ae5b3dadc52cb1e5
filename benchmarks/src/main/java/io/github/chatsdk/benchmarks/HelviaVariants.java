package io.github.chatsdk.benchmarks;

import com.google.gson.Gson;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaMessage;
import io.github.chatsdk.benchmarks.stock.helvia.ApiClient;
import io.github.chatsdk.benchmarks.stock.helvia.ApiException;
import io.github.chatsdk.benchmarks.stock.helvia.api.EventsApi;
import io.github.chatsdk.benchmarks.stock.helvia.model.EventRequest;
import io.github.chatsdk.benchmarks.stock.helvia.model.EventResponse;
import io.github.chatsdk.benchmarks.stock.helvia.model.Message;
import io.github.chatsdk.benchmarks.stock.helvia.model.Sender;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The variants of Helvia {@code send} ({@code POST /api/events}, a text message from one sender
 * to the client's handle), each sending the same request to the same server and returning the
 * parsed reply.
 */
public final class HelviaVariants {
    public static final String API_TOKEN = "bench.jwt.token-0123456789";
    public static final String HANDLE = "my-agent-handle";
    public static final String SENDER_ID = "user-123";
    public static final String TEXT = "Hello, I need help with time management";

    private HelviaVariants() {
    }

    /** (1) The floor: a hand-written OkHttp + Gson call (shared client and Gson, small classes). */
    public static final class Floor implements AutoCloseable {
        private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
        private static final Gson GSON = new Gson();
        private final OkHttpClient http = new OkHttpClient();
        private final HttpUrl url;
        private final String authorization = "Bearer " + API_TOKEN;

        public Floor(String baseUrl) {
            this.url = HttpUrl.get(baseUrl + LoopbackServer.HELVIA_EVENTS_PATH);
        }

        public FloorResponse send(String senderId, String text) throws IOException {
            FloorRequest body = new FloorRequest(HANDLE, text, senderId);
            Request request = new Request.Builder()
                    .url(url)
                    .header("Authorization", authorization)
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
        final String handle;
        final Message message;
        final Sender sender;

        FloorRequest(String handle, String text, String senderId) {
            this.handle = handle;
            this.message = new Message(text);
            this.sender = new Sender(senderId);
        }

        static final class Message {
            final String text;

            Message(String text) {
                this.text = text;
            }
        }

        static final class Sender {
            final String id;

            Sender(String id) {
                this.id = id;
            }
        }
    }

    /** The floor's response body. */
    public static final class FloorResponse {
        public String status;
        public Result result;

        public static final class Result {
            public List<Item> responses;
        }

        public static final class Item {
            public String id;
            public String type;
            public List<String> options;
            public String altText;
        }
    }

    /** (2) The generated {@code EventsApi} called directly, with a generated {@code ApiClient}. */
    public static final class Generated implements AutoCloseable {
        private final ApiClient apiClient;
        private final EventsApi api;

        public Generated(String baseUrl) {
            apiClient = new ApiClient();
            apiClient.setBasePath(baseUrl);
            apiClient.setBearerToken(API_TOKEN);
            api = new EventsApi(apiClient);
        }

        public EventResponse send(String senderId, String text) throws ApiException {
            return api.sendEvent(new EventRequest()
                    .handle(HANDLE)
                    .message(new Message().text(text))
                    .sender(new Sender().id(senderId)));
        }

        @Override
        public void close() {
            apiClient.getHttpClient().dispatcher().executorService().shutdown();
            apiClient.getHttpClient().connectionPool().evictAll();
        }
    }

    /** (3) and (4): the facade, synchronous and async, one client. */
    public static final class Facade implements AutoCloseable {
        private final HelviaClient helvia;

        public Facade(String baseUrl) {
            helvia = HelviaClient.builder().apiToken(API_TOKEN).handle(HANDLE).baseUrl(baseUrl).build();
        }

        public AgentReply send(String senderId, String text) {
            return helvia.messages().send(HelviaMessage.text(text).sender(senderId));
        }

        /** (4) The facade, async: {@code helvia.async().messages().send(HelviaMessage.text(...).sender(...))}. */
        public CompletableFuture<AgentReply> sendAsync(String senderId, String text) {
            return helvia.async().messages().send(HelviaMessage.text(text).sender(senderId));
        }

        @Override
        public void close() {
            helvia.close();
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
        private final String authorization = "Bearer " + API_TOKEN;

        /** With OkHttp's default dispatcher. */
        public AsyncFloor(String baseUrl) {
            this(baseUrl, 0);
        }

        /**
         * With the dispatcher allowing {@code maxRequests} calls, all to one host if need be, and the
         * pool keeping as many idle connections; 0 for OkHttp's defaults.
         */
        public AsyncFloor(String baseUrl, int maxRequests) {
            this.url = HttpUrl.get(baseUrl + LoopbackServer.HELVIA_EVENTS_PATH);
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

        public CompletableFuture<FloorResponse> sendAsync(String senderId, String text) {
            FloorRequest body = new FloorRequest(HANDLE, text, senderId);
            Request request = new Request.Builder()
                    .url(url)
                    .header("Authorization", authorization)
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
