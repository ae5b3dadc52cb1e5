package io.github.chatsdk.helvia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.chatsdk.core.InvalidInputException;
import io.github.chatsdk.testsupport.LogCapture;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building a client: defaults, the environment contract, and refusals. */
class HelviaClientConfigTest extends HelviaServerTest {

    @Test
    void theProductionServerIsTheDefault() {
        try (HelviaClient c = HelviaClient.builder().apiToken("t").build()) {
            assertEquals("https://bot-v5.helvia.ai", c.baseUrl());
            assertEquals(HelviaClient.PRODUCTION_URL, c.baseUrl());
            assertEquals(Optional.empty(), c.handle());
        }
    }

    @Test
    void theEnvironmentGivesTokenHandleAndBaseUrl() throws Exception {
        Map<String, String> env = Map.of("HELVIA_API_TOKEN", " " + TOKEN + " ", "HELVIA_HANDLE", "env-handle",
                "HELVIA_BASE_URL", server.url("/").toString());
        enqueueReply();
        try (HelviaClient c = HelviaClient.builder().fromEnv(env).sleeper(io.github.chatsdk.core.Sleeper.of(sleeps::add)).build()) {
            assertEquals(Optional.of("env-handle"), c.handle());
            assertEquals(server.url("/").toString().replaceAll("/$", ""), c.baseUrl());
            c.messages().send(HelviaMessage.text("hi"));
        }
        assertEquals("env-handle", takeEvent().get("handle").getAsString(), "and the trimmed token went as Bearer");
    }

    @Test
    void theEnvironmentCanBeAMap() throws Exception {
        Map<String, String> env = Map.of("HELVIA_API_TOKEN", TOKEN, "HELVIA_HANDLE", "map-handle",
                "HELVIA_BASE_URL", server.url("/").toString());
        enqueueReply();
        try (HelviaClient c = HelviaClient.builder().fromEnv(env).sleeper(io.github.chatsdk.core.Sleeper.of(sleeps::add)).build()) {
            assertEquals(Optional.of("map-handle"), c.handle());
            assertEquals(server.url("/").toString().replaceAll("/$", ""), c.baseUrl());
            c.messages().send(HelviaMessage.text("hi"));
        }
        assertEquals("map-handle", takeEvent().get("handle").getAsString());
    }

    @Test
    void chatsdkLogInTheEnvironmentSetsTheLogLevel() throws Exception {
        Map<String, String> env = Map.of("HELVIA_API_TOKEN", TOKEN, "HELVIA_HANDLE", "h",
                "HELVIA_BASE_URL", server.url("/").toString(), "CHATSDK_LOG", "INFO");
        enqueueReply();
        try (LogCapture log = LogCapture.start();
                HelviaClient c = HelviaClient.builder().fromEnv(env).sleeper(io.github.chatsdk.core.Sleeper.of(sleeps::add)).build()) {
            c.messages().send(HelviaMessage.text("hi"));
            assertTrue(log.text().contains("helvia POST "), log.text());
        }
    }

    @Test
    void settingsAfterTheEnvironmentOverrideIt() {
        Map<String, String> env = Map.of("HELVIA_API_TOKEN", "t", "HELVIA_HANDLE", "env-handle");
        try (HelviaClient c = HelviaClient.builder().fromEnv(env).handle("explicit").build()) {
            assertEquals(Optional.of("explicit"), c.handle());
        }
    }

    @Test
    void blankEnvironmentValuesAreIgnored() {
        Map<String, String> env = Map.of("HELVIA_API_TOKEN", "t", "HELVIA_HANDLE", " ", "HELVIA_BASE_URL", "");
        try (HelviaClient c = HelviaClient.builder().fromEnv(env).build()) {
            assertEquals(Optional.empty(), c.handle());
            assertEquals(HelviaClient.PRODUCTION_URL, c.baseUrl());
        }
    }

    @Test
    void aMissingTokenInTheEnvironmentSaysWhatToSet() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HelviaClient.builder().fromEnv(java.util.Map.of()).build());
        assertEquals("apiToken", e.field());
        assertTrue(e.getMessage().contains("HELVIA_API_TOKEN"), e.getMessage());
    }

    @Test
    void plainHttpToAnotherHostNeedsAnExplicitOptIn() {
        try (HelviaClient c = HelviaClient.builder().apiToken("t").baseUrl("http://helvia.internal:8080/")
                .allowInsecureHttp(true).build()) {
            assertEquals("http://helvia.internal:8080", c.baseUrl());
        }
    }
}
