package io.github.chatsdk.it.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.brek.CreateSession;
import io.github.chatsdk.brek.EventResult;
import io.github.chatsdk.brek.Session;
import io.github.chatsdk.brek.SessionSnapshot;
import io.github.chatsdk.brek.ShortlistOption;
import io.github.chatsdk.helvia.AgentReply;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.helvia.HelviaConversation;
import io.github.chatsdk.it.common.Resolved;
import io.github.chatsdk.testkit.BrekSandbox;
import io.github.chatsdk.testkit.HelviaSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlin.KotlinVersion;
import okhttp3.OkHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clients on the class path a Spring Boot 3.5 application resolves (this module imports
 * {@code spring-boot-dependencies} and nothing of ours manages a version): the versions of OkHttp,
 * Gson and the Kotlin standard library actually loaded are printed and checked against Boot's BOM,
 * then a Brek booking flow and a Helvia conversation run against the test kit's sandboxes, each
 * synchronously and asynchronously.
 */
class SpringBootVersionsTest {
    private static String bom;

    @BeforeAll
    static void readBootsBom() throws IOException {
        bom = Files.readString(Path.of(System.getProperty("chatsdk.springBoot.bom")), StandardCharsets.UTF_8);
    }

    /** A version property of Boot's BOM, such as {@code gson.version}; empty when Boot does not manage it. */
    private static Optional<String> bootManaged(String property) {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(bom);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    private static String gsonVersion() throws IOException {
        try (InputStream in = Gson.class.getResourceAsStream(
                "/META-INF/maven/com.google.code.gson/gson/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    @Test
    void theLibrariesOnTheClassPathAreTheOnesSpringBootManages() throws IOException {
        String boot = System.getProperty("chatsdk.springBoot.version");
        String okhttp = OkHttp.VERSION;
        String gson = gsonVersion();
        String kotlin = KotlinVersion.CURRENT.toString();
        Optional<String> bootOkHttp = bootManaged("okhttp.version");
        System.out.printf("Spring Boot %s resolves: OkHttp %s (%s), Gson %s (Boot's %s), kotlin-stdlib %s (Boot's %s)%n",
                boot, okhttp, bootOkHttp.map(v -> "Boot's " + v).orElse("not managed by Boot: chatsdk's"), gson,
                bootManaged("gson.version").orElse("-"), kotlin, bootManaged("kotlin.version").orElse("-"));

        assertTrue(bom.contains("<artifactId>spring-boot-dependencies</artifactId>"), "the BOM was found");
        bootOkHttp.ifPresent(v -> assertEquals(v, okhttp, "OkHttp is Boot's"));
        assertTrue(okhttp.startsWith("5."), "the clients are on OkHttp 5: " + okhttp);
        Resolved.print();
        Resolved.oneOkHttp("okhttp-jvm-" + System.getProperty("expected.okhttp") + ".jar");
        assertEquals(bootManaged("gson.version").orElseThrow(), gson, "Gson is Boot's");
        assertEquals(bootManaged("kotlin.version").orElseThrow(), kotlin, "kotlin-stdlib is Boot's");
    }

    @Test
    void aBrekBookingFlowRunsAgainstTheSandbox() throws Exception {
        try (BrekSandbox sandbox = BrekSandbox.start();
                BrekClient brek = BrekClient.builder().apiKey(sandbox.apiKey()).baseUrl(sandbox.baseUrl()).build()) {
            Session session = brek.sessions().create(CreateSession.forActor("partner_user_001"));
            EventResult search = brek.events().sendText(session.sessionId(), "partner_user_001",
                    "Seattle Mar 20-23 1 room refundable");
            assertEquals("shortlist", search.status());
            ShortlistOption option = search.shortlist().get(0);
            assertTrue(option.totalPrice().isPresent());

            EventResult booking = brek.async().events().bookOption(session.sessionId(), option.optionId())
                    .get(10, TimeUnit.SECONDS);
            assertFalse(booking.idempotencyKey().isBlank());
            SessionSnapshot history = brek.async().sessions().get(session.sessionId()).get(10, TimeUnit.SECONDS);
            assertEquals(2, history.events().size());
            assertEquals(2, sandbox.recordedEventCount(session.sessionId()));
        }
    }

    @Test
    void aHelviaConversationRunsAgainstTheSandbox() throws Exception {
        try (HelviaSandbox sandbox = HelviaSandbox.start();
                HelviaClient helvia = HelviaClient.builder().apiToken(sandbox.token()).handle(sandbox.handle())
                        .baseUrl(sandbox.baseUrl()).build()) {
            assertTrue(helvia.health().check().isOk());
            HelviaConversation chat = helvia.conversation("user-123").addTags("spring");
            AgentReply greeting = chat.start();
            assertFalse(greeting.texts().isEmpty());
            AgentReply reply = chat.async().say("Hello, I need help with time management").get(10, TimeUnit.SECONDS);
            assertFalse(reply.responses().isEmpty());
            assertTrue(sandbox.tags("user-123").contains("spring"));
        }
    }
}
