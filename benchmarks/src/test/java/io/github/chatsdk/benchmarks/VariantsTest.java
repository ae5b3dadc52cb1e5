package io.github.chatsdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.chatsdk.benchmarks.coldstart.ColdStartMain;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.benchmarks.stock.brek.model.SendEventResponse;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.benchmarks.stock.helvia.model.EventResponse;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs every benchmark variant once against the loopback server and checks the parsed value, so
 * the benchmark code cannot rot unnoticed (the benchmarks themselves never run in {@code mvn verify}).
 */
class VariantsTest {
    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servedBodiesAreTheSpecsOwnExamples() throws Exception {
        Path specs = specsDir();
        Map<String, Object> brek;
        try (Reader in = Files.newBufferedReader(specs.resolve("brek-partner-core-chat.yaml"), StandardCharsets.UTF_8)) {
            brek = new Yaml().load(in);
        }
        Object brekExample = path(brek, "paths", "/api/partner/v1/core-chat/events", "post", "responses", "200",
                "content", "application/json", "examples", "shortlist", "value");
        assertEquals(new Gson().toJsonTree(brekExample), parse(Bodies.brekSendEvent()));

        JsonObject helvia = JsonParser.parseString(Files.readString(specs.resolve("helvia-bot.json"))).getAsJsonObject();
        JsonElement helviaExample = helvia.getAsJsonObject("paths").getAsJsonObject("/api/events")
                .getAsJsonObject("post").getAsJsonObject("responses").getAsJsonObject("200")
                .getAsJsonObject("content").getAsJsonObject("application/json").getAsJsonObject("examples")
                .getAsJsonObject("textResponse").get("value");
        assertEquals(helviaExample, parse(Bodies.helviaSend()));
    }

    @Test
    void brekVariantsReturnTheParsedShortlist() throws Exception {
        long before = server.brekRequests();
        try (BrekVariants.Floor floor = new BrekVariants.Floor(server.baseUrl())) {
            BrekVariants.FloorResponse r = floor.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID,
                    BrekVariants.TEXT);
            assertEquals("shortlist", r.data.result.status);
            assertEquals("I found options matching your request in Seattle.", r.data.result.message.text);
            assertEquals(new BigDecimal("980.67"), r.data.result.artifacts.shortlist.get(0).totalPrice);
        }
        try (BrekVariants.Generated generated = new BrekVariants.Generated(server.baseUrl())) {
            SendEventResponse r = generated.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID,
                    BrekVariants.TEXT);
            assertEquals("shortlist", r.getData().getResult().getStatus());
            assertEquals("evt_1771456966998", r.getData().getEvent().getId());
        }
        try (BrekVariants.Facade facade = new BrekVariants.Facade(server.baseUrl())) {
            EventResult r = facade.sendText(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID, BrekVariants.TEXT);
            assertEquals("shortlist", r.status());
            assertEquals("I found options matching your request in Seattle.", r.messageText());
            assertEquals("3d49d4cb-22b1-4963-9280-508fb1190f5c", r.shortlist().get(0).optionId());
            assertEquals(new BigDecimal("980.67"), r.shortlist().get(0).totalPrice().orElseThrow());
            assertEquals("partner_demo", r.partnerId().orElseThrow());
            assertEquals(119L, r.meta().rateLimit().orElseThrow().remaining().getAsLong());
            assertEquals(1, r.meta().attempts());
            EventResult async = facade.sendTextAsync(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID,
                    BrekVariants.TEXT).join();
            assertEquals("shortlist", async.status());
            assertEquals("3d49d4cb-22b1-4963-9280-508fb1190f5c", async.shortlist().get(0).optionId());
        }
        assertEquals(4, server.brekRequests() - before, "one request per call");
    }

    @Test
    void helviaVariantsReturnTheParsedReply() throws Exception {
        long before = server.helviaRequests();
        List<String> texts = List.of("Hi! I'm the Productivity Coach.", "How can I help you today?");
        try (HelviaVariants.Floor floor = new HelviaVariants.Floor(server.baseUrl())) {
            HelviaVariants.FloorResponse r = floor.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT);
            assertEquals("ok", r.status);
            assertEquals(texts.get(1), r.result.responses.get(1).altText);
        }
        try (HelviaVariants.Generated generated = new HelviaVariants.Generated(server.baseUrl())) {
            EventResponse r = generated.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT);
            assertEquals(EventResponse.StatusEnum.OK, r.getStatus());
            assertEquals(2, r.getResult().getResponses().size());
        }
        try (HelviaVariants.Facade facade = new HelviaVariants.Facade(server.baseUrl())) {
            AgentReply r = facade.send(HelviaVariants.SENDER_ID, HelviaVariants.TEXT);
            assertEquals("ok", r.status().orElseThrow());
            assertEquals(texts, r.texts());
            assertEquals(texts, facade.sendAsync(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).join().texts());
        }
        assertEquals(4, server.helviaRequests() - before, "one request per call");
    }

    @Test
    void everyColdStartVariantCompletesItsCall() throws Exception {
        for (String api : List.of("brek", "helvia")) {
            for (String variant : List.of("floor", "generated", "facade")) {
                String summary = ColdStartMain.run(api, variant, server.baseUrl());
                assertEquals(api.equals("brek") ? "shortlist" : "ok", summary.toLowerCase(java.util.Locale.ROOT),
                        api + "/" + variant);
            }
        }
    }

    @Test
    void serverAnswersUnknownPathsWith404AndKeepsTheConnection() throws Exception {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        try {
            for (int i = 0; i < 3; i++) {
                try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder()
                        .url(server.baseUrl() + "/nope").build()).execute()) {
                    assertEquals(404, r.code());
                    assertFalse(r.body().string().isEmpty());
                }
            }
            assertTrue(http.connectionPool().connectionCount() <= 1, "kept alive");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void theAsyncFloorsReturnTheParsedValueFromOkHttpsCallback() {
        long brekBefore = server.brekRequests();
        long helviaBefore = server.helviaRequests();
        try (BrekVariants.AsyncFloor floor = new BrekVariants.AsyncFloor(server.baseUrl())) {
            BrekVariants.FloorResponse r = floor.sendTextAsync(BrekVariants.SESSION_ID, BrekVariants.ACTOR_ID,
                    BrekVariants.TEXT).join();
            assertEquals("shortlist", r.data.result.status);
            assertEquals(new BigDecimal("980.67"), r.data.result.artifacts.shortlist.get(0).totalPrice);
        }
        try (HelviaVariants.AsyncFloor floor = new HelviaVariants.AsyncFloor(server.baseUrl(), 256)) {
            HelviaVariants.FloorResponse r = floor.sendAsync(HelviaVariants.SENDER_ID, HelviaVariants.TEXT).join();
            assertEquals("ok", r.status);
            assertEquals("How can I help you today?", r.result.responses.get(1).altText);
        }
        assertEquals(1, server.brekRequests() - brekBefore);
        assertEquals(1, server.helviaRequests() - helviaBefore);
    }

    @Test
    void everyFanOutVariantCompletesTwoHundredCallsAgainstTheSlowServer() throws Exception {
        FanOutBenchmark bench = new FanOutBenchmark();
        FanOutBenchmark.BrekFloor brekFloor = new FanOutBenchmark.BrekFloor();
        FanOutBenchmark.BrekFacade brekFacade = new FanOutBenchmark.BrekFacade();
        FanOutBenchmark.HelviaFloor helviaFloor = new FanOutBenchmark.HelviaFloor();
        FanOutBenchmark.HelviaFacade helviaFacade = new FanOutBenchmark.HelviaFacade();
        brekFloor.setUp();
        try {
            assertEquals(FanOutBenchmark.CALLS, bench.brekFloorAsync(brekFloor));
            assertEquals(FanOutBenchmark.CALLS, brekFloor.server.brekRequests());
        } finally {
            brekFloor.tearDown();
        }
        brekFacade.setUp();
        try {
            assertEquals(FanOutBenchmark.CALLS, bench.brekFacadeAsync(brekFacade));
            assertEquals(FanOutBenchmark.CALLS, brekFacade.server.brekRequests());
        } finally {
            brekFacade.tearDown();
        }
        helviaFloor.setUp();
        try {
            assertEquals(FanOutBenchmark.CALLS, bench.helviaFloorAsync(helviaFloor));
            assertEquals(FanOutBenchmark.CALLS, helviaFloor.server.helviaRequests());
        } finally {
            helviaFloor.tearDown();
        }
        helviaFacade.setUp();
        try {
            assertEquals(FanOutBenchmark.CALLS, bench.helviaFacadeAsync(helviaFacade));
            assertEquals(FanOutBenchmark.CALLS, helviaFacade.server.helviaRequests());
        } finally {
            helviaFacade.tearDown();
        }
    }

    private static JsonElement parse(byte[] body) {
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> root, String... keys) {
        Object o = root;
        for (String k : keys) {
            o = ((Map<String, Object>) o).get(k);
        }
        return o;
    }

    private static Path specsDir() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("specs").resolve("brek-partner-core-chat.yaml"))) {
                return dir.resolve("specs");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no specs/ above " + Paths.get("").toAbsolutePath());
    }
}
